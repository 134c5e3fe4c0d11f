/**
 * The first download of a device: until every collection has been pulled to the end once, the
 * device holds part of its caseload, and the screens must not present it as final (« Dernier
 * contact : Aucun », « 822 sans aucun contact »). This tracker says which collections are still
 * unfinished — kept in a local document, so a device that was closed half-way knows it resumes
 * a first download — and how many documents have arrived out of the server's total.
 *
 * The total comes from the server: the first pull of each unfinished collection in a session
 * asks for it (`progress=1`: how many documents the caller may see, and how many remain after
 * that page). From then on every live document received counts; a resumed download is counted
 * from where its pull starts again, so the figures stay right whichever way it resumes.
 */
import { BehaviorSubject, type Subscription } from 'rxjs';
import { COLLECTION_NAMES, type CollectionName } from '../domain/collections';
import type { RelaisDatabase } from '../db/database';
import { localDocument$ } from '../db/local-documents';

export interface FirstDownloadProgress {
  /** Collections not yet pulled to the end once: what depends on them is unfinished. */
  unfinished: CollectionName[];
  /** Documents held of `total`; null until every collection of this session said its total. */
  received: number;
  total: number | null;
  /** Documents received in this session and since when: the pace of the estimate. */
  receivedThisSession: number;
  sessionStartedAt: number;
  /** True when this device had started its first download before (it resumes it). */
  resumed: boolean;
}

interface Stored {
  /** Collections pulled to the end once. */
  done: CollectionName[];
}

interface CollectionCount {
  total: number;
  /** Documents held when the total was given (total − remaining after that page). */
  base: number;
  /** Live documents received since. */
  since: number;
}

const LOCAL_DOC_ID = 'first-download';

export class FirstDownload {
  readonly progress$: BehaviorSubject<FirstDownloadProgress | null>;
  private readonly done: Set<CollectionName>;
  /** Collections of this session's download (those unfinished when it started). */
  private readonly tracked: CollectionName[];
  private readonly counts = new Map<CollectionName, CollectionCount>();
  private receivedThisSession = 0;
  private readonly sessionStartedAt = Date.now();

  private constructor(
    private readonly db: RelaisDatabase,
    done: CollectionName[],
    private readonly resumed: boolean,
  ) {
    this.done = new Set(done);
    this.tracked = COLLECTION_NAMES.filter((name) => !this.done.has(name));
    this.progress$ = new BehaviorSubject(this.compute());
  }

  /**
   * Reads where this device stands. `syncedBefore`: the device synced before this tracker
   * existed (its last sync is known) — its first download is long over.
   */
  static async attach(db: RelaisDatabase, syncedBefore: boolean): Promise<FirstDownload> {
    const saved = await db.getLocal<Stored>(LOCAL_DOC_ID);
    if (saved) {
      const done = saved.toJSON().data.done.filter((name) => COLLECTION_NAMES.includes(name));
      return new FirstDownload(db, done, true);
    }
    const done = syncedBefore ? [...COLLECTION_NAMES] : [];
    await db.upsertLocal<Stored>(LOCAL_DOC_ID, { done });
    return new FirstDownload(db, done, false);
  }

  isFinished(name: CollectionName): boolean {
    return this.done.has(name);
  }

  /**
   * In a tab that does not replicate: follows what the replicating tab finishes, so this one
   * does not keep saying « téléchargement en cours » (it knows no figures).
   */
  follow(): Subscription {
    return localDocument$<Stored>(this.db, LOCAL_DOC_ID).subscribe((doc) => {
      const done = doc?.toJSON().data.done ?? [];
      for (const name of done) this.done.add(name);
      this.progress$.next(this.compute());
    });
  }

  /** Whether the next pull of this collection should ask the server for its total. */
  wantsTotal(name: CollectionName): boolean {
    return !this.done.has(name) && !this.counts.has(name);
  }

  /** A page of the collection arrived: its live documents, and the total when it was asked. */
  received(
    name: CollectionName,
    liveDocuments: number,
    progress?: { total: number; remaining: number },
  ): void {
    if (this.done.has(name)) return;
    this.receivedThisSession += liveDocuments;
    const count = this.counts.get(name);
    if (progress) {
      this.counts.set(name, {
        total: progress.total,
        base: Math.max(0, progress.total - progress.remaining),
        since: 0,
      });
    } else if (count) {
      count.since += liveDocuments;
    }
    this.progress$.next(this.compute());
  }

  /** The collection was pulled to the end once: remembered on the device. */
  finished(name: CollectionName): void {
    if (this.done.has(name)) return;
    this.done.add(name);
    // Pulled to the end: it holds all it should, whatever the total said meanwhile.
    const count = this.counts.get(name);
    if (count) count.since = Math.max(count.since, count.total - count.base);
    const done = [...this.done];
    void this.db
      .upsertLocal<Stored>(LOCAL_DOC_ID, { done })
      .catch((error: unknown) => console.error('Relais: fin du téléchargement initial', error));
    this.progress$.next(this.compute());
  }

  private compute(): FirstDownloadProgress | null {
    const unfinished = COLLECTION_NAMES.filter((name) => !this.done.has(name));
    if (unfinished.length === 0) return null;
    let received = 0;
    let total: number | null = 0;
    for (const name of this.tracked) {
      const count = this.counts.get(name);
      if (!count) {
        // Finished before its first answer said a total: nothing to count for it.
        if (!this.done.has(name)) total = null;
        continue;
      }
      if (total !== null) total += count.total;
      received += Math.min(count.total, count.base + count.since);
    }
    return {
      unfinished,
      received,
      total,
      receivedThisSession: this.receivedThisSession,
      sessionStartedAt: this.sessionStartedAt,
      resumed: this.resumed,
    };
  }
}

/** Below this, the pace says too little for an estimate. */
const MIN_ESTIMATE_ELAPSED_MS = 1_500;

/** Milliseconds left at this session's pace, or undefined while it cannot be told. */
export function remainingMs(progress: FirstDownloadProgress, now: number): number | undefined {
  const elapsed = now - progress.sessionStartedAt;
  if (progress.total === null || elapsed < MIN_ESTIMATE_ELAPSED_MS) return undefined;
  if (progress.receivedThisSession === 0) return undefined;
  const perMs = progress.receivedThisSession / elapsed;
  return Math.max(0, progress.total - progress.received) / perMs;
}
