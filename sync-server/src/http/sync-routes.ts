/**
 * The replication endpoints of design.md: pull and push per collection and schema version, and
 * the SSE stream. Push answers RxDB's array of master states; when some rows are refused it
 * answers the error envelope instead, whose details carry both the refused rows (with reasons)
 * and the master states of the applied ones, so no row is ever dropped silently.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  isCollectionName,
  schemaVersionOf,
  type CollectionName,
} from '../../../src/domain/collections';
import { ERROR_CODES, RelaisError } from '../../../src/domain/errors';
import type { Clock } from '../../../src/domain/time';
import { unstorableTextIssues } from '../../../src/domain/validation';
import type { CommitPublisher } from '../replication/commit-fanout';
import type { ChangeHub } from '../replication/hub';
import { pullDocumentsJson } from '../replication/pull';
import { applyPush, type RejectedRow } from '../replication/push';
import type { PlainDocument } from '../../../src/domain/merge';
import { auditBy, youthOfDocument, youthsOfDocuments } from '../audit/entries';
import type { Caller } from '../replication/scope';
import type { AuditEntry, Storage } from '../storage/storage';
import { SESSION_COOKIE } from '../auth/sessions';
import { callerOf, resolveCaller } from './caller';
import { PULL_COMPRESSION } from './compression';
import { envelope } from './errors';
import { openStream } from './stream';
import type { StreamGuards } from './stream-guard';

export const MAX_PUSH_ROWS = 1000;
export const MAX_PULL_LIMIT = 5000;
export const DEFAULT_PULL_LIMIT = 500;

interface CollectionParams {
  collection: string;
  schemaVersion: string;
}

function resolveCollection(params: CollectionParams): CollectionName {
  if (!isCollectionName(params.collection)) {
    throw new RelaisError('UNKNOWN_COLLECTION', `Collection inconnue : ${params.collection}.`);
  }
  const requested = Number(params.schemaVersion);
  const current = schemaVersionOf(params.collection);
  if (!Number.isInteger(requested) || requested < 0) {
    throw new RelaisError('VALIDATION_FAILED', 'Version de schéma invalide.');
  }
  if (requested < current) {
    throw new RelaisError('SCHEMA_OUTDATED', undefined, { requested, current });
  }
  if (requested > current) {
    throw new RelaisError('VALIDATION_FAILED', 'Version de schéma inconnue du serveur.', {
      requested,
      current,
    });
  }
  return params.collection;
}

function integerQuery(value: unknown, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > max) {
    throw new RelaisError('VALIDATION_FAILED', `Paramètre « ${name} » invalide.`);
  }
  return number;
}

/** One audit row per refused row, with the reason and the dossier it was about. */
function refusedRowsAudit(
  caller: Caller,
  clock: Clock,
  collection: CollectionName,
  rows: unknown[],
  rejected: RejectedRow[],
): AuditEntry[] {
  const at = clock.now().toISOString();
  const youthById = new Map<string, string>();
  for (const row of rows) {
    const state = (row as { newDocumentState?: unknown } | null)?.newDocumentState;
    if (typeof state !== 'object' || state === null) continue;
    const document = state as PlainDocument;
    const youthId = youthOfDocument(collection, document);
    if (typeof document.id === 'string' && youthId) youthById.set(document.id, youthId);
  }
  // A refused id may hold what no table can store or keep as sent (a NUL character, a lone
  // surrogate): the log keeps the others.
  const storable = (text: string | null | undefined) =>
    text && unstorableTextIssues(text).length === 0 ? text : undefined;
  return rejected.map((row) => {
    const youthId = storable(row.id ? youthById.get(row.id) : undefined);
    return auditBy(caller, at, 'push-refused', {
      collection,
      documentId: storable(row.id) ?? null,
      ...(youthId ? { youthIds: [youthId] } : {}),
      details: { code: row.code },
    });
  });
}

/** The status of a partly refused push: the first refusal decides. */
function refusalCode(rejected: RejectedRow[]): RejectedRow['code'] {
  const scope = rejected.find((row) => row.code === 'OUT_OF_SCOPE' || row.code === 'SCOPE_LEFT');
  return scope?.code ?? rejected[0]!.code;
}

export function registerSyncRoutes(
  app: FastifyInstance,
  deps: {
    storage: Storage;
    clock: Clock;
    hub: ChangeHub;
    guards: StreamGuards;
    commits: CommitPublisher;
    requireSession: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  },
): void {
  const { storage, clock, hub, commits } = deps;

  app.get<{
    Params: CollectionParams;
    Querystring: { seq?: string; limit?: string; progress?: string };
  }>(
    '/api/v1/sync/:collection/:schemaVersion/pull',
    { preHandler: deps.requireSession, compress: PULL_COMPRESSION },
    async (request, reply) => {
      const caller = callerOf(request);
      const collection = resolveCollection(request.params);
      const seq = integerQuery(request.query.seq, 'seq', 0, Number.MAX_SAFE_INTEGER);
      const limit =
        integerQuery(request.query.limit, 'limit', DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT) ||
        DEFAULT_PULL_LIMIT;
      const result = await pullDocumentsJson(storage, caller, collection, seq, limit, {
        progress: request.query.progress === '1',
      });
      if (result.count > 0 && collection !== 'sites' && collection !== 'staff') {
        // Which dossiers this device received: the answer to "who saw this young person's file".
        await storage.appendAudit([
          auditBy(caller, clock.now().toISOString(), 'pull', {
            collection,
            youthIds: result.youthIds,
            details: { count: result.count, fromSeq: seq, toSeq: result.checkpoint.seq },
          }),
        ]);
      }
      // Already JSON: Fastify sends a string with a JSON content type as it is.
      return reply.type('application/json; charset=utf-8').send(result.json);
    },
  );

  app.post<{ Params: CollectionParams; Body: unknown }>(
    '/api/v1/sync/:collection/:schemaVersion/push',
    { preHandler: deps.requireSession },
    async (request, reply) => {
      const caller = callerOf(request);
      const collection = resolveCollection(request.params);
      const rows = request.body;
      if (!Array.isArray(rows)) {
        throw new RelaisError(
          'VALIDATION_FAILED',
          'Le corps doit être une liste de modifications.',
        );
      }
      if (rows.length > MAX_PUSH_ROWS) {
        throw new RelaisError('TOO_MANY_ROWS', undefined, {
          max: MAX_PUSH_ROWS,
          received: rows.length,
        });
      }
      const outcome = await applyPush(storage, caller, collection, rows, clock);
      commits.committed(outcome.written);
      if (outcome.rejected.length === 0) return outcome.conflicts;
      await storage.appendAudit(
        refusedRowsAudit(caller, clock, collection, rows, outcome.rejected),
      );
      // The status is the refusal's own, from the one table of codes (403, 400, 409…).
      const status = ERROR_CODES[refusalCode(outcome.rejected)].status;
      return reply.code(status).send(
        envelope('ROWS_REFUSED', undefined, {
          rejected: outcome.rejected,
          conflicts: outcome.conflicts,
        }),
      );
    },
  );

  app.get('/api/v1/sync/stream', { preHandler: deps.requireSession }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    const caller = callerOf(request);
    openStream(request, reply, {
      hub,
      guards: deps.guards,
      caller,
      check: async () => (await resolveCaller(storage, token, clock)).caller,
      // What the stream actually wrote to this device, once written.
      delivered: (batch) => {
        if (batch.collection === 'sites' || batch.collection === 'staff') return;
        const documents = batch.documents as unknown as PlainDocument[];
        storage
          .appendAudit([
            auditBy(caller, clock.now().toISOString(), 'stream', {
              collection: batch.collection,
              youthIds: youthsOfDocuments(batch.collection, documents),
              details: { count: documents.length, toSeq: batch.checkpoint.seq },
            }),
          ])
          .catch((error: unknown) => request.log.error({ err: error }, 'stream audit failed'));
      },
    });
  });
}
