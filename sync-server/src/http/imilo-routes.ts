/**
 * The i-milo export over HTTP (issue 18, item 3): `POST /api/v1/exports/imilo` with
 * `{from, to, siteId?, adviserId?}` answers `{report, files}` — the report and the CSV text of
 * each file (the screen offers them for download; JSON keeps the API one format). The siège
 * exports any set; a conseiller·ère only their own dossiers. Audited by the export itself.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RelaisError } from '../../../src/domain/errors';
import type { Clock } from '../../../src/domain/time';
import { runImiloExport, type DossierSet } from '../imilo/export';
import { periodOf, setOf, type ExportRequest } from '../imilo/request';
import { seesEverything, type Caller } from '../replication/scope';
import type { Storage } from '../storage/storage';
import { callerOf } from './caller';

/** The set the caller may export: the siège any, an adviser their own dossiers only. */
function allowedSet(caller: Caller, asked: DossierSet): DossierSet {
  if (seesEverything(caller)) return asked;
  if (caller.role !== 'conseiller') throw new RelaisError('FORBIDDEN');
  if (asked.kind === 'all' || (asked.kind === 'adviser' && asked.adviserId === caller.userId)) {
    return { kind: 'adviser', adviserId: caller.userId };
  }
  throw new RelaisError('FORBIDDEN', 'Vous pouvez exporter vos propres dossiers seulement.');
}

export function registerImiloRoutes(
  app: FastifyInstance,
  deps: {
    storage: Storage;
    clock: Clock;
    requireSession: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  },
): void {
  app.post<{ Body: unknown }>(
    '/api/v1/exports/imilo',
    { preHandler: deps.requireSession },
    async (request) => {
      const caller = callerOf(request);
      const body = (
        typeof request.body === 'object' && request.body !== null ? request.body : {}
      ) as ExportRequest;
      const period = periodOf(body);
      const set = allowedSet(caller, setOf(body));
      return runImiloExport(deps.storage, deps.clock, {
        period,
        set,
        by: { userId: caller.userId, deviceId: caller.deviceId, address: caller.address ?? null },
      });
    },
  );
}
