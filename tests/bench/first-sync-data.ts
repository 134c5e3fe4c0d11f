/**
 * The data of the first-sync rows: the demo Mission Locale at a scale, seeded in the real server
 * with its accounts, and what one account's device receives on its first sync — every
 * collection, as the server's pull pages give it — written beside the bench page as static JSON
 * chunks, so the baseline writes exactly the documents the first sync writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTION_NAMES, type CollectionName } from '../../src/domain/collections';
import { systemClock } from '../../src/domain/time';
import { createApiClient } from '../../src/sync/api';
import { createDemoAccounts, storeDocuments } from '../../sync-server/src/demo/seed';
import { DEMO_PASSWORD } from '../../sync-server/src/demo/organisation';
import { generateDemo } from '../../sync-server/src/demo/generator';
import type { Storage } from '../../sync-server/src/storage/storage';
import { createDeviceFetch } from '../support/cookie-fetch';
import type { Scale } from './datasets';

/** The adviser of the figures (two sites, the siège's dossiers too). */
export const BENCH_ADVISER = 'camille.martin';
/** Documents per static chunk: a full pull page of the server, so both sides fetch alike. */
export const CHUNK_SIZE = 5000;
const PULL_PAGE = 5000;

export interface ChunkManifest {
  /** Chunk files in the order they are written, each with its collection. */
  chunks: { collection: CollectionName; file: string; count: number }[];
  total: number;
  /** Bytes of uncompressed JSON over all chunks. */
  bytes: number;
}

/** Seeds the demo at this scale (every collection, collective activity included). */
export async function seedDemoScale(storage: Storage, scale: Scale): Promise<void> {
  await createDemoAccounts(storage, systemClock);
  await storeDocuments(
    storage,
    generateDemo({ today: '2026-11-26', youths: scale.youths, events: scale.events }),
  );
}

/**
 * Pulls every collection as `login` from the running server (live documents only, as the
 * device's bootstrap keeps them) and writes them as chunks under `dir/chunks`.
 */
export async function writeChunksOf(
  serverUrl: string,
  login: string,
  dir: string,
): Promise<ChunkManifest> {
  const device = createDeviceFetch();
  const api = createApiClient({ baseUrl: serverUrl, fetch: device.fetch });
  await api.login(login, DEMO_PASSWORD);
  mkdirSync(join(dir, 'chunks'), { recursive: true });
  const manifest: ChunkManifest = { chunks: [], total: 0, bytes: 0 };
  for (const collection of COLLECTION_NAMES) {
    let seq = 0;
    let buffered: unknown[] = [];
    const flush = () => {
      if (buffered.length === 0) return;
      const file = `chunks/${collection}-${manifest.chunks.length}.json`;
      const text = JSON.stringify(buffered);
      writeFileSync(join(dir, file), text);
      manifest.chunks.push({ collection, file, count: buffered.length });
      manifest.total += buffered.length;
      manifest.bytes += text.length;
      buffered = [];
    };
    for (;;) {
      const page = await api.pull(collection, seq, PULL_PAGE);
      for (const doc of page.documents) {
        if (doc._deleted) continue;
        buffered.push(doc);
        if (buffered.length === CHUNK_SIZE) flush();
      }
      seq = page.checkpoint.seq;
      if (page.documents.length < PULL_PAGE) break;
    }
    flush();
  }
  writeFileSync(join(dir, 'chunks/manifest.json'), JSON.stringify(manifest));
  return manifest;
}
