/** The session cookie: `HttpOnly; SameSite=Strict`, and `Secure` except on loopback. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../auth/sessions';

/**
 * http://localhost works without TLS; anywhere else the session cookie requires HTTPS. Behind a
 * TLS proxy (RELAIS_TRUST_PROXY) the request's protocol says https even when the proxy forwards
 * a loopback Host.
 */
function wantsSecureCookie(request: FastifyRequest): boolean {
  return request.protocol === 'https' || !isLoopback(request.hostname);
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  secureCookies: boolean | undefined,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookies ?? wantsSecureCookie(request),
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}
