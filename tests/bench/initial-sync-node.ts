/**
 * Initial sync of the site-scale data set from the real server over loopback into a fresh RxDB
 * on fake-indexeddb, against the baseline of fetching the same documents as static JSON and
 * writing them with Dexie `bulkPut` into fake-indexeddb, in the same run. fake-indexeddb is
 * much faster than a browser's IndexedDB: the ratio is the figure, not the times
 * (the Chromium bench gives the real ones).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { importAesKey, newKeyMaterial } from '../../src/db/encryption/keys';
import { createRelaisDatabase } from '../../src/db/database';
import { createApiClient } from '../../src/sync/api';
import { startSync } from '../../src/sync/replication';
import { createDeviceFetch } from '../support/cookie-fetch';
import { createTestAccounts, DIRECTION, PASSWORD } from '../support/accounts';
import { startTestServer } from '../support/server';
import { benchDocuments, seedScale, SITE_SCALE } from './datasets';
import { timed, type BenchRow } from './stats';

async function serveJson(body: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function dexieBaseline(body: string): Promise<number> {
  const files = await serveJson(body);
  try {
    const { ms } = await timed(async () => {
      const documents = (await (await fetch(files.url)).json()) as {
        youths: object[];
        events: object[];
      };
      const db = new Dexie(`baseline-${Date.now()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
      db.version(1).stores({ youths: 'id, siteId, referentId, status', events: 'id, youthId' });
      await db.table('youths').bulkPut(documents.youths);
      await db.table('events').bulkPut(documents.events);
      db.close();
    });
    return ms;
  } finally {
    await files.close();
  }
}

export async function benchInitialSyncNode(): Promise<BenchRow> {
  const server = await startTestServer();
  try {
    await createTestAccounts(server.storage);
    const documents = benchDocuments(SITE_SCALE);
    await seedScale(server.storage, { youths: documents.youths, events: documents.events });
    const total = documents.youths!.length + documents.events!.length;
    const baselineMs = await dexieBaseline(
      JSON.stringify({ youths: documents.youths, events: documents.events }),
    );

    const network = createDeviceFetch();
    const api = createApiClient({ baseUrl: server.url, fetch: network.fetch });
    await api.login(DIRECTION.login, PASSWORD);
    const db = await createRelaisDatabase({
      name: `bench-${Date.now()}`,
      dataKey: await importAesKey(newKeyMaterial()),
      actorId: () => DIRECTION.id,
      indexedDB: new IDBFactory(),
      IDBKeyRange,
    });
    const { ms } = await timed(async () => {
      const sync = await startSync({ db, api, collections: ['youths', 'events'] });
      await sync.awaitInSync();
      await sync.stop();
    });
    const synced = (await db.youths.count().exec()) + (await db.events.count().exec());
    await db.close();
    if (synced !== total) throw new Error(`synced ${synced} of ${total} documents`);
    const ratio = ms / baselineMs;
    return {
      what: `first sync with encryption at rest, ${total} docs, RxDB on fake-indexeddb (Node)`,
      measured: `${(ms / 1000).toFixed(2)} s (baseline ${(baselineMs / 1000).toFixed(2)} s)`,
      target: '≤ 2× static JSON + Dexie bulkPut',
      ratio: `${ratio.toFixed(2)}× baseline`,
      verdict: ratio <= 2 ? 'ok' : 'MISSED',
    };
  } finally {
    await server.close();
  }
}
