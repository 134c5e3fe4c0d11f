/**
 * One simulated device in its own worker thread (its own JavaScript realm, as RxDB's
 * 13-collection limit requires): a real RxDB database on fake-indexeddb, logged in to the real
 * server over HTTP, replicating with the real sync client. Driven by messages from device.ts.
 */
import 'fake-indexeddb/auto';
import { parentPort, workerData } from 'node:worker_threads';
import type { RxCollection } from 'rxdb/plugins/core';
import { createRelaisDatabase, type RelaisDatabase } from '../../src/db/database';
import { importAesKey, newKeyMaterial } from '../../src/db/encryption/keys';
import type { CollectionName } from '../../src/domain/collections';
import { createApiClient } from '../../src/sync/api';
import { startSync, type SyncEngine } from '../../src/sync/replication';
import { findIncludingDeleted } from '../../src/db/deleted';
import { createDeviceFetch } from './cookie-fetch';
import { rawIndexedDbText } from './raw-indexeddb';

export interface DeviceWorkerData {
  serverUrl: string;
  login: string;
  password: string;
  deviceId: string;
  /** Added to the real time for `updatedAt`: a device whose clock is wrong. */
  clockOffsetMs: number;
  /**
   * RxDB's dev-mode checks (schema validation of every write): slower, so only for the tests
   * whose point they are; a device never runs them in production.
   */
  devMode?: boolean;
  /**
   * The network goes off as soon as the first pull of this collection has answered: a first
   * sync interrupted after its first page.
   */
  offlineAfterFirstPullOf?: CollectionName;
  /**
   * A device that has not updated yet: its database opens with these earlier schemas and no
   * sync engine (the old app, offline), until `upgrade` reopens it with the current ones.
   */
  previousSchemas?: Partial<Record<CollectionName, object>>;
}

export type DeviceCommand =
  | { type: 'insert'; collection: CollectionName; document: Record<string, unknown> }
  | { type: 'insertMany'; collection: CollectionName; documents: Record<string, unknown>[] }
  | { type: 'patch'; collection: CollectionName; id: string; patch: Record<string, unknown> }
  | { type: 'remove'; collection: CollectionName; id: string }
  | { type: 'find'; collection: CollectionName }
  | { type: 'get'; collection: CollectionName; id: string }
  | { type: 'setOnline'; online: boolean }
  | { type: 'awaitInSync' }
  | { type: 'status' }
  | { type: 'findIncludingDeleted'; collection: CollectionName; ids: string[] }
  | { type: 'rawText' }
  | { type: 'restart' }
  | { type: 'upgrade' }
  | { type: 'close' };

const config = workerData as DeviceWorkerData;
const network = createDeviceFetch();
let cut = false;
/** The device's fetch, cut off after the first pull of `offlineAfterFirstPullOf` if set. */
const deviceFetch: typeof fetch = async (input, init) => {
  const response = await network.fetch(input, init);
  const url = String(input);
  const target = config.offlineAfterFirstPullOf;
  if (cut || !target || !url.includes(`/sync/${target}/`) || !url.includes('/pull')) {
    return response;
  }
  // The answer is read before the network goes (going off aborts open bodies).
  const body = await response.arrayBuffer();
  cut = true;
  network.setOnline(false);
  return new Response(body, { status: response.status, headers: response.headers });
};
let db: RelaisDatabase;
let sync: SyncEngine;
/** The device's data key, the same across restarts of its database in this worker. */
const dataKey = importAesKey(newKeyMaterial());
const api = createApiClient({
  baseUrl: config.serverUrl,
  fetch: deviceFetch,
  appVersion: 'test',
  // What the PWA reports for the devices board of the siège.
  pendingCount: () => sync?.status$.value.pending ?? 0,
  lastErrorCode: () => sync?.status$.value.lastError?.code ?? null,
});

let userId: string;
/** Still the previous version of the app (see `previousSchemas`). */
let previous = config.previousSchemas !== undefined;

async function openDatabase(): Promise<void> {
  db = await createRelaisDatabase({
    ...(previous ? { schemaOverrides: config.previousSchemas } : {}),
    name: `device-${config.deviceId.replace(/-/g, '')}`,
    dataKey: await dataKey,
    actorId: () => userId,
    clock: { now: () => new Date(Date.now() + config.clockOffsetMs) },
    devMode: config.devMode ?? false,
  });
  if (!previous) sync = await startSync({ db, api });
}

async function open(): Promise<void> {
  const { user } = await api.login(config.login, config.password, {
    id: config.deviceId,
    label: 'test device',
  });
  userId = user.id;
  await openDatabase();
}

function collection(name: CollectionName): RxCollection {
  return db.collections[name] as RxCollection;
}

function plain(doc: { toJSON(): unknown }): Record<string, unknown> {
  return doc.toJSON() as Record<string, unknown>;
}

async function handle(command: DeviceCommand): Promise<unknown> {
  switch (command.type) {
    case 'insert':
      return plain(await collection(command.collection).insert(command.document));
    case 'insertMany': {
      const result = await collection(command.collection).bulkInsert(command.documents);
      if (result.error.length > 0) throw new Error(`bulkInsert: ${result.error.length} errors`);
      return null;
    }
    case 'patch': {
      const doc = await collection(command.collection).findOne(command.id).exec(true);
      return plain(await doc.incrementalPatch(command.patch));
    }
    case 'remove': {
      const doc = await collection(command.collection).findOne(command.id).exec(true);
      await doc.incrementalRemove();
      return null;
    }
    case 'find':
      return (await collection(command.collection).find().exec()).map(plain);
    case 'get': {
      const doc = await collection(command.collection).findOne(command.id).exec();
      return doc ? plain(doc) : null;
    }
    case 'setOnline':
      network.setOnline(command.online);
      if (command.online) sync.syncNow();
      return null;
    case 'awaitInSync':
      sync.syncNow();
      await sync.awaitInSync();
      return null;
    case 'status': {
      await sync.pending.flush();
      const { lastSuccessAt, lastError, ...rest } = sync.status$.value;
      return {
        ...rest,
        lastSuccessAt: lastSuccessAt?.toISOString() ?? null,
        lastError,
        pendingState: sync.pending.state,
      };
    }
    case 'findIncludingDeleted':
      return [...(await findIncludingDeleted(db, command.collection, command.ids)).values()];
    case 'rawText':
      return (await rawIndexedDbText(`device-${config.deviceId.replace(/-/g, '')}`)).text;
    case 'restart':
      // The app closed and opened again: same database and session, a new sync engine.
      await sync.stop();
      await db.close();
      await openDatabase();
      return null;
    case 'upgrade':
      // The app updated: the database opens with the current schemas (RxDB migrates it).
      await db.close();
      previous = false;
      await openDatabase();
      return null;
    case 'close':
      if (!previous) await sync.stop();
      await db.close();
      return null;
  }
}

const ready = open();
parentPort!.on('message', (message: { id: number; command: DeviceCommand }) => {
  ready
    .then(() => handle(message.command))
    .then(
      (result) => parentPort!.postMessage({ id: message.id, result }),
      (error: unknown) =>
        parentPort!.postMessage({
          id: message.id,
          error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        }),
    );
});
