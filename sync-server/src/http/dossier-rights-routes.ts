/**
 * The rights of a young person over their file, exercised by the siège (direction, admin):
 * - `GET /api/v1/youths/:id/journal`: the « Journal des accès » (rights/journal.ts);
 * - `GET /api/v1/youths/:id/export?format=html|json`: the whole file (rights/dossier-export.ts),
 *   printable in French or as JSON;
 * - `POST /api/v1/youths/:id/erase` `{confirmation}`: erasure (rights/erasure.ts), the
 *   confirmation naming the young person.
 * Each is written to the audit log with the dossier's id.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../../src/domain/time';
import { auditBy } from '../audit/entries';
import type { CommitPublisher } from '../replication/commit-fanout';
import { assertSiege } from '../replication/resolution';
import { exportDossier } from '../rights/dossier-export';
import { eraseDossier } from '../rights/erasure';
import { exportStyleHash, renderExportHtml } from '../rights/export-html';
import { accessJournal } from '../rights/journal';
import type { Storage } from '../storage/storage';
import { callerOf } from './caller';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 80 } },
} as const;

const eraseBody = {
  type: 'object',
  additionalProperties: false,
  required: ['confirmation'],
  properties: { confirmation: { type: 'string', maxLength: 300 } },
} as const;

const exportQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { format: { type: 'string', enum: ['html', 'json'] } },
} as const;

export function registerDossierRightsRoutes(
  app: FastifyInstance,
  deps: {
    storage: Storage;
    clock: Clock;
    commits: CommitPublisher;
    requireSession: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  },
): void {
  const { storage, clock } = deps;

  app.get<{ Params: { id: string } }>(
    '/api/v1/youths/:id/journal',
    { preHandler: deps.requireSession, schema: { params: idParams } },
    async (request) => {
      const caller = callerOf(request);
      assertSiege(caller);
      const entries = await accessJournal(storage, request.params.id);
      await storage.appendAudit([
        auditBy(caller, clock.now().toISOString(), 'journal-read', {
          collection: 'youths',
          documentId: request.params.id,
          youthIds: [request.params.id],
        }),
      ]);
      return { entries };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { format?: 'html' | 'json' } }>(
    '/api/v1/youths/:id/export',
    { preHandler: deps.requireSession, schema: { params: idParams, querystring: exportQuery } },
    async (request, reply) => {
      const caller = callerOf(request);
      assertSiege(caller);
      const format = request.query.format ?? 'html';
      const exported = await exportDossier(storage, caller, request.params.id, clock.now());
      await storage.appendAudit([
        auditBy(caller, clock.now().toISOString(), 'dossier-export', {
          collection: 'youths',
          documentId: request.params.id,
          youthIds: [request.params.id],
          details: { format },
        }),
      ]);
      const file = `dossier-${request.params.id}`;
      if (format === 'json') {
        return reply
          .header('content-disposition', `attachment; filename="${file}.json"`)
          .type('application/json; charset=utf-8')
          .send(JSON.stringify(exported, null, 2));
      }
      return reply
        .header(
          'content-security-policy',
          `default-src 'none'; style-src ${exportStyleHash()}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
        )
        .header('content-disposition', `inline; filename="${file}.html"`)
        .type('text/html; charset=utf-8')
        .send(renderExportHtml(exported));
    },
  );

  app.post<{ Params: { id: string }; Body: { confirmation: string } }>(
    '/api/v1/youths/:id/erase',
    { preHandler: deps.requireSession, schema: { params: idParams, body: eraseBody } },
    async (request) => {
      const caller = callerOf(request);
      const { written, summary } = await eraseDossier(
        storage,
        caller,
        request.params.id,
        request.body.confirmation,
        clock,
      );
      // Devices connected now receive the tombstones at once, and purge.
      deps.commits.committed(written);
      return { summary };
    },
  );
}
