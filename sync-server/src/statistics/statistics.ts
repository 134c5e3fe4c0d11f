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

/** Every live document of a collection (removals and erased dossiers left out). */
async function everything(storage: Storage, collection: CollectionName): Promise<PlainDocument[]> {
  const all: PlainDocument[] = [];
  for (let seq = 0; ;) {
    const rows = await storage.pull(collection, seq, PAGE, { all: true });
    if (rows.length === 0) return all;
    for (const row of rows) {
      if (!row.document.deleted && !isErasureTombstone(row.document.data)) {
        all.push(row.document.data);
      }
    }
    seq = rows.at(-1)!.document.seq;
  }
}

async function names(storage: Storage, collection: 'sites' | 'staff') {
  const docs = await everything(storage, collection);
  return new Map(docs.map((d) => [String(d.id), String(d.name)]));
}

/** The documents the statistics read, as they are stored. */
export async function loadStatisticsData(storage: Storage): Promise<StatisticsData> {
  const [youths, events, appointments, pathway, workshops, attendances, mobility] =
    await Promise.all(
      (
        [
          'youths',
          'events',
          'appointments',
          'pathway',
          'workshops',
          'attendances',
          'mobility',
        ] as const
      ).map((collection) => everything(storage, collection)),
    );
  // The stored documents passed the collections' schemas on push: their types hold.
  return {
    youths,
    events,
    appointments,
    pathway,
    workshops,
    attendances,
    mobility,
  } as unknown as StatisticsData;
}

export async function statisticsReport(
  storage: Storage,
  options: { period: Period; adviserId?: string; siteId?: string },
): Promise<StatisticsReport> {
  const all = await loadStatisticsData(storage);
  const data = options.adviserId
    ? restrictToAdviser(all, options.adviserId)
    : options.siteId
      ? restrictToSite(all, options.siteId)
      : all;
  const labels: StatisticsNames = {
    sites: await names(storage, 'sites'),
    staff: await names(storage, 'staff'),
  };
  return computeStatistics(data, options.period, labels);
}
