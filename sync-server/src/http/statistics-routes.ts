/**
 * Statistics over HTTP (issue 17): `GET /api/v1/statistics?from=&to=[&siteId= | &adviserId=]`
 * answers the activity report of the period for every site (or one site's dossiers, or one
 * adviser's), computed from the server's storage. The siège only (direction, admin): an
 * adviser's figures are computed on their device, offline, from their caseload. A bad period
 * is a 400, another role a 403, both in the error envelope.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RelaisError } from '../../../src/domain/errors';
import { checkPeriod } from '../../../src/domain/indicators/period';
import { seesEverything } from '../replication/scope';
import { statisticsReport } from '../statistics/statistics';
import type { Storage } from '../storage/storage';
import { callerOf } from './caller';

interface StatisticsQuery {
  from?: unknown;
  to?: unknown;
  adviserId?: unknown;
  siteId?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

export function registerStatisticsRoutes(
  app: FastifyInstance,
  deps: {
    storage: Storage;
    requireSession: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  },
): void {
  app.get<{ Querystring: StatisticsQuery }>(
    '/api/v1/statistics',
    { preHandler: deps.requireSession },
    async (request) => {
      if (!seesEverything(callerOf(request))) {
        throw new RelaisError(
          'FORBIDDEN',
          'Les statistiques de toute la Mission Locale sont réservées à la direction.',
        );
      }
      const period = checkPeriod(request.query.from, request.query.to);
      const adviserId = text(request.query.adviserId);
      const siteId = text(request.query.siteId);
      if (adviserId && siteId) {
        throw new RelaisError('VALIDATION_FAILED', 'Un site ou un·e conseiller·ère, pas les deux.');
      }
      return statisticsReport(deps.storage, {
        period,
        ...(adviserId ? { adviserId } : {}),
        ...(siteId ? { siteId } : {}),
      });
    },
  );
}
