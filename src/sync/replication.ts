/**
 * The replication client: one RxDB replication per collection over the HTTP endpoints, fed in
 * real time by a single SSE stream (`RESYNC` on every (re)connection, so nothing is missed while
 * disconnected). Only the leader tab replicates. Nothing waits for the initial replication:
 * screens read the local database and the status below says where sync stands.
 */
import { BehaviorSubject, Subject } from 'rxjs';
import type { RxCollection, RxReplicationPullStreamItem } from 'rxdb/plugins/core';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import {
  COLLECTION_NAMES,
  COLLECTIONS,
  type CollectionName,
  type WireDocument,
} from '../domain/collections';
import { RelaisError } from '../domain/errors';
import type { RelaisDatabase } from '../db/database';
import type { ApiClient, PushRow } from './api';
import { PendingTracker, countPending, countRefused } from './pending';
import { connectEventStream, type StreamConnection } from './sse';

export const PULL_BATCH_SIZE = 5000;
export const PUSH_BATCH_SIZE = 200;
/** How long a failed pull or push waits before RxDB retries it. */
export const RETRY_MS = 2_000;

export interface SyncStatus {
  /** The SSE stream to the server is open. */
  online: boolean;
  /** This tab is the one replicating (others follow through the shared database). */
  leader: boolean;
  pending: number;
  refused: number;
  lastSuccessAt: Date | null;
  lastError: { code: string; message: string; at: Date } | null;
}

export interface SyncEngine {
  status$: BehaviorSubject<SyncStatus>;
  pending: PendingTracker;
  /** Pulls and pushes now (the "Synchroniser maintenant" button). */
  syncNow(): void;
  /** Resolves once every collection has pushed what is waiting and pulled to the end. */
  awaitInSync(): Promise<void>;
  stop(): Promise<void>;
}

interface StreamBatch {
  collection: CollectionName;
  documents: WireDocument[];
  checkpoint: { seq: number };
}

export interface SyncOptions {
  db: RelaisDatabase;
  api: ApiClient;
  /** Collections to replicate; all by default. */
  collections?: CollectionName[];
}

function asRelaisError(error: unknown): RelaisError {
  if (error instanceof RelaisError) return error;
  const cause = (error as { parameters?: { errors?: unknown[] } })?.parameters?.errors?.[0];
  if (cause instanceof RelaisError) return cause;
  return new RelaisError('NETWORK', undefined, { cause: String(error) });
}

export async function startSync(options: SyncOptions): Promise<SyncEngine> {
  const { db, api } = options;
  const names = options.collections ?? COLLECTION_NAMES;
  const pending = await PendingTracker.attach(db);
  const status$ = new BehaviorSubject<SyncStatus>({
    online: false,
    leader: false,
    pending: countPending(pending.state),
    refused: countRefused(pending.state),
    lastSuccessAt: null,
    lastError: null,
  });
  const patchStatus = (patch: Partial<SyncStatus>) => status$.next({ ...status$.value, ...patch });
  const succeeded = () => patchStatus({ lastSuccessAt: new Date(), lastError: null });
  const failed = (error: unknown) => {
    const relaisError = asRelaisError(error);
    patchStatus({
      lastError: { code: relaisError.code, message: relaisError.message, at: new Date() },
    });
  };
  const pendingSubscription = pending.state$.subscribe((state) =>
    patchStatus({ pending: countPending(state), refused: countRefused(state) }),
  );

  const streams = new Map(
    names.map((name) => [
      name,
      new Subject<RxReplicationPullStreamItem<unknown, { seq: number }>>(),
    ]),
  );
  const replications: RxReplicationState<unknown, { seq: number }>[] = names.map((name) => {
    const readOnly = COLLECTIONS[name].writePolicy === 'server';
    return replicateRxCollection<unknown, { seq: number }>({
      collection: db.collections[name] as RxCollection,
      replicationIdentifier: `relais-${name}-v${COLLECTIONS[name].schema.version}-${api.baseUrl || 'origin'}`,
      live: true,
      retryTime: RETRY_MS,
      waitForLeadership: true,
      autoStart: true,
      pull: {
        batchSize: PULL_BATCH_SIZE,
        stream$: streams.get(name)!.asObservable(),
        async handler(checkpoint, batchSize) {
          const answer = await api.pull(name, checkpoint?.seq ?? 0, batchSize);
          succeeded();
          return { documents: answer.documents as never[], checkpoint: answer.checkpoint };
        },
      },
      ...(readOnly
        ? {}
        : {
            push: {
              batchSize: PUSH_BATCH_SIZE,
              async handler(rows) {
                const answer = await api.push(name, rows as unknown as PushRow[]);
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
                if (answer.refused.length > 0) {
                  const first = answer.refused[0]!;
                  patchStatus({
                    lastError: { code: first.code, message: first.message, at: new Date() },
                  });
                } else {
                  succeeded();
                }
                return answer.conflicts as never[];
              },
            },
          }),
    });
  });
  const errorSubscriptions = replications.map((replication) =>
    replication.error$.subscribe(failed),
  );

  let connection: StreamConnection | undefined;
  let stopped = false;
  void db.waitForLeadership().then(() => {
    if (stopped) return;
    patchStatus({ leader: true });
    connection = connectEventStream(
      `${api.baseUrl}/api/v1/sync/stream`,
      {
        onOpen: () => patchStatus({ online: true }),
        onClose: () => patchStatus({ online: false }),
        onMessage(data) {
          if (data === 'RESYNC') {
            for (const stream of streams.values()) stream.next('RESYNC');
            return;
          }
          const batch = JSON.parse(data) as StreamBatch;
          streams
            .get(batch.collection)
            ?.next({ documents: batch.documents as never[], checkpoint: batch.checkpoint });
        },
      },
      { fetch: api.fetch },
    );
  });

  // Browsers know before the stream does when the network goes or comes back.
  const onOffline = () => {
    patchStatus({ online: false });
    connection?.reconnect();
  };
  const onOnline = () => {
    connection?.reconnect();
    for (const replication of replications) replication.reSync();
  };
  const browser = typeof window !== 'undefined' && typeof window.addEventListener === 'function';
  if (browser) {
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
  }

  return {
    status$,
    pending,
    syncNow() {
      for (const replication of replications) replication.reSync();
    },
    async awaitInSync() {
      for (const replication of replications) await replication.awaitInSync();
    },
    async stop() {
      stopped = true;
      if (browser) {
        window.removeEventListener('offline', onOffline);
        window.removeEventListener('online', onOnline);
      }
      connection?.close();
      pendingSubscription.unsubscribe();
      for (const subscription of errorSubscriptions) subscription.unsubscribe();
      await Promise.all(replications.map((replication) => replication.cancel()));
      await pending.flush();
    },
  };
}
