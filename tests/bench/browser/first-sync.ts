/**
 * The first-sync rows in the page: the honest baseline — the documents the device receives as
 * static JSON chunks, the next chunk fetched while the current one is written, one Dexie
 * `bulkPut` per chunk into tables keyed by id only — and the device's real first sync (every
 * collection, until in sync, encryption at rest on).
 */
import Dexie from 'dexie';
import { filter, firstValueFrom } from 'rxjs';
import { COLLECTION_NAMES } from '../../../src/domain/collections';
import type { RelaisDatabase } from '../../../src/db/database';
import type { ApiClient } from '../../../src/sync/api';
import { startSync, type SyncEngine } from '../../../src/sync/replication';

interface Manifest {
  chunks: { collection: string; file: string; count: number }[];
  total: number;
}

/** Fetches and writes every chunk; resolves with the time and the documents written. */
export async function baselineChunks(): Promise<{ ms: number; documents: number }> {
  const start = performance.now();
  const manifest = (await (await fetch('/chunks/manifest.json')).json()) as Manifest;
  const db = new Dexie(`baseline-${Date.now()}`);
  db.version(1).stores(Object.fromEntries(COLLECTION_NAMES.map((name) => [name, 'id'])));
  await db.open();
  const get = (i: number) =>
    fetch(`/${manifest.chunks[i]!.file}`).then((r) => r.json() as Promise<object[]>);
  let documents = 0;
  let next = get(0);
  for (let i = 0; i < manifest.chunks.length; i += 1) {
    const docs = await next;
    if (i + 1 < manifest.chunks.length) next = get(i + 1);
    await db.table(manifest.chunks[i]!.collection).bulkPut(docs);
    documents += docs.length;
  }
  const ms = performance.now() - start;
  db.close();
  await Dexie.delete(db.name);
  return { ms, documents };
}

/** The device's first sync of every collection; resolves with the time and documents held. */
export async function firstSyncAll(
  db: RelaisDatabase,
  api: ApiClient,
): Promise<{ ms: number; documents: number; sync: SyncEngine }> {
  const start = performance.now();
  const sync = await startSync({ db, api });
  // Only the leader tab replicates; this lone tab wins the election at once.
  await firstValueFrom(sync.status$.pipe(filter((status) => status.leader)));
  await sync.awaitInSync();
  const ms = performance.now() - start;
  let documents = 0;
  for (const name of COLLECTION_NAMES) documents += await db.collections[name].count().exec();
  return { ms, documents, sync };
}
