/**
 * The sync engine of a device: one RxDB replication per collection over the HTTP endpoints, fed
 * in real time by a single SSE stream (`RESYNC` on every (re)connection, so nothing is missed
 * while disconnected), with a fast first sync (bootstrap.ts). Only the leader tab replicates;
 * the others see the same database. Nothing waits for the initial replication: screens read the
 * local database and the status below says where sync stands.
 */
import { BehaviorSubject, Subject } from 'rxjs';
import type { RxReplicationPullStreamItem } from 'rxdb/plugins/core';
import { COLLECTION_NAMES, type CollectionName, type WireDocument } from '../domain/collections';
import { RelaisError } from '../domain/errors';
import type { RelaisDatabase } from '../db/database';
import type { ApiClient } from './api';
import { bootstrapCollection, importedRevisions } from './bootstrap';
import {
  replicateCollection,
  replicationIdentifier,
  type Checkpoint,
  type CollectionReplication,
} from './collection-replication';
import { PendingTracker, countPending, countRefused } from './pending';
import { connectEventStream, type StreamConnection } from './sse';

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
  checkpoint: Checkpoint;
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
    names.map((name) => [name, new Subject<RxReplicationPullStreamItem<unknown, Checkpoint>>()]),
  );

  let stopped = false;
  let connection: StreamConnection | undefined;
  const subscriptions: { unsubscribe(): void }[] = [pendingSubscription];

  async function startCollection(name: CollectionName): Promise<CollectionReplication> {
    const identifier = replicationIdentifier(api, name);
    const bootstrap = await bootstrapCollection(db, api, name, identifier).catch(
      (error: unknown) => {
        failed(error);
        return undefined;
      },
    );
    if (bootstrap) succeeded();
    const replication = replicateCollection({
      db,
      api,
      name,
      identifier,
      stream$: streams.get(name)!.asObservable(),
      pending,
      importedRevs: await importedRevisions(db, name),
      initialCheckpoints: bootstrap && {
        pull: bootstrap.pullCheckpoint,
        push: bootstrap.pushCheckpoint,
      },
      onSuccess: succeeded,
      onRefused: (row) =>
        patchStatus({ lastError: { code: row.code, message: row.message, at: new Date() } }),
    });
    subscriptions.push(replication.error$.subscribe(failed));
    return replication;
  }

  function openStream(): void {
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
  }

  // The leader bootstraps, replicates and listens; other tabs only read the shared database.
  const replications: Promise<CollectionReplication[]> = db.waitForLeadership().then(async () => {
    patchStatus({ leader: true });
    const started = await Promise.all(names.map(startCollection));
    if (stopped) {
      await Promise.all(started.map((replication) => replication.cancel()));
      return [];
    }
    openStream();
    return started;
  });

  // Browsers know before the stream does when the network goes or comes back.
  const onOffline = () => {
    patchStatus({ online: false });
    connection?.reconnect();
  };
  const onOnline = () => {
    connection?.reconnect();
    void replications.then((all) => all.forEach((replication) => replication.reSync()));
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
      void replications.then((all) => all.forEach((replication) => replication.reSync()));
    },
    async awaitInSync() {
      for (const replication of await replications) await replication.awaitInSync();
    },
    async stop() {
      stopped = true;
      if (browser) {
        window.removeEventListener('offline', onOffline);
        window.removeEventListener('online', onOnline);
      }
      connection?.close();
      for (const subscription of subscriptions) subscription.unsubscribe();
      // A tab that never became leader has no replication to cancel.
      const all = await Promise.race([
        replications,
        Promise.resolve([] as CollectionReplication[]),
      ]);
      await Promise.all(all.map((replication) => replication.cancel()));
      await pending.flush();
    },
  };
}
