/**
 * A request carrying text that storage would refuse or change (U+0000, a lone surrogate:
 * src/domain/validation.ts) in its path, query or body is bad input (400), never a storage
 * failure (500) nor a silent change. Pushes are left to push.ts, which refuses
 * such a row alone so that one pasted value does not fail the whole batch.
 */
import type { FastifyInstance } from 'fastify';
import { RelaisError } from '../../../src/domain/errors';
import { unstorableTextIssues } from '../../../src/domain/validation';

export function refuseUnstorableText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.url?.endsWith('/push')) return;
    const { params, query, body } = request;
    const issues = unstorableTextIssues({ params, query, body });
    if (issues.length > 0) throw new RelaisError('VALIDATION_FAILED', undefined, { issues });
  });
}
