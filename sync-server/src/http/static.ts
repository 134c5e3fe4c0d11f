/**
 * Serves the built PWA (dist/) on the same origin as the API, with its security headers.
 * Hashed assets are cached for a year; index.html and the service worker are revalidated so an
 * update is seen at once. Unknown non-API paths get index.html (client-side routes).
 */
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { envelope } from './errors';

/** CSP without `unsafe-eval` or inline scripts (design.md, Security). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** Two years, as HSTS preload lists ask; sent only on answers that came over TLS. */
const HSTS = 'max-age=63072000; includeSubDomains';

export async function registerStatic(app: FastifyInstance, root: string): Promise<boolean> {
  if (!existsSync(`${root}/index.html`)) return false;
  // Production builds make no source maps (vite.config.ts); one left in the folder by a
  // development build is still never served: it would publish the whole source.
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.split('?')[0]!.endsWith('.map')) {
      return reply.code(404).send(envelope('NOT_FOUND', 'Fichier introuvable.'));
    }
  });
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    setHeaders(reply, path) {
      const revalidate = /(index\.html|sw\.js|registerSW\.js|manifest\.webmanifest)$/.test(path);
      reply.header(
        'cache-control',
        revalidate
          ? 'no-cache'
          : path.includes('/assets/')
            ? 'public, max-age=31536000, immutable'
            : 'public, max-age=3600',
      );
    },
  });
  return true;
}

export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    else reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    return payload;
  });
}
