/**
 * The first sync of a collection on a fresh device, fast: pages of the server's documents are
 * written straight into the collection's storage, marked as coming from the replication (RxDB's
 * `_meta.o` origin), and the replication then starts from the server checkpoint reached and from
 * the local checkpoint after the import. This skips RxDB's per-document replication metadata,
 * which doubles the IndexedDB writes of a first sync (design.md, Targets: first sync within 2×
 * of fetching the documents and writing them with Dexie).
 *
 * What RxDB would have kept per document — the server revision the device last saw — is kept
 * here instead, in one local document: the push handler sends it as the assumed master revision
 * of a document's first push (after which RxDB keeps it, as usual).
 * If the import is interrupted, the next start finds the collection not empty and replicates the
 * normal way: slower, never wrong (the server recognises already-stored revisions as replays).
 */
import type { RxCollection, RxStorageDefaultCheckpoint } from 'rxdb/plugins/core';
import type { CollectionName, WireDocument } from '../domain/collections';
import type { RelaisDatabase } from '../db/database';
import { FRESH_IMPORT_CONTEXT } from '../db/fresh-import';
import type { ApiClient } from './api';
import type { FirstDownload } from './first-download';

export const BOOTSTRAP_PAGE_SIZE = 5000;
/**
 * The first page is small: nothing is written until it arrives, and a full page takes the
 * server and the transfer a few hundred milliseconds on a busy machine. Each next page is
 * fetched while the previous one is written, and grows by PAGE_GROWTH up to
 * BOOTSTRAP_PAGE_SIZE, so that fetching it stays shorter than writing the previous one.
 */
export const BOOTSTRAP_FIRST_PAGE_SIZE = 500;
const PAGE_GROWTH = 4;
/**
 * Imported documents get write times in this window before now, a hundredth of a millisecond
 * apart (RxDB's `_meta.lwt` is a multiple of 0.01): room for a million documents.
 */
const IMPORT_TIME_WINDOW_MS = 10_000;

export interface BootstrapResult {
  /** Where the replication's pull continues. */
  pullCheckpoint: { seq: number };
  /** Where the replication's push continues: after every imported document. */
  pushCheckpoint: RxStorageDefaultCheckpoint;
  imported: number;
  /** The server revision of each imported document (as saved for `importedRevisions`). */
  revisions: Map<string, string>;
}

interface SavedRevisions {
  revs: Record<string, string>;
}

function localDocId(collection: CollectionName): string {
  return `bootstrap-revs-${collection}`;
}

/** The server revision of each imported document, for its first push. */
export async function importedRevisions(
  db: RelaisDatabase,
  collection: CollectionName,
): Promise<Map<string, string>> {
  const saved = await db.getLocal<SavedRevisions>(localDocId(collection));
  return new Map(Object.entries(saved?.get('revs') ?? {}));
}

/** True when the collection was never synced on this device. */
async function isFresh(db: RelaisDatabase, name: CollectionName): Promise<boolean> {
  if (await db.getLocal(localDocId(name))) return false;
  return (await (db.collections[name] as RxCollection).count().exec()) === 0;
}

/** A place in the line of collections importing, one at a time. */
export interface ImportTurn {
  /** Resolves when the collections before this one are done. */
  begin(): Promise<void>;
  end(): void;
}

/**
 * The line of imports: turns are taken in call order (the registry's: dossiers first, so the
 * caseload shows first) and begin when the previous one ends. Nine imports at once took 1.5×
 * as long in Chromium as the same imports in turn (issue 19: sealing, IndexedDB transactions
 * and the server's pages all compete for the same two cores).
 */
export function importLine(): () => ImportTurn {
  let previous: Promise<void> = Promise.resolve();
  return () => {
    let end!: () => void;
    const mine = new Promise<void>((resolve) => (end = resolve));
    const begin = previous;
    previous = previous.then(() => mine);
    return { begin: () => begin, end };
  };
}

export async function bootstrapCollection(
  db: RelaisDatabase,
  api: ApiClient,
  name: CollectionName,
  replicationIdentifier: string,
  firstDownload?: FirstDownload,
  turn?: ImportTurn,
): Promise<BootstrapResult | undefined> {
  try {
    return await importCollection(db, api, name, replicationIdentifier, firstDownload, turn);
  } finally {
    turn?.end();
  }
}

async function importCollection(
  db: RelaisDatabase,
  api: ApiClient,
  name: CollectionName,
  replicationIdentifier: string,
  firstDownload?: FirstDownload,
  turn?: ImportTurn,
): Promise<BootstrapResult | undefined> {
  const collection = db.collections[name] as RxCollection;
  if (!(await isFresh(db, name))) return undefined;

  // The origin mark RxDB's downstream checks to tell "as received from the server" documents.
  const originHash = await db.hashFunction(`rxdbreplication${replicationIdentifier}`);
  // Write times safely before any local write of this session, distinct per document (many
  // equal keys in the `_meta.lwt` index make IndexedDB cursors crawl), in import order.
  let lwtHundredths = (Date.now() - IMPORT_TIME_WINDOW_MS) * 100;
  const revs: Record<string, string> = {};
  let lastId = '';
  let lastLwt = lwtHundredths / 100;
  let seq = 0;
  let imported = 0;

  let asked = BOOTSTRAP_FIRST_PAGE_SIZE;
  let next = api.pull(name, 0, asked, { progress: firstDownload?.wantsTotal(name) });
  // Every collection asks its first page at once, so the progress bar knows every total from
  // the start; the pages are written in turn.
  const first = await next;
  firstDownload?.received(
    name,
    first.documents.filter((doc) => !doc._deleted).length,
    first.progress,
  );
  await turn?.begin();
  for (let page = first; ; page = await next) {
    const full = page.documents.length === asked;
    // Fetch the next page while this one is written.
    if (full) {
      asked = Math.min(asked * PAGE_GROWTH, BOOTSTRAP_PAGE_SIZE);
      next = api.pull(name, page.checkpoint.seq, asked);
      // Awaited after this page is written; a failure meanwhile is not "unhandled".
      next.catch(() => undefined);
    }
    const live = page.documents.filter((doc) => !doc._deleted);
    if (page !== first) firstDownload?.received(name, live.length, page.progress);
    if (live.length > 0) {
      // The raw storage keeps the given `_meta` (RxDB's wrapper would stamp its own).
      const result = await collection.storageInstance.originalStorageInstance.bulkWrite(
        live.map((doc: WireDocument) => {
          lwtHundredths += 1;
          return {
            document: {
              ...doc,
              _deleted: false,
              _attachments: {},
              _rev: `1-${db.token}`,
              _meta: { lwt: lwtHundredths / 100, o: { hash: originHash, _rev: 1 } },
            } as never,
          };
        }),
        FRESH_IMPORT_CONTEXT,
      );
      if (result.error.length > 0)
        throw new Error(`bootstrap of ${name}: ${result.error.length} write errors`);
      for (const doc of live) {
        const { id, rev } = doc as { id: string; rev: string };
        revs[id] = rev;
      }
      lastId = (live.at(-1) as { id: string }).id;
      lastLwt = lwtHundredths / 100;
      imported += live.length;
    }
    seq = page.checkpoint.seq;
    if (!full) break;
  }
  await db.upsertLocal<SavedRevisions>(localDocId(name), { revs });
  return {
    pullCheckpoint: { seq },
    pushCheckpoint: { id: lastId, lwt: lastLwt },
    imported,
    revisions: new Map(Object.entries(revs)),
  };
}
