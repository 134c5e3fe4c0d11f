/**
 * The sync status shared by the tabs of one browser. Only the leader tab replicates and holds
 * the SSE stream, so it alone knows whether the server answers; it writes what it knows in an
 * RxDB local document (shared by the tabs, kept across reloads), and every tab shows it. A tab
 * that is not the leader asks the leader to synchronise through a second local document.
 * The last successful sync therefore survives a restart without network.
 */
import { BehaviorSubject, type Observable, type Subscription, filter, map } from 'rxjs';
import type { RelaisDatabase } from '../db/database';
import { errorSummary } from '../domain/errors';
import { localDocument$ } from '../db/local-documents';

export interface SharedSyncFacts {
  /** The leader's SSE stream to the server is open. */
  online: boolean;
  lastSuccessAt: string | null;
  lastError: { code: string; message: string; at: string } | null;
  /** When the leader last wrote this document (online is stale past HEARTBEAT_STALE_MS). */
  writtenAt: string;
}

const STATUS_DOC_ID = 'sync-status';
const REQUEST_DOC_ID = 'sync-request';
/** The leader rewrites the status this often while online, so followers know it is alive. */
export const HEARTBEAT_MS = 30_000;
/** A leader silent for longer is gone (tab closed): followers stop saying "en ligne". */
export const HEARTBEAT_STALE_MS = 3 * HEARTBEAT_MS;

export const NO_FACTS: SharedSyncFacts = {
  online: false,
  lastSuccessAt: null,
  lastError: null,
  writtenAt: new Date(0).toISOString(),
};

/** What a follower may believe of the leader's facts at `now`. */
export function believable(facts: SharedSyncFacts, now: Date): SharedSyncFacts {
  const stale = now.getTime() - new Date(facts.writtenAt).getTime() > HEARTBEAT_STALE_MS;
  return stale ? { ...facts, online: false } : facts;
}

export class SharedSyncStatus {
  /** The facts as last written by the leader (this tab or another). */
  readonly facts$ = new BehaviorSubject<SharedSyncFacts>(NO_FACTS);
  private readonly subscriptions: Subscription[] = [];
  private heartbeat: ReturnType<typeof setInterval> | undefined;

  private constructor(private readonly db: RelaisDatabase) {}

  static async attach(db: RelaisDatabase): Promise<SharedSyncStatus> {
    const shared = new SharedSyncStatus(db);
    const saved = await db.getLocal<SharedSyncFacts>(STATUS_DOC_ID);
    if (saved) shared.facts$.next(saved.toJSON().data);
    shared.subscriptions.push(
      localDocument$<SharedSyncFacts>(db, STATUS_DOC_ID).subscribe((doc) => {
        if (doc) shared.facts$.next(doc.toJSON().data);
      }),
    );
    return shared;
  }

  /**
   * Called in the leader tab: writes its facts at once (the caller passes only news worth a
   * write: a reload a moment later must still know the last sync), and again every
   * HEARTBEAT_MS. Until the first write, followers keep showing the previous leader's facts.
   */
  publishFrom(leaderFacts$: Observable<Omit<SharedSyncFacts, 'writtenAt'>>): void {
    let latest: Omit<SharedSyncFacts, 'writtenAt'> | undefined;
    const write = () => {
      if (!latest) return;
      const facts = { ...latest, writtenAt: new Date().toISOString() };
      this.facts$.next(facts);
      void this.db
        .upsertLocal<SharedSyncFacts>(STATUS_DOC_ID, facts)
        .catch((error: unknown) =>
          console.error('Relais: état de synchronisation', errorSummary(error)),
        );
    };
    this.subscriptions.push(
      leaderFacts$.subscribe((facts) => {
        latest = facts;
        write();
      }),
    );
    this.heartbeat = setInterval(write, HEARTBEAT_MS);
  }

  /** Asks the leader tab (maybe this one) to pull and push now. */
  requestSync(): void {
    void this.db
      .upsertLocal(REQUEST_DOC_ID, { at: new Date().toISOString(), nonce: crypto.randomUUID() })
      .catch((error: unknown) =>
        console.error('Relais: demande de synchronisation', errorSummary(error)),
      );
  }

  /** Emits each time some tab asks for a sync (after this call). */
  syncRequests$(): Observable<void> {
    let first = true;
    return localDocument$(this.db, REQUEST_DOC_ID).pipe(
      filter(() => {
        const skip = first;
        first = false;
        return !skip;
      }),
      map(() => undefined),
    );
  }

  detach(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }
}
