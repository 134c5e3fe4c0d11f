/**
 * How long a client may take to send a request. Fastify sets no request timeout by default, so
 * a few clients sending a partial body (a stalled upload, or on purpose) held their connections
 * forever. A request must now be received whole within `requestMs` and its headers within
 * `headersMs`; otherwise Node answers through `clientErrorHandler` below: 408 with the envelope,
 * and the connection is closed. Answers may take as long as they need (the SSE stream stays
 * open): these limits only bound what the client sends.
 */
import { STATUS_CODES, type ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import { ERROR_CODES, type ErrorCode } from '../../../src/domain/errors';
import { envelope } from './errors';

export interface ServerTimeouts {
  /** The whole request, body included: a full push batch on a poor mobile network. */
  requestMs: number;
  headersMs: number;
  /** How often Node looks for connections past these limits. */
  checkIntervalMs: number;
}

export const SERVER_TIMEOUTS: ServerTimeouts = {
  requestMs: 60_000,
  headersMs: 15_000,
  checkIntervalMs: 5_000,
};

/** The part of Fastify's options that applies the limits. */
export function timeoutOptions(timeouts: ServerTimeouts): {
  requestTimeout: number;
  http: ServerOptions;
  clientErrorHandler: (error: NodeJS.ErrnoException, socket: Socket) => void;
} {
  return {
    requestTimeout: timeouts.requestMs,
    http: {
      requestTimeout: timeouts.requestMs,
      headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
      connectionsCheckingInterval: timeouts.checkIntervalMs,
    },
    clientErrorHandler,
  };
}

function codeOf(error: NodeJS.ErrnoException): ErrorCode {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'REQUEST_TIMEOUT';
  if (error.code === 'HPE_HEADER_OVERFLOW') return 'HEADERS_TOO_LARGE';
  return 'MALFORMED_REQUEST';
}

/**
 * A request Node could not take (too slow, headers too large, not HTTP): the envelope like every
 * other answer, written on the socket since no route ever saw the request.
 */
function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code = codeOf(error);
  const { status } = ERROR_CODES[code];
  const body = JSON.stringify(envelope(code));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n` +
        `Content-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
