/**
 * Logins as an attacker would try them (issue 12, item 7): a forged X-Forwarded-For does not
 * escape the per-address throttle, a throttled login says when to come back, a disabled account
 * answers like a wrong password, and a new login from a device ends that device's old session.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAccountDisabled } from '../../sync-server/src/auth/accounts';
import { readConfig } from '../../sync-server/src/config';
import { systemClock } from '../../src/domain/time';
import { ADVISER_SEES, DIRECTION, PASSWORD, createTestAccounts } from '../support/accounts';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
  await createTestAccounts(server.storage);
});

afterEach(async () => {
  await server.close();
});

function login(body: object, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function codeOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe('login hardening', () => {
  it('throttles an address behind the proxy whatever X-Forwarded-For the client forges', async () => {
    // RELAIS_TRUST_PROXY=1: the proxy on this machine appends the address it saw to the header.
    await server.restart({ trustProxy: readConfig({ RELAIS_TRUST_PROXY: '1' }).trustProxy });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      // A different login each time, so only the address can throttle.
      const response = await login(
        { login: `inconnu${i}`, password: 'mauvais-mot-de-passe' },
        { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` },
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Another client behind the same proxy is not blocked.
    const other = await login(
      { login: ADVISER_SEES.login, password: PASSWORD },
      { 'x-forwarded-for': '203.0.113.8' },
    );
    expect(other.status).toBe(200);
  });

  it('ignores X-Forwarded-For from anyone but the configured proxy', async () => {
    await server.restart({ trustProxy: '10.0.0.5' });
    for (let i = 0; i < 5; i += 1) {
      await login(
        { login: `inconnu${i}`, password: 'mauvais-mot-de-passe' },
        { 'x-forwarded-for': `198.51.100.${i}` },
      );
    }
    const response = await login(
      { login: 'encore', password: 'mauvais-mot-de-passe' },
      { 'x-forwarded-for': '198.51.100.99' },
    );
    expect(response.status).toBe(429);
  });

  it('says when to try again on 429 (Retry-After)', async () => {
    for (let i = 0; i < 5; i += 1)
      await login({ login: ADVISER_SEES.login, password: 'mauvais-mot-de-passe' });
    const response = await login({ login: ADVISER_SEES.login, password: PASSWORD });
    expect(response.status).toBe(429);
    expect(await codeOf(response)).toBe('RATE_LIMITED');
    const seconds = Number(response.headers.get('retry-after'));
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(15 * 60);
  });

  it('answers a disabled account like a wrong password', async () => {
    await setAccountDisabled(server.storage, ADVISER_SEES.login, true, systemClock);
    const right = await login({ login: ADVISER_SEES.login, password: PASSWORD });
    const wrong = await login({ login: DIRECTION.login, password: 'mauvais-mot-de-passe' });
    expect(right.status).toBe(401);
    expect(await codeOf(right)).toBe('INVALID_CREDENTIALS');
    expect(wrong.status).toBe(401);
  });

  it('ends the previous session of a device when it logs in again', async () => {
    const deviceId = '0190b000-0000-7000-a000-0000000000d1';
    const first = await login({ login: ADVISER_SEES.login, password: PASSWORD, deviceId });
    const oldCookie = first.headers.getSetCookie()[0]!.split(';')[0]!;
    const second = await login({ login: ADVISER_SEES.login, password: PASSWORD, deviceId });
    const newCookie = second.headers.getSetCookie()[0]!.split(';')[0]!;
    const me = (cookie: string) =>
      fetch(`${server.url}/api/v1/session`, { headers: { cookie } }).then((r) => r.status);
    expect(await me(oldCookie)).toBe(401);
    expect(await me(newCookie)).toBe(200);
  });
});
