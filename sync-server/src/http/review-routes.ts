/**
 * The siège's decisions on reviews (direction and admin): settle a conflict, merge two dossiers
 * of one young person, or dismiss a review. Reviews are written by the server only, so these
 * routes are how a decision is made; what they write is published to the stream at once, so
 * every device converges on it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../../src/domain/time';
import { mergeDuplicate, type MergeDossiersInput } from '../replication/dossier-merge';
import type { CommitPublisher } from '../replication/commit-fanout';
import { dismissReview, resolveConflict, type ResolveInput } from '../replication/resolution';
import type { Storage } from '../storage/storage';
import { callerOf } from './caller';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 80 } },
} as const;

const comment = { type: 'string', maxLength: 2000 } as const;

const resolveBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    choice: { type: 'integer', minimum: 0, maximum: 9 },
    value: {},
    comment,
  },
} as const;

const mergeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['keepId'],
  properties: {
    keepId: { type: 'string', minLength: 1, maxLength: 80 },
    takeFromOther: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 60 } },
    comment,
  },
} as const;

const dismissBody = {
  type: 'object',
  additionalProperties: false,
  properties: { comment },
} as const;

export function registerReviewRoutes(
  app: FastifyInstance,
  deps: {
    storage: Storage;
    clock: Clock;
    commits: CommitPublisher;
    requireSession: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  },
): void {
  const { storage, clock, commits } = deps;

  app.post<{ Params: { id: string }; Body: ResolveInput }>(
    '/api/v1/reviews/:id/resolve',
    { preHandler: deps.requireSession, schema: { params: idParams, body: resolveBody } },
    async (request) => {
      const outcome = await resolveConflict(
        storage,
        callerOf(request),
        request.params.id,
        request.body ?? {},
        clock,
      );
      commits.committed(outcome.written);
      return { review: outcome.review };
    },
  );

  app.post<{ Params: { id: string }; Body: MergeDossiersInput }>(
    '/api/v1/reviews/:id/merge',
    { preHandler: deps.requireSession, schema: { params: idParams, body: mergeBody } },
    async (request) => {
      const outcome = await mergeDuplicate(
        storage,
        callerOf(request),
        request.params.id,
        request.body,
        clock,
      );
      commits.committed(outcome.written);
      return { review: outcome.review, summary: outcome.summary };
    },
  );

  app.post<{ Params: { id: string }; Body: { comment?: string } }>(
    '/api/v1/reviews/:id/dismiss',
    { preHandler: deps.requireSession, schema: { params: idParams, body: dismissBody } },
    async (request) => {
      const outcome = await dismissReview(
        storage,
        callerOf(request),
        request.params.id,
        request.body?.comment,
        clock,
      );
      commits.committed(outcome.written);
      return { review: outcome.review };
    },
  );
}
