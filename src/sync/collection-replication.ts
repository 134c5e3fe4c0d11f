/**
 * The RxDB replication of one collection over the sync server's pull and push endpoints, fed by
 * the shared SSE stream. Push answers are turned into acknowledgements and refusals for the
 * pending tracker; every success or failure is reported for the sync status.
 */
import type { RxCollection, RxStorageDefaultCheckpoint } from 'rxdb/plugins/core';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { COLLECTIONS, isDeviceLog, type CollectionName } from '../domain/collections';
import type { RelaisDatabase } from '../db/database';
import type { ApiClient, PushRow, RefusedRow } from './api';
import type { FirstDownload } from './first-download';
import type { PendingTracker } from './pending';
import type { StreamBridge } from './stream-bridge';

export const PULL_BATCH_SIZE = 5000;
export const PUSH_BATCH_SIZE = 200;
/** How long a failed pull or push waits before RxDB retries it. */
export const RETRY_MS = 2_000;

export type Checkpoint = { seq: number };
export type CollectionReplication = RxReplicationState<unknown, Checkpoint>;

export interface CollectionReplicationOptions {
  db: RelaisDatabase;
  api: ApiClient;
  name: CollectionName;
  identifier: string;
  /** What the SSE stream hands this collection (stream-bridge.ts). */
  stream: StreamBridge<Checkpoint>;
  pending: PendingTracker;
  /** Server revisions of documents imported by the bootstrap, for their first push. */
  importedRevs: Map<string, string>;
  initialCheckpoints?: { pull: Checkpoint; push: RxStorageDefaultCheckpoint };
  /** Counts what a first download (or its resumption) receives. */
  firstDownload?: FirstDownload;
  onSuccess(): void;
  onRefused(row: RefusedRow): void;
}

export function replicationIdentifier(api: ApiClient, name: CollectionName): string {
  return `relais-${name}-v${COLLECTIONS[name].schema.version}-${api.baseUrl || 'origin'}`;
}

/** A document imported by the bootstrap is pushed the first time against its server rev. */
function withImportedBase(row: PushRow, importedRevs: Map<string, string>): PushRow {
  if (row.assumedMasterState) return row;
  const id = (row.newDocumentState as { id: string }).id;
  const rev = importedRevs.get(id);
  // Only `rev` of the assumed master state matters to the server.
  return rev
    ? {
        ...row,
        assumedMasterState: { id, rev, _deleted: false } as unknown as PushRow['newDocumentState'],
      }
    : row;
}

/** The revs pushed earlier without an answer, so a lost answer is no conflict (pending.ts). */
function withLineage(row: PushRow, lineage: string[]): PushRow {
  return lineage.length > 0 ? { ...row, lineage } : row;
}

export function replicateCollection(options: CollectionReplicationOptions): CollectionReplication {
  const { api, name, pending, importedRevs } = options;
  const readOnly = COLLECTIONS[name].writePolicy === 'server';
  // A device log (the accesses to dossiers) is pushed only: the server never sends it back.
  const pushOnly = isDeviceLog(name);
  return replicateRxCollection<unknown, Checkpoint>({
    collection: options.db.collections[name] as RxCollection,
    replicationIdentifier: options.identifier,
    live: true,
    retryTime: RETRY_MS,
    waitForLeadership: true,
    autoStart: true,
    ...(pushOnly
      ? {}
      : {
          pull: {
            batchSize: PULL_BATCH_SIZE,
            stream$: options.stream.tasks$,
            initialCheckpoint: options.initialCheckpoints?.pull,
            async handler(checkpoint: Checkpoint | undefined, batchSize: number) {
              const ended = options.stream.pullStarted();
              const answer = await api.pull(name, checkpoint?.seq ?? 0, batchSize, {
                progress: options.firstDownload?.wantsTotal(name),
              });
              options.firstDownload?.received(
                name,
                answer.documents.filter((doc) => !doc._deleted).length,
                answer.progress,
              );
              options.onSuccess();
              ended(answer.documents.length, batchSize);
              return { documents: answer.documents as never[], checkpoint: answer.checkpoint };
            },
          },
        }),
    ...(readOnly
      ? {}
      : {
          push: {
            batchSize: PUSH_BATCH_SIZE,
            initialCheckpoint: options.initialCheckpoints?.push,
            async handler(rows) {
              const pushed = rows.map(
                (row) => row.newDocumentState as unknown as { id: string; rev: string },
              );
              // Stored before the request leaves (after the marks of these writes, queued first).
              await pending.recordSent(name, pushed);
              const wireRows = (rows as unknown as PushRow[]).map((row, i) =>
                withLineage(
                  withImportedBase(row, importedRevs),
                  pending.lineageOf(name, pushed[i]!.id, pushed[i]!.rev),
                ),
              );
              const answer = await api.push(name, wireRows);
              const refusedIds = new Set(answer.refused.map((row) => row.id));
              pending.acknowledge(
                name,
                rows
                  .map((row) => row.newDocumentState as unknown as { id: string; rev: string })
                  .filter((doc) => !refusedIds.has(doc.id)),
              );
              pending.refuse(
                name,
                answer.refused
                  .filter((row) => row.id !== null)
                  .map((row) => ({ id: row.id!, code: row.code })),
              );
              if (answer.refused.length > 0) options.onRefused(answer.refused[0]!);
              else options.onSuccess();
              return answer.conflicts as never[];
            },
          },
        }),
  });
}
