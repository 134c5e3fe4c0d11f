/**
 * PostgreSQL refuses U+0000 in text and JSON: a request carrying one in its path, query or body
 * is bad input (400), never a storage failure (500). Pushes are left to push.ts, which refuses
 * such a row alone so that one pasted value does not fail the whole batch.
 */
import type { FastifyInstance } from 'fastify';
import { RelaisError } from '../../../src/domain/errors';
import { nulCharacterIssues } from '../../../src/domain/validation';

export function refuseNulCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.url?.endsWith('/push')) return;
    const { params, query, body } = request;
    const issues = nulCharacterIssues({ params, query, body });
    if (issues.length > 0) throw new RelaisError('VALIDATION_FAILED', undefined, { issues });
  });
}
