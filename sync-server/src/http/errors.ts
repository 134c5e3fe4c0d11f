/**
 * The one mapping from anything thrown in a route to the JSON error envelope
 * `{error: {code, message, details?}}`. Bad input is always a 4xx; only a bug is a 500.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  ERROR_CODES,
  RelaisError,
  type ErrorCode,
  type ErrorEnvelope,
} from '../../../src/domain/errors';

export function envelope(code: ErrorCode, message?: string, details?: unknown): ErrorEnvelope {
  return {
    error: {
      code,
      message: message ?? ERROR_CODES[code].fr,
      ...(details === undefined ? {} : { details }),
    },
  };
}

/** Seconds a throttled client should wait, when the error says (throttle.ts). */
function retryAfterOf(error: RelaisError): number | undefined {
  const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' ? seconds : undefined;
}

export function sendError(reply: FastifyReply, error: RelaisError): FastifyReply {
  const retryAfter = error.code === 'RATE_LIMITED' ? retryAfterOf(error) : undefined;
  if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
  return reply
    .code(error.status)
    .type('application/json')
    .send(envelope(error.code, error.message, error.details));
}

/** Fastify's own errors for malformed requests, by their code. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_JSON',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

export function toRelaisError(error: FastifyError | Error): RelaisError {
  if (error instanceof RelaisError) return error;
  const fastifyError = error as FastifyError;
  const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped) return new RelaisError(mapped, ERROR_CODES[mapped].fr, { reason: error.message });
  if (fastifyError.validation)
    return new RelaisError('VALIDATION_FAILED', ERROR_CODES.VALIDATION_FAILED.fr, {
      reason: error.message,
    });
  if (error instanceof SyntaxError) return new RelaisError('INVALID_JSON');
  const status = fastifyError.statusCode;
  if (status === 413) return new RelaisError('PAYLOAD_TOO_LARGE');
  if (status === 429) return new RelaisError('RATE_LIMITED');
  if (status && status >= 400 && status < 500) {
    return new RelaisError('VALIDATION_FAILED', ERROR_CODES.VALIDATION_FAILED.fr, {
      reason: error.message,
    });
  }
  return new RelaisError('INTERNAL');
}

/**
 * What Fastify's router finds wrong with a URL before any route runs (a malformed escape, a
 * parameter longer than its limit): the envelope too, not Fastify's own body.
 */
export function frameworkErrorHandler(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const code: ErrorCode =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URI_TOO_LONG' : 'MALFORMED_REQUEST';
  return sendError(reply, new RelaisError(code));
}

export function errorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const relaisError = toRelaisError(error);
  if (relaisError.code === 'INTERNAL') request.log.error({ err: error }, 'unexpected error');
  return sendError(reply, relaisError);
}
