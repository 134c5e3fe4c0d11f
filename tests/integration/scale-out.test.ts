/**
 * Several server processes on one PostgreSQL database (design.md, Running it): two app instances,
 * each with its own pool and its own listening connection, on two ports. A stream opened on one
 * server hears, live and without reconnecting, of what is committed through the other, exactly
 * once, in order, within its caller's scope — also after its listening connection was killed.
 */
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CollectionName, WireDocument } from '../../src/domain/collections';
import { systemClock } from '../../src/domain/time';
import { connectEventStream, type StreamConnection } from '../../src/sync/sse';
import type { ApiClient } from '../../src/sync/api';
import { createAccount } from '../../sync-server/src/auth/accounts';
import { COMMITS_APPLICATION_NAME } from '../../sync-server/src/storage/postgres-commits';
import { openPostgresStorage } from '../../sync-server/src/storage/postgres';
import {
  PASSWORD,
  ADVISER_PERSEIGNE,
  ADVISER_SEES,
  ADVISER_SEES_2,
  createTestAccounts,
  testPasswordHash,
} from '../support/accounts';
import { buildYouth, SITE_PERSEIGNE, SITE_SEES, wire } from '../support/builders';
import { eventually, loggedInClient } from '../support/http';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { spawnDevice, type Device } from '../support/device';
import { startTestServer, type TestServer } from '../support/server';
import type { StorageFixture } from '../support/storages';

const ACCUEIL = { id: '0190b000-0000-7000-a000-00000000a0ac', login: 'accueil.sees' };

interface Batch {
  collection: CollectionName;
  documents: WireDocument[];
  checkpoint: { seq: number };
}

/** A raw SSE client: what the stream carried, and how many times it (re)connected. */
interface RecordedStream {
  batches: Batch[];
  readonly opens: number;
  ids(): string[];
  close(): void;
}

let database: TestDatabase;
let serverA: TestServer;
let serverB: TestServer;
/** The backend pid of each server's listening connection. */
let listenerOfA: number;
let listenerOfB: number;
const streams: StreamConnection[] = [];
const devices: Device[] = [];

async function listenerPids(): Promise<number[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
      [COMMITS_APPLICATION_NAME],
    );
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

async function terminate(pid: number): Promise<void> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('SELECT pg_terminate_backend($1)', [pid]);
  } finally {
    await client.end();
  }
}

async function openStream(client: ApiClient): Promise<RecordedStream> {
  let opens = 0;
  const batches: Batch[] = [];
  const connection = connectEventStream(
    `${client.baseUrl}/api/v1/sync/stream`,
    {
      onOpen: () => (opens += 1),
      onClose: () => undefined,
      onMessage(data) {
        if (data !== 'RESYNC') batches.push(JSON.parse(data) as Batch);
      },
    },
    { fetch: client.fetch },
  );
  streams.push(connection);
  await eventually(async () => expect(opens).toBe(1));
  return {
    batches,
    get opens() {
      return opens;
    },
    ids: () => batches.flatMap((batch) => batch.documents.map((document) => document.id)),
    close: () => connection.close(),
  };
}

async function pushYouth(client: ApiClient, youth: ReturnType<typeof buildYouth>): Promise<void> {
  const answer = await client.push('youths', [{ newDocumentState: wire(youth) }]);
  expect(answer).toEqual({ conflicts: [], refused: [] });
}

/** Waits until the stream carried `id`, and checks it did so without reconnecting. */
async function expectStreamed(stream: RecordedStream, id: string): Promise<void> {
  await eventually(async () => expect(stream.ids()).toContain(id));
  expect(stream.opens).toBe(1);
}

beforeEach(async () => {
  database = await createTestDatabase();
  const fixture: StorageFixture = {
    open: () => openPostgresStorage(database.url),
    dispose: () => database.drop(),
  };
  serverA = await startTestServer({ shared: { backend: 'postgres', fixture } });
  [listenerOfA] = (await listenerPids()) as [number];
  serverB = await startTestServer({ shared: { backend: 'postgres', fixture } });
  [listenerOfB] = (await listenerPids()).filter((pid) => pid !== listenerOfA) as [number];
  await createTestAccounts(serverA.storage);
});

afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  await Promise.all(devices.splice(0).map((device) => device.close()));
  await serverA.close();
  await serverB.close();
  await database.drop();
});

describe('two server processes on one PostgreSQL database', () => {
  it('streams a dossier pushed to one server to the streams of the other, within scope', async () => {
    const adviserOnA = await loggedInClient(serverA.url, ADVISER_SEES.login);
    const colleagueOnB = await loggedInClient(serverB.url, ADVISER_SEES_2.login);
    const perseigneOnB = await loggedInClient(serverB.url, ADVISER_PERSEIGNE.login);
    const streamOnB = await openStream(colleagueOnB);
    const perseigneStream = await openStream(perseigneOnB);
    const streamOnA = await openStream(adviserOnA);

    const dossier = buildYouth({ referentId: ADVISER_SEES.id, lastName: 'Durand' });
    await pushYouth(adviserOnA, dossier);
    await expectStreamed(streamOnB, dossier.id);
    const streamed = streamOnB.batches.find((batch) => batch.documents[0]?.id === dossier.id)!;
    expect(streamed.collection).toBe('youths');
    expect(streamed.documents[0]).toMatchObject({ lastName: 'Durand', _deleted: false });

    // The other way round: pushed to B, heard on A.
    const second = buildYouth({ referentId: ADVISER_SEES_2.id, lastName: 'Moreau' });
    await pushYouth(colleagueOnB, second);
    await expectStreamed(streamOnA, second.id);

    // Perseigne's adviser hears of its own site's dossier, pushed after both, and of neither.
    const perseigneDossier = buildYouth({
      siteId: SITE_PERSEIGNE,
      referentId: ADVISER_PERSEIGNE.id,
    });
    await pushYouth(await loggedInClient(serverA.url, ADVISER_PERSEIGNE.login), perseigneDossier);
    await expectStreamed(perseigneStream, perseigneDossier.id);
    expect(perseigneStream.ids()).not.toContain(dossier.id);
    expect(perseigneStream.ids()).not.toContain(second.id);
  });

  it('streams to an accueil account on the other server without the sensitive fields', async () => {
    await createAccount(
      serverA.storage,
      {
        ...ACCUEIL,
        name: 'Accueil Sées',
        role: 'accueil',
        siteIds: [SITE_SEES],
        password: PASSWORD,
      },
      systemClock,
      { passwordHash: await testPasswordHash() },
    );
    const adviserOnA = await loggedInClient(serverA.url, ADVISER_SEES.login);
    const accueilStream = await openStream(await loggedInClient(serverB.url, ACCUEIL.login));
    const dossier = buildYouth({
      referentId: ADVISER_SEES.id,
      rqth: true,
      notes: 'Suivi santé en cours.',
      phone: '06 39 98 11 22',
    });
    await pushYouth(adviserOnA, dossier);
    await expectStreamed(accueilStream, dossier.id);
    const streamed = accueilStream.batches
      .flatMap((batch) => batch.documents)
      .find((document) => document.id === dossier.id);
    expect(streamed).toMatchObject({ phone: '06 39 98 11 22' });
    expect(streamed).not.toHaveProperty('rqth');
    expect(streamed).not.toHaveProperty('notes');
  });

  it('brings a dossier created on a device of one server to a device of the other, live', async () => {
    const deviceOnA = spawnDevice({
      serverUrl: serverA.url,
      login: ADVISER_SEES.login,
      password: PASSWORD,
    });
    const deviceOnB = spawnDevice({
      serverUrl: serverB.url,
      login: ADVISER_SEES_2.login,
      password: PASSWORD,
    });
    devices.push(deviceOnA, deviceOnB);
    await Promise.all([deviceOnA.sync(), deviceOnB.sync()]);
    const dossier = buildYouth({ firstName: 'Maëlys' });
    await deviceOnA.insert('youths', dossier);
    await deviceOnA.sync();
    // B's device learns it through its stream from server B, without asking.
    await eventually(async () =>
      expect(await deviceOnB.get('youths', dossier.id)).toMatchObject({ firstName: 'Maëlys' }),
    );
  });

  it('delivers every commit exactly once and in order to each stream, whoever committed it', async () => {
    const adviserOnA = await loggedInClient(serverA.url, ADVISER_SEES.login);
    const adviserOnB = await loggedInClient(serverB.url, ADVISER_SEES_2.login);
    const streamOnA = await openStream(adviserOnA);
    const streamOnB = await openStream(adviserOnB);

    const dossiers = Array.from({ length: 8 }, (_, index) =>
      buildYouth({ referentId: ADVISER_SEES.id, lastName: `Dossier ${index}` }),
    );
    // Pushed in turn to both servers, two at a time, so commits interleave.
    for (let index = 0; index < dossiers.length; index += 2) {
      await Promise.all([
        pushYouth(adviserOnA, dossiers[index]!),
        pushYouth(adviserOnB, dossiers[index + 1]!),
      ]);
    }
    const expected = dossiers.map((dossier) => dossier.id).sort();
    for (const stream of [streamOnA, streamOnB]) {
      await eventually(async () =>
        expect(stream.ids().filter((id) => expected.includes(id))).toHaveLength(expected.length),
      );
      const youthBatches = stream.batches.filter((batch) => batch.collection === 'youths');
      expect(youthBatches.flatMap((batch) => batch.documents.map((d) => d.id)).sort()).toEqual(
        expected,
      );
      const checkpoints = youthBatches.map((batch) => batch.checkpoint.seq);
      expect(checkpoints).toEqual([...checkpoints].sort((a, b) => a - b));
      expect(new Set(checkpoints).size).toBe(checkpoints.length);
      expect(stream.opens).toBe(1);
    }
  });

  it('catches up after its listening connection is killed, without the stream reconnecting', async () => {
    expect(listenerOfB).not.toBe(listenerOfA);
    const adviserOnA = await loggedInClient(serverA.url, ADVISER_SEES.login);
    const colleagueOnB = await loggedInClient(serverB.url, ADVISER_SEES_2.login);
    const streamOnB = await openStream(colleagueOnB);

    await terminate(listenerOfB);
    // Committed while B's listener may be down: its notification can be lost, not the dossier.
    const missed = buildYouth({ referentId: ADVISER_SEES.id, lastName: 'Pendant la coupure' });
    await pushYouth(adviserOnA, missed);
    await expectStreamed(streamOnB, missed.id);

    // B listens again on a new connection: the next commit on A arrives by notification.
    await eventually(async () => {
      const pids = await listenerPids();
      expect(pids).toHaveLength(2);
      expect(pids).not.toContain(listenerOfB);
    });
    const after = buildYouth({ referentId: ADVISER_SEES.id, lastName: 'Après la coupure' });
    await pushYouth(adviserOnA, after);
    await expectStreamed(streamOnB, after.id);
    expect(streamOnB.ids().filter((id) => id === missed.id)).toHaveLength(1);
  });
});
