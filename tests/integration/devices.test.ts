/**
 * The devices board of the siège over real HTTP: what devices report about themselves (version,
 * pushes waiting, last sync error) as the siège sees it, and revocation, after which the device
 * is answered 410 DEVICE_REVOKED.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../src/sync/api';
import { ADVISER_SEES, DIRECTION, PASSWORD, createTestAccounts } from '../support/accounts';
import { buildYouth, SITE_SEES } from '../support/builders';
import { createDeviceFetch } from '../support/cookie-fetch';
import { spawnDevice } from '../support/device';
import { startTestServer, type TestServer } from '../support/server';
import { eventually } from '../support/http';

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
  await createTestAccounts(server.storage);
});

afterEach(async () => {
  await server.close();
});

interface Board {
  devices: {
    id: string;
    label: string;
    appVersion: string | null;
    pendingPushes: number | null;
    lastError: string | null;
    revokedAt: string | null;
    current: boolean;
    user: { login: string; name: string; role: string; siteIds: string[] } | null;
  }[];
}

async function deviceClient(
  login: string,
  report: { pending?: number; lastError?: string | null } = {},
): Promise<{ id: string; api: ApiClient }> {
  const id = randomUUID();
  const api = createApiClient({
    baseUrl: server.url,
    fetch: createDeviceFetch().fetch,
    appVersion: '2026.11.2',
    pendingCount: () => report.pending ?? 0,
    lastErrorCode: () => report.lastError ?? null,
  });
  await api.login(login, PASSWORD, { id, label: 'Portable de la permanence' });
  return { id, api };
}

describe('the devices board', () => {
  it('shows each device with its user, version, pushes waiting and last error', async () => {
    const adviser = await deviceClient(ADVISER_SEES.login, {
      pending: 4,
      lastError: 'OUT_OF_SCOPE',
    });
    // The stream opens first, without the report headers: the report still gets through.
    await adviser.api.fetch(`${server.url}/api/v1/session`);
    await adviser.api.pull('youths', 0, 10);
    const siege = await deviceClient(DIRECTION.login);

    const board = await siege.api.send<Board>('GET', '/api/v1/devices');
    expect(board.devices).toHaveLength(2);
    expect(board.devices.find((d) => d.id === adviser.id)).toMatchObject({
      label: 'Portable de la permanence',
      appVersion: '2026.11.2',
      pendingPushes: 4,
      lastError: 'OUT_OF_SCOPE',
      revokedAt: null,
      current: false,
      user: { login: ADVISER_SEES.login, name: 'Camille Sées', role: 'conseiller' },
    });
    expect(board.devices.find((d) => d.id === siege.id)?.current).toBe(true);
  });

  it('shows a device with nothing waiting and no error once it has synced what it held', async () => {
    // The server's clock moves only when told, so what the board shows does not depend on how
    // fast this machine runs: devices are written at most every 30 s (caller.ts).
    let now = Date.parse('2026-11-26T10:00:00Z');
    const clock = { now: () => new Date(now) };
    await server.close();
    server = await startTestServer({ clock });
    await createTestAccounts(server.storage);
    const deviceId = randomUUID();
    const device = spawnDevice({
      serverUrl: server.url,
      login: ADVISER_SEES.login,
      password: PASSWORD,
      deviceId,
    });
    try {
      await device.sync();
      // Offline for a while: two dossiers wait, the last error is the network.
      await device.setOnline(false);
      await device.insert('youths', buildYouth({ siteId: SITE_SEES }));
      await device.insert('youths', buildYouth({ siteId: SITE_SEES, firstName: 'Noé' }));
      now += 60_000;
      // The network returns: the first request reports « 2 en attente », then all is sent.
      await device.setOnline(true);
      await device.sync();
      expect((await device.status()).pending).toBe(0);

      const siege = await deviceClient(DIRECTION.login);
      await eventually(async () => {
        const board = await siege.api.send<Board>('GET', '/api/v1/devices');
        expect(board.devices.find((d) => d.id === deviceId)).toMatchObject({
          pendingPushes: 0,
          lastError: null,
        });
      }, 10_000);
    } finally {
      await device.close();
    }
  });

  it('ignores a count of pushes waiting that is not a whole number, and keeps serving', async () => {
    const adviser = await deviceClient(ADVISER_SEES.login, { pending: 1.5 });
    await adviser.api.pull('youths', 0, 10);
    const siege = await deviceClient(DIRECTION.login);
    const board = await siege.api.send<Board>('GET', '/api/v1/devices');
    expect(board.devices.find((d) => d.id === adviser.id)?.pendingPushes).toBeNull();
  });

  it('revokes a device: its next request is answered 410, and the siège sees when', async () => {
    const adviser = await deviceClient(ADVISER_SEES.login);
    const siege = await deviceClient(DIRECTION.login);
    const answer = await siege.api.send<{ device: Board['devices'][number] }>(
      'POST',
      `/api/v1/devices/${adviser.id}/revoke`,
    );
    expect(answer.device.revokedAt).toEqual(expect.any(String));
    await expect(adviser.api.pull('youths', 0, 10)).rejects.toMatchObject({
      code: 'DEVICE_REVOKED',
      status: 410,
    });
    await expect(
      adviser.api.login(ADVISER_SEES.login, PASSWORD, { id: adviser.id, label: 'x' }),
    ).rejects.toMatchObject({ code: 'DEVICE_REVOKED' });
    const audit = await server.storage.listAudit(20);
    expect(audit.find((entry) => entry.action === 'device-revoke')).toMatchObject({
      userId: DIRECTION.id,
      documentId: adviser.id,
    });
  });

  it('is for direction and admin only, and refuses what makes no sense', async () => {
    const adviser = await deviceClient(ADVISER_SEES.login);
    const siege = await deviceClient(DIRECTION.login);
    await expect(adviser.api.send('GET', '/api/v1/devices')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      status: 403,
    });
    await expect(
      adviser.api.send('POST', `/api/v1/devices/${siege.id}/revoke`),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      siege.api.send('POST', `/api/v1/devices/${siege.id}/revoke`),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    await expect(
      siege.api.send('POST', `/api/v1/devices/${randomUUID()}/revoke`),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect((await server.storage.getDevice(siege.id))?.revokedAt).toBeNull();
  });
});
