/**
 * An open SSE stream stops carrying dossiers once its session no longer holds: the device was
 * revoked, the session logged out or expired, the account disabled (by the admin CLI's code
 * path) — also when that happened through another server process on the same PostgreSQL
 * database. The stream ends without the dossier a colleague pushed afterwards, while a healthy
 * stream receives it. The server runs on a clock the tests move forward.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { WireDocument } from '../../src/domain/collections';
import type { Clock } from '../../src/domain/time';
import { createApiClient, type ApiClient } from '../../src/sync/api';
import { createEventParser } from '../../src/sync/sse';
import { setAccountDisabled } from '../../sync-server/src/auth/accounts';
import { SESSION_TTL_MS } from '../../sync-server/src/auth/sessions';
import { REVALIDATE_MS } from '../../sync-server/src/http/stream-guard';
import { openPostgresStorage } from '../../sync-server/src/storage/postgres';
import {
  ADVISER_SEES,
  ADVISER_SEES_2,
  DIRECTION,
  PASSWORD,
  createTestAccounts,
} from '../support/accounts';
import { buildYouth, wire } from '../support/builders';
import { createDeviceFetch } from '../support/cookie-fetch';
import { eventually } from '../support/http';
import { createTestDatabase } from '../support/postgres';
import { startTestServer, type TestServer } from '../support/server';

/** The real time, moved forward by the tests. */
interface MovableClock extends Clock {
  advance(ms: number): void;
}

function movableClock(): MovableClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => (offset += ms),
  };
}

/** What a raw SSE client received, and whether the server ended the stream. */
interface RecordedStream {
  ids(): string[];
  notes(): unknown[];
  readonly ended: boolean;
  close(): void;
}

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function client(server: TestServer, login: string, deviceId = randomUUID()) {
  const api = createApiClient({ baseUrl: server.url, fetch: createDeviceFetch().fetch });
  await api.login(login, PASSWORD, { id: deviceId, label: 'Portable de la permanence' });
  return { api, deviceId };
}

async function openRecordedStream(api: ApiClient): Promise<RecordedStream> {
  const controller = new AbortController();
  const response = await api.fetch(`${api.baseUrl}/api/v1/sync/stream`, {
    headers: { accept: 'text/event-stream' },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const documents: WireDocument[] = [];
  let ended = false;
  let opened = false;
  const parse = createEventParser((data) => {
    if (data === 'RESYNC') opened = true;
    else documents.push(...(JSON.parse(data) as { documents: WireDocument[] }).documents);
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parse(value);
    }
    ended = true;
  })().catch(() => undefined);
  const stream: RecordedStream = {
    ids: () => documents.map((document) => document.id),
    notes: () => documents.map((document) => (document as Record<string, unknown>).notes),
    get ended() {
      return ended;
    },
    close: () => controller.abort(),
  };
  cleanups.push(() => stream.close());
  await eventually(async () => expect(opened).toBe(true));
  return stream;
}

/** A colleague of the same site pushes a dossier with a confidential note; its id. */
async function colleaguePushes(server: TestServer): Promise<string> {
  const { api } = await client(server, ADVISER_SEES_2.login);
  const dossier = buildYouth({ referentId: ADVISER_SEES_2.id, notes: 'SECRET NOTE' });
  expect(await api.push('youths', [{ newDocumentState: wire(dossier) }])).toEqual({
    conflicts: [],
    refused: [],
  });
  return dossier.id;
}

/** The healthy stream gets the dossier; the other one ends without it. */
async function expectCutOff(cut: RecordedStream, healthy: RecordedStream, id: string) {
  await eventually(async () => expect(healthy.ids()).toContain(id));
  await eventually(async () => expect(cut.ended).toBe(true));
  expect(cut.ids()).not.toContain(id);
  expect(cut.notes()).not.toContain('SECRET NOTE');
}

describe('an open stream on one server', () => {
  let server: TestServer;
  let clock: MovableClock;

  async function start(): Promise<void> {
    clock = movableClock();
    server = await startTestServer({ clock });
    cleanups.push(() => server.close());
    await createTestAccounts(server.storage);
  }

  it('keeps delivering to a healthy session', async () => {
    await start();
    const adviser = await client(server, ADVISER_SEES.login);
    const stream = await openRecordedStream(adviser.api);
    clock.advance(REVALIDATE_MS);
    const id = await colleaguePushes(server);
    await eventually(async () => expect(stream.ids()).toContain(id));
    expect(stream.notes()).toContain('SECRET NOTE');
    expect(stream.ended).toBe(false);
  });

  it('ends when the direction revokes the device', async () => {
    await start();
    const adviser = await client(server, ADVISER_SEES.login);
    const healthy = await openRecordedStream((await client(server, DIRECTION.login)).api);
    const stream = await openRecordedStream(adviser.api);
    const direction = await client(server, DIRECTION.login);
    await direction.api.send('POST', `/api/v1/devices/${adviser.deviceId}/revoke`);
    // Ended at once by this process, before anything else is pushed.
    await eventually(async () => expect(stream.ended).toBe(true));
    await expectCutOff(stream, healthy, await colleaguePushes(server));
    await expect(adviser.api.pull('youths', 0, 10)).rejects.toMatchObject({
      code: 'DEVICE_REVOKED',
    });
  });

  it('ends when the device logs out', async () => {
    await start();
    const adviser = await client(server, ADVISER_SEES.login);
    const healthy = await openRecordedStream((await client(server, DIRECTION.login)).api);
    const stream = await openRecordedStream(adviser.api);
    await adviser.api.logout();
    await eventually(async () => expect(stream.ended).toBe(true));
    await expectCutOff(stream, healthy, await colleaguePushes(server));
  });

  it('delivers nothing more once the account is disabled from the admin CLI', async () => {
    await start();
    const adviser = await client(server, ADVISER_SEES.login);
    const healthy = await openRecordedStream((await client(server, DIRECTION.login)).api);
    const stream = await openRecordedStream(adviser.api);
    // The CLI's code path, as from another process: this server is not told.
    await setAccountDisabled(server.storage, ADVISER_SEES.login, true, clock);
    clock.advance(REVALIDATE_MS);
    await expectCutOff(stream, healthy, await colleaguePushes(server));
    await expect(adviser.api.pull('youths', 0, 10)).rejects.toMatchObject({
      code: 'ACCOUNT_DISABLED',
    });
  });

  it('delivers nothing more once the session expired', async () => {
    await start();
    const adviser = await client(server, ADVISER_SEES.login);
    const stream = await openRecordedStream(adviser.api);
    clock.advance(SESSION_TTL_MS);
    // Signed in after the expiry, so still valid.
    const healthy = await openRecordedStream((await client(server, DIRECTION.login)).api);
    await expectCutOff(stream, healthy, await colleaguePushes(server));
  });

  it('ends when the account is given other sites, so the device reconnects with its new scope', async () => {
    await start();
    const adviser = await client(server, ADVISER_SEES.login);
    const healthy = await openRecordedStream((await client(server, DIRECTION.login)).api);
    const stream = await openRecordedStream(adviser.api);
    const account = (await server.storage.getAccountByLogin(ADVISER_SEES.login))!;
    await server.storage.write((tx) => tx.upsertAccount({ ...account, siteIds: [] }));
    clock.advance(REVALIDATE_MS);
    await expectCutOff(stream, healthy, await colleaguePushes(server));
  });
});

describe('two server processes on one PostgreSQL database', () => {
  it('ends the stream on one server when the device is revoked through the other', async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const fixture = { open: () => openPostgresStorage(database.url), dispose: async () => {} };
    const clock = movableClock();
    const serverA = await startTestServer({ clock, shared: { backend: 'postgres', fixture } });
    cleanups.push(() => serverA.close());
    const serverB = await startTestServer({ clock, shared: { backend: 'postgres', fixture } });
    cleanups.push(() => serverB.close());
    await createTestAccounts(serverA.storage);

    const adviserOnB = await client(serverB, ADVISER_SEES.login);
    const stream = await openRecordedStream(adviserOnB.api);
    const healthy = await openRecordedStream((await client(serverB, DIRECTION.login)).api);
    const direction = await client(serverA, DIRECTION.login);
    await direction.api.send('POST', `/api/v1/devices/${adviserOnB.deviceId}/revoke`);
    clock.advance(REVALIDATE_MS);
    await expectCutOff(stream, healthy, await colleaguePushes(serverA));
  });
});
