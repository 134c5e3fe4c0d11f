/**
 * The bench page, run in headless Chromium by tests/bench/browser-bench.ts: the real device code
 * (src/db, src/sync) against the real server on the same origin, and the Dexie baseline, all on
 * the browser's real IndexedDB.
 */
import { filter, firstValueFrom, take } from 'rxjs';
import { importAesKey, newKeyMaterial } from '../../../src/db/encryption/keys';
import { createRelaisDatabase, type RelaisDatabase } from '../../../src/db/database';
import type { CollectionName } from '../../../src/domain/collections';
import { statusFields } from '../../../src/domain/rules/attendance';
import type { AttendanceStatus } from '../../../src/domain/schemas/attendance';
import { createApiClient } from '../../../src/sync/api';
import { startSync, type SyncEngine } from '../../../src/sync/replication';
import type { Period } from '../../../src/domain/indicators/period';
import { deviceStatistics$ } from '../../../src/features/statistiques/device-statistics';
import { baselineChunks, firstSyncAll } from './first-sync';

const api = createApiClient({ baseUrl: '' });
let device: { db: RelaisDatabase; sync: SyncEngine; userId: string } | undefined;

async function openDevice(login: string, password: string): Promise<void> {
  const { user } = await api.login(login, password);
  const db = await createRelaisDatabase({
    name: `bench-${user.login.replace(/[^a-z]/g, '')}-${Date.now()}`,
    dataKey: await importAesKey(newKeyMaterial()),
    actorId: () => user.id,
    // As the app opens it (DatabaseProvider): the leader tab shares each written page with the
    // other tabs, a cost the first sync must include.
    multiInstance: true,
  });
  device = { db, sync: undefined as unknown as SyncEngine, userId: user.id };
}

/**
 * First full sync of `collections` (dossiers and events unless told); resolves with the time
 * and the number of documents.
 */
async function firstSync(
  collections: CollectionName[] = ['youths', 'events'],
): Promise<{ ms: number; documents: number }> {
  if (!device) throw new Error('openDevice first');
  const start = performance.now();
  device.sync = await startSync({ db: device.db, api, collections });
  // Only the leader tab replicates; this lone tab wins the election at once.
  await firstValueFrom(device.sync.status$.pipe(filter((status) => status.leader)));
  await device.sync.awaitInSync();
  const ms = performance.now() - start;
  let documents = 0;
  for (const name of collections) documents += await device.db.collections[name].count().exec();
  return { ms, documents };
}

/** First sync of every collection, as an adviser's device does it. */
async function firstSyncEvery(): Promise<{ ms: number; documents: number }> {
  if (!device) throw new Error('openDevice first');
  const { ms, documents, sync } = await firstSyncAll(device.db, api);
  device.sync = sync;
  return { ms, documents };
}

/** Loaded only by the peer row: PouchDB stays out of the other rows' page. */
async function peerReplicate(remoteUrl: string): Promise<{ ms: number; documents: number }> {
  const { pouchReplicate } = await import('./peer');
  return pouchReplicate(remoteUrl);
}

async function edit(id: string, firstName: string): Promise<number> {
  const doc = await device!.db.youths.findOne(id).exec(true);
  const at = Date.now();
  await doc.incrementalPatch({ firstName });
  return at;
}

/** Resolves with the wall-clock time at which this device sees the dossier with that first name. */
function seen(id: string, firstName: string): Promise<number> {
  return new Promise((resolve) => {
    const subscription = device!.db.youths.findOne(id).$.subscribe((doc) => {
      if (doc?.firstName === firstName) {
        const at = Date.now();
        queueMicrotask(() => subscription.unsubscribe());
        resolve(at);
      }
    });
  });
}

/** One tap of the émargement: the attendance's status, as the screen writes it. */
async function mark(id: string, status: AttendanceStatus): Promise<number> {
  const doc = await device!.db.attendances.findOne(id).exec(true);
  const at = Date.now();
  await doc.incrementalPatch(statusFields(status));
  return at;
}

/** Resolves with the wall-clock time at which this device sees the attendance in `status`. */
function seenMark(id: string, status: AttendanceStatus): Promise<number> {
  return new Promise((resolve) => {
    const subscription = device!.db.attendances.findOne(id).$.subscribe((doc) => {
      if (doc?.status === status) {
        const at = Date.now();
        queueMicrotask(() => subscription.unsubscribe());
        resolve(at);
      }
    });
  });
}

/**
 * The statistics screen of this device's adviser for `period` (issue 17): time from subscribing
 * to the screen's pipeline to its first report, as when the screen opens or the period changes.
 */
async function deviceStatistics(
  period: Period,
): Promise<{ ms: number; dossiers: number; accompanied: number }> {
  if (!device) throw new Error('openDevice first');
  const start = performance.now();
  const report = await firstValueFrom(
    deviceStatistics$(device.db, device.userId, period, {}).pipe(take(1)),
  );
  const ms = performance.now() - start;
  const dossiers = await device.db.youths.count({ selector: { referentId: device.userId } }).exec();
  const accompanied = report.indicators.find((i) => i.id === 'jeunes-accompagnes')?.value ?? 0;
  return { ms, dossiers, accompanied };
}

/**
 * Where the device's time goes (issue 17): each collection's query of the caseload as the
 * screen asks it (`youthId $in` the adviser's dossiers), with a selector the query cache has
 * not seen, then the same documents asked dossier by dossier (`youthId` equal, on its index).
 */
async function caseloadQueries(): Promise<Record<string, number>> {
  if (!device) throw new Error('openDevice first');
  const db = device.db;
  const ids = (await db.youths.find({ selector: { referentId: device.userId } }).exec()).map(
    (d) => d.id,
  );
  const times: Record<string, number> = {};
  for (const name of ['events', 'appointments', 'pathway', 'attendances'] as const) {
    let start = performance.now();
    await db[name].find({ selector: { youthId: { $in: ids }, id: { $exists: true } } }).exec();
    times[`${name} $in`] = Math.round(performance.now() - start);
    start = performance.now();
    for (const id of ids) await db[name].find({ selector: { youthId: id } }).exec();
    times[`${name} by dossier`] = Math.round(performance.now() - start);
  }
  return times;
}

async function anyYouthId(): Promise<string> {
  const doc = await device!.db.youths.findOne().exec(true);
  return doc.id;
}

Object.assign(window, {
  relaisBench: {
    baselineChunks,
    openDevice,
    firstSync,
    firstSyncEvery,
    peerReplicate,
    edit,
    seen,
    mark,
    seenMark,
    anyYouthId,
    deviceStatistics,
    caseloadQueries,
  },
});
document.title = 'ready';
