/**
 * Direction's statistics (issue 17): the activity report of a period for every site, computed
 * by the server from its own storage (SQLite or PostgreSQL) with the same pure definitions the
 * devices use (src/domain/indicators). Optionally restricted to one adviser's caseload (the
 * same restriction a device applies to its own) or to one site's dossiers.
 */
import type { CollectionName } from '../../../src/domain/collections';
import { isErasureTombstone } from '../../../src/domain/erasure';
import {
  restrictToAdviser,
  restrictToSite,
  type StatisticsData,
  type StatisticsNames,
} from '../../../src/domain/indicators/data';
import type { Period } from '../../../src/domain/indicators/period';
import { computeStatistics, type StatisticsReport } from '../../../src/domain/indicators/report';
import type { PlainDocument } from '../../../src/domain/merge';
import type { Storage } from '../storage/storage';

const PAGE = 5000;

const COLLECTIONS = [
  'youths',
  'events',
  'appointments',
  'pathway',
  'workshops',
  'attendances',
  'mobility',
  'sites',
  'staff',
] as const satisfies readonly CollectionName[];
type Read = (typeof COLLECTIONS)[number];

/**
 * The live documents of the collections the statistics read, kept by the server between two
 * reports and brought up to date from the storage's sequence numbers: a report pulls only what
 * was written since the last one (a sync pull, so every backend and every server process on a
 * shared PostgreSQL sees the same). Reading and parsing everything again took most of a
 * report's time at siège scale (issue 17, item 6: 10,000 dossiers and 150,000 events read in
 * seconds, computed in a few hundred milliseconds); the price is the parsed documents in
 * memory, about 190 MB at that scale.
 */
interface Mirror {
  seqs: Map<Read, number>;
  docs: Map<Read, Map<string, PlainDocument>>;
  /** The storage's last sequence number when the mirror was last brought up to date. */
  lastSeq: number;
  /** Updates run one after the other: two at once could apply an older state after a newer. */
  queue: Promise<unknown>;
}

const mirrors = new WeakMap<Storage, Mirror>();

function emptyMirror(): Mirror {
  return { seqs: new Map(), docs: new Map(), lastSeq: 0, queue: Promise.resolve() };
}

async function catchUp(storage: Storage, mirror: Mirror, collection: Read): Promise<void> {
  let docs = mirror.docs.get(collection);
  if (!docs) mirror.docs.set(collection, (docs = new Map()));
  for (let seq = mirror.seqs.get(collection) ?? 0; ;) {
    const rows = await storage.pull(collection, seq, PAGE, { all: true });
    for (const { document } of rows) {
      if (document.deleted || isErasureTombstone(document.data)) docs.delete(document.id);
      else docs.set(document.id, document.data);
    }
    if (rows.length === 0) return;
    seq = rows.at(-1)!.document.seq;
    mirror.seqs.set(collection, seq);
    if (rows.length < PAGE) return;
  }
}

/** Every live document of the collections the statistics read (removals and erasures left out). */
async function readAll(storage: Storage): Promise<Record<Read, PlainDocument[]>> {
  let mirror = mirrors.get(storage) ?? emptyMirror();
  mirrors.set(storage, mirror);
  const update = mirror.queue.then(async () => {
    const lastSeq = await storage.lastSeq();
    // A storage whose sequence went back (restored from a backup) is read again from scratch.
    if (lastSeq < mirror.lastSeq) {
      const fresh = { ...emptyMirror(), queue: mirror.queue };
      mirrors.set(storage, (mirror = fresh));
    }
    if (lastSeq !== mirror.lastSeq) {
      for (const collection of COLLECTIONS) await catchUp(storage, mirror, collection);
      mirror.lastSeq = lastSeq;
    }
    return Object.fromEntries(
      COLLECTIONS.map((collection) => [
        collection,
        [...(mirror.docs.get(collection)?.values() ?? [])],
      ]),
    ) as Record<Read, PlainDocument[]>;
  });
  mirror.queue = update.catch(() => undefined);
  return update;
}

const names = (docs: readonly PlainDocument[]) =>
  new Map(docs.map((d) => [String(d.id), String(d.name)]));

/** The documents the statistics read, as they are stored. */
export async function loadStatisticsData(storage: Storage): Promise<StatisticsData> {
  return asData(await readAll(storage));
}

function asData({ sites: _sites, staff: _staff, ...read }: Record<Read, PlainDocument[]>) {
  // The stored documents passed the collections' schemas on push: their types hold.
  return read as unknown as StatisticsData;
}

export async function statisticsReport(
  storage: Storage,
  options: { period: Period; adviserId?: string; siteId?: string },
): Promise<StatisticsReport> {
  const read = await readAll(storage);
  const all = asData(read);
  const data = options.adviserId
    ? restrictToAdviser(all, options.adviserId)
    : options.siteId
      ? restrictToSite(all, options.siteId)
      : all;
  const labels: StatisticsNames = { sites: names(read.sites), staff: names(read.staff) };
  return computeStatistics(data, options.period, labels);
}
