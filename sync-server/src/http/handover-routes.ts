/**
 * Handovers of dossiers to a colleague (issue 18; handover/handover.ts):
 * `POST /api/v1/handovers` `{youthIds, toId, kind, startDate?, endDate?, reason}` → `{summary}`.
 * Made online by the direction, or by an adviser for their own dossiers; what the server writes
 * reaches the open streams at once and every other device at its next pull.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_HANDOVER_DOSSIERS } from '../../../src/domain/rules/handover';
import { HANDOVER_KINDS } from '../../../src/domain/schemas/youth';
import type { Clock } from '../../../src/domain/time';
import { handOver, type HandoverRequest } from '../handover/handover';
import type { CommitPublisher } from '../replication/commit-fanout';
import type { Storage } from '../storage/storage';
import { callerOf } from './caller';

const day = { type: 'string', maxLength: 10 } as const;

// Shapes only: the rules (empty selection, dates, the colleague's account…) answer in French
// from src/domain/rules/handover.ts, the same the screen checks.
const handoverBody = {
  type: 'object',
  additionalProperties: false,
  required: ['youthIds', 'toId', 'kind', 'reason'],
  properties: {
    youthIds: {
      type: 'array',
      maxItems: MAX_HANDOVER_DOSSIERS,
      items: { type: 'string', minLength: 1, maxLength: 80 },
    },
    toId: { type: 'string', maxLength: 80 },
    kind: { type: 'string', enum: HANDOVER_KINDS },
    startDate: day,
    endDate: day,
    reason: { type: 'string', maxLength: 200 },
  },
} as const;

export function registerHandoverRoutes(
  app: FastifyInstance,
  deps: {
    storage: Storage;
    clock: Clock;
    commits: CommitPublisher;
    requireSession: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  },
): void {
  app.post<{ Body: HandoverRequest }>(
    '/api/v1/handovers',
    { preHandler: deps.requireSession, schema: { body: handoverBody } },
    async (request) => {
      const { written, summary } = await handOver(
        deps.storage,
        callerOf(request),
        request.body,
        deps.clock,
      );
      deps.commits.committed(written);
      return { summary };
    },
  );
}
