/**
 * The sync engine of a device: one RxDB replication per collection over the HTTP endpoints, fed
 * in real time by a single SSE stream (`RESYNC` on every (re)connection, so nothing is missed
 * while disconnected; stream-bridge.ts keeps RxDB from losing it), with a fast first sync
 * (bootstrap.ts). Only the leader tab replicates; the others read the same database (RxDB
 * multi-instance), show the status the leader shares (shared-status.ts) and ask it to sync.
 * Nothing waits for the initial replication: screens read the local database and the status
 * below says where sync stands.
 */
import { BehaviorSubject, distinctUntilChanged, filter, firstValueFrom, map } from 'rxjs';
import {
  COLLECTION_NAMES,
  isDeviceLog,
  type CollectionName,
  type WireDocument,
} from '../domain/collections';
import { RelaisError } from '../domain/errors';
import type { RelaisDatabase } from '../db/database';
import type { ApiClient } from './api';
import { purgeOnErasure } from './erasure-purge';
import { bootstrapCollection, importedRevisions, importLine } from './bootstrap';
import { reportAfterSync } from './device-report';
import { FirstDownload, type FirstDownloadProgress } from './first-download';
import {
  replicateCollection,
  replicationIdentifier,
  type Checkpoint,
  type CollectionReplication,
} from './collection-replication';
import { PendingTracker, countPending, countRefused } from './pending';
import { SharedSyncStatus, believable, HEARTBEAT_MS, type SharedSyncFacts } from './shared-status';
import { connectEventStream, type StreamConnection } from './sse';
import { StreamBridge } from './stream-bridge';

export interface SyncStatus {
  /** The SSE stream to the server is open. */
  online: boolean;
  /** This tab is the one replicating (others follow through the shared database). */
  leader: boolean;
  pending: number;
  refused: number;
  lastSuccessAt: Date | null;
  lastError: { code: string; message: string; at: Date } | null;
  /** Set until the device holds its whole caseload once (first-download.ts). */
  firstDownload: FirstDownloadProgress | null;
}

export interface SyncEngine {
  status$: BehaviorSubject<SyncStatus>;
  pending: PendingTracker;
  /** Pulls and pushes now (the "Synchroniser maintenant" button), from any tab. */
  syncNow(): void;
  /** Opens the stream again at once and syncs (a new session, the network back). */
  reconnect(): void;
  /**
   * Resolves once nothing is waiting to be sent (refused writes aside) and, in the leader tab,
   * every collection has pulled to the end. Never resolves while the server is unreachable:
   * callers that must not wait forever race it with a timeout.
   */
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

/** Two successes closer than this are the same news for the other tabs (no extra write). */
const SUCCESS_NEWS_MS = 15_000;

function browserSaysOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
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
  const shared = await SharedSyncStatus.attach(db);
  const firstDownload = await FirstDownload.attach(db, shared.facts$.value.lastSuccessAt !== null);
  const fromShared = (
    facts: SharedSyncFacts,
  ): Pick<SyncStatus, 'online' | 'lastSuccessAt' | 'lastError'> => {
    const believed = believable(facts, new Date());
    return {
      online: believed.online,
      lastSuccessAt: believed.lastSuccessAt ? new Date(believed.lastSuccessAt) : null,
      lastError: believed.lastError
        ? { ...believed.lastError, at: new Date(believed.lastError.at) }
        : null,
    };
  };
  const status$ = new BehaviorSubject<SyncStatus>({
    leader: false,
    firstDownload: firstDownload.progress$.value,
    pending: countPending(pending.state),
    refused: countRefused(pending.state),
    ...fromShared(shared.facts$.value),
  });
  const patchStatus = (patch: Partial<SyncStatus>) => status$.next({ ...status$.value, ...patch });
  // Not the leader: what the leader shares, re-read now and then (a silent leader is gone).
  const followShared = () => {
    if (!status$.value.leader) patchStatus(fromShared(shared.facts$.value));
  };
  const sharedSubscription = shared.facts$.subscribe(followShared);
  const staleCheck = setInterval(followShared, HEARTBEAT_MS);
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
  const streams = new Map(names.map((name) => [name, new StreamBridge<Checkpoint>()]));

  let stopped = false;
  let connection: StreamConnection | undefined;
  const subscriptions: { unsubscribe(): void }[] = [
    pendingSubscription,
    sharedSubscription,
    firstDownload.progress$.subscribe((progress) => patchStatus({ firstDownload: progress })),
  ];
  // Until this tab replicates, it follows what the replicating tab finishes.
  const following = firstDownload.follow();

  const takeImportTurn = importLine();
  async function startCollection(name: CollectionName): Promise<CollectionReplication> {
    const identifier = replicationIdentifier(api, name);
    // Nothing to download for a device log (pushed only).
    const bootstrap = await (
      isDeviceLog(name)
        ? Promise.resolve(undefined)
        : bootstrapCollection(db, api, name, identifier, firstDownload, takeImportTurn())
    ).catch((error: unknown) => {
      failed(error);
      return undefined;
    });
    if (bootstrap) succeeded();
    const replication = replicateCollection({
      db,
      api,
      name,
      identifier,
      stream: streams.get(name)!,
      pending,
      firstDownload,
      importedRevs: bootstrap?.revisions ?? (await importedRevisions(db, name)),
      initialCheckpoints: bootstrap && {
        pull: bootstrap.pullCheckpoint,
        push: bootstrap.pushCheckpoint,
      },
      onSuccess: succeeded,
      onRefused: (row) =>
        patchStatus({ lastError: { code: row.code, message: row.message, at: new Date() } }),
    });
    subscriptions.push(replication.error$.subscribe(failed));
    subscriptions.push(purgeOnErasure(db, name, replication, awaitCollectionInSync));
    // Pulled to the end once: what depends on this collection is no longer unfinished.
    if (!firstDownload.isFinished(name)) {
      replication
        .awaitInitialReplication()
        .then(() => firstDownload.finished(name))
        .catch(() => undefined);
    }
    return replication;
  }

  function openStream(): void {
    connection = connectEventStream(
      `${api.baseUrl}/api/v1/sync/stream`,
      {
        // The browser's own "offline" wins: a stream that slipped through (a request begun
        // just before the network went) must not say "en ligne" with no network.
        onOpen: () => patchStatus({ online: !browserSaysOffline() }),
        onClose: () => {
          patchStatus({ online: false });
          for (const stream of streams.values()) stream.disconnected();
        },
        onMessage(data) {
          if (data === 'RESYNC') {
            for (const stream of streams.values()) stream.reconnected();
            return;
          }
          const batch = JSON.parse(data) as StreamBatch;
          streams.get(batch.collection)?.batch(batch.documents, batch.checkpoint);
        },
      },
      { fetch: api.fetch },
    );
  }

  /** The leader shares what it knows with the other tabs, and syncs when one of them asks. */
  function shareAsLeader(): void {
    shared.publishFrom(
      status$.pipe(
        distinctUntilChanged(
          (a, b) =>
            a.online === b.online &&
            a.lastError?.code === b.lastError?.code &&
            a.lastError?.message === b.lastError?.message &&
            Math.abs((a.lastSuccessAt?.getTime() ?? 0) - (b.lastSuccessAt?.getTime() ?? 0)) <
              SUCCESS_NEWS_MS,
        ),
        map((status) => ({
          online: status.online,
          lastSuccessAt: status.lastSuccessAt?.toISOString() ?? null,
          lastError: status.lastError
            ? { ...status.lastError, at: status.lastError.at.toISOString() }
            : null,
        })),
      ),
    );
    subscriptions.push(shared.syncRequests$().subscribe(() => reSyncAll()));
  }

  // The leader bootstraps, replicates and listens; other tabs only read the shared database.
  const replications: Promise<CollectionReplication[]> = db.waitForLeadership().then(async () => {
    if (stopped) return [];
    following.unsubscribe();
    patchStatus({ leader: true, online: false });
    shareAsLeader();
    subscriptions.push(reportAfterSync(status$, api));
    const started = await Promise.all(names.map(startCollection));
    if (stopped) {
      await Promise.all(started.map((replication) => replication.cancel()));
      return [];
    }
    openStream();
    return started;
  });

  const awaitCollectionInSync = async (name: CollectionName) => {
    const all = await replications;
    await all[names.indexOf(name)]?.awaitInSync();
  };

  const reSyncAll = () => {
    void replications.then((all) => all.forEach((replication) => replication.reSync()));
  };

  // Browsers know before the stream does when the network goes or comes back.
  const onOffline = () => {
    patchStatus({ online: false });
    connection?.reconnect();
  };
  const onOnline = () => {
    connection?.reconnect();
    reSyncAll();
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
      if (status$.value.leader) reSyncAll();
      else shared.requestSync();
    },
    reconnect() {
      if (status$.value.leader) onOnline();
      else shared.requestSync();
    },
    async awaitInSync() {
      await pending.flush();
      if (status$.value.leader) {
        reSyncAll();
        for (const replication of await replications) await replication.awaitInSync();
      } else {
        shared.requestSync();
      }
      await firstValueFrom(pending.state$.pipe(filter((state) => countPending(state) === 0)));
    },
    async stop() {
      stopped = true;
      if (browser) {
        window.removeEventListener('offline', onOffline);
        window.removeEventListener('online', onOnline);
      }
      connection?.close();
      for (const stream of streams.values()) stream.disconnected();
      clearInterval(staleCheck);
      following.unsubscribe();
      shared.detach();
      for (const subscription of subscriptions) subscription.unsubscribe();
      // A tab that never became leader has no replication to cancel.
      const all = await Promise.race([
        replications,
        Promise.resolve([] as CollectionReplication[]),
      ]);
      await Promise.all(all.map((replication) => replication.cancel()));
      await pending.flush();
      pending.detach();
    },
  };
}
