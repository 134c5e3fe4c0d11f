/**
 * Which records were changed on this device and not yet acknowledged by the server, and which
 * ones the server refused (with its reason). Local writes add an id (collection hooks, in the
 * tab that wrote); a push the server accepted removes it if the record has not changed since
 * (in the leader tab, the only one that pushes). Kept in an RxDB local document, so it survives
 * a reload and is shared by the tabs: every change is a read-modify-write of the stored state
 * (RxDB retries it on a conflict with another tab) and every tab follows the stored document,
 * so no tab overwrites another's marks and all of them show the same counts.
 *
 * It also remembers, per record, the revs pushed without an answer yet (`sent`). When an answer
 * is lost (network cut, app closed before the retry), RxDB's next push of the record still names
 * the last master it saw as its base, although the server holds the lost write; the push then
 * lists these revs (its lineage) so the server applies the newer write on top of the device's
 * own earlier one instead of opening a review against itself (sync-server/src/replication/push.ts).
 */
import { BehaviorSubject, type Subscription } from 'rxjs';
import type { RxCollection } from 'rxdb/plugins/core';
import { COLLECTION_NAMES, isDeviceLog, type CollectionName } from '../domain/collections';
import { errorSummary } from '../domain/errors';
import type { RelaisDatabase } from '../db/database';
import { localDocument$ } from '../db/local-documents';

export interface PendingEntry {
  /** The rev of the local write waiting to be acknowledged. */
  rev: string;
  /** Set when the server refused the write: its error code. */
  refused?: string;
  /** Revs of this record pushed without an answer yet, oldest first (see above). */
  sent?: string[];
}

export type PendingState = Record<CollectionName, Record<string, PendingEntry>>;

interface StoredPending {
  state: Partial<PendingState>;
}

const LOCAL_DOC_ID = 'sync-pending';
/** Enough for several push batches; older acknowledgements cannot race any more. */
const MAX_REMEMBERED_ACKNOWLEDGEMENTS = 2_000;
/** Unanswered pushes remembered per record: each one is a lost answer, so a few is plenty. */
export const MAX_UNANSWERED_REVS = 20;

function emptyState(): PendingState {
  return Object.fromEntries(COLLECTION_NAMES.map((name) => [name, {}])) as PendingState;
}

/** The stored state completed with the collections added since it was written. */
function complete(stored: Partial<PendingState> | undefined): PendingState {
  return { ...emptyState(), ...(stored ?? {}) };
}

export function countPending(state: PendingState, collection?: CollectionName): number {
  const names = collection ? [collection] : COLLECTION_NAMES;
  return names.reduce(
    (sum, name) => sum + Object.values(state[name]).filter((entry) => !entry.refused).length,
    0,
  );
}

export function countRefused(state: PendingState, collection?: CollectionName): number {
  const names = collection ? [collection] : COLLECTION_NAMES;
  return names.reduce(
    (sum, name) => sum + Object.values(state[name]).filter((entry) => entry.refused).length,
    0,
  );
}

export class PendingTracker {
  readonly state$ = new BehaviorSubject<PendingState>(emptyState());
  private saving: Promise<unknown> = Promise.resolve();
  private following: Subscription | undefined;
  /** Height of the stored revision last shown: older events of other tabs are ignored. */
  private shownHeight = 0;
  /**
   * Writes this tab saw acknowledged, `collection:id` → rev: a mark written by another tab
   * after the push it belongs to was acknowledged is cleared when it arrives.
   */
  private readonly acknowledged = new Map<string, string>();
  /** Late marks whose acknowledgement is queued (see `show`). */
  private readonly lateInFlight = new Set<string>();
  /** Local writes not yet in the stored state (see `markChanged`). */
  private readonly queuedMarks: { collection: CollectionName; id: string; rev: string }[] = [];

  private constructor(private readonly db: RelaisDatabase) {}

  /** Loads the saved state, follows it (other tabs write it too) and follows local writes. */
  static async attach(db: RelaisDatabase): Promise<PendingTracker> {
    const tracker = new PendingTracker(db);
    await tracker.ensureStored();
    tracker.following = localDocument$<StoredPending>(db, LOCAL_DOC_ID).subscribe(
      (doc) => doc && tracker.show(doc),
    );
    for (const name of COLLECTION_NAMES) {
      // A device log (the accesses to dossiers) is not one of the user's modifications.
      if (isDeviceLog(name)) continue;
      const collection = db.collections[name] as RxCollection;
      const mark = (data: { id: string; rev: string }) =>
        tracker.markChanged(name, data.id, data.rev);
      collection.postInsert(mark, false);
      collection.postSave(mark, false);
      collection.postRemove(mark, false);
    }
    return tracker;
  }

  /** Creates the stored document once; another tab may be creating it at the same moment. */
  private async ensureStored(): Promise<void> {
    const existing = await this.db.getLocal<StoredPending>(LOCAL_DOC_ID);
    if (existing) {
      this.show(existing);
      return;
    }
    await this.db.insertLocal<StoredPending>(LOCAL_DOC_ID, { state: emptyState() }).catch(() => {
      // Another tab created it first: its content is followed below.
    });
  }

  private show(doc: { revision: string; get(path: 'state'): Partial<PendingState> }): void {
    const height = Number.parseInt(doc.revision, 10);
    if (height < this.shownHeight) return;
    this.shownHeight = height;
    const state = complete(doc.get('state'));
    this.state$.next(state);
    // One acknowledgement per collection for the late marks, and none for a mark whose late
    // acknowledgement is already on its way: every write shows the state again.
    for (const name of COLLECTION_NAMES) {
      const late = Object.entries(state[name])
        .filter(([id, entry]) => this.acknowledged.get(`${name}:${id}`) === entry.rev)
        .filter(([id]) => !this.lateInFlight.has(`${name}:${id}`))
        .map(([id, entry]) => ({ id, rev: entry.rev }));
      if (late.length === 0) continue;
      for (const { id } of late) this.lateInFlight.add(`${name}:${id}`);
      void this.acknowledge(name, late).then(() => {
        for (const { id } of late) this.lateInFlight.delete(`${name}:${id}`);
      });
    }
  }

  get state(): PendingState {
    return this.state$.value;
  }

  isPending(collection: CollectionName, id: string): boolean {
    return this.state[collection][id] !== undefined;
  }

  /** Applies `change` to the latest stored state (re-applied if another tab wrote meanwhile). */
  private update(change: (state: PendingState) => void): Promise<unknown> {
    return this.enqueue(() => change);
  }

  /**
   * Queues a write of the stored state; the change is made when the write's turn comes (so
   * marks queued meanwhile join it), and is undefined when there is nothing left to write.
   */
  private enqueue(
    changeWhenDue: () => ((state: PendingState) => void) | undefined,
  ): Promise<unknown> {
    this.saving = this.saving
      .then(async () => {
        const change = changeWhenDue();
        if (!change) return;
        const doc = await this.db.getLocal<StoredPending>(LOCAL_DOC_ID);
        const written = doc
          ? await doc.incrementalModify((stored) => {
              const state = complete(structuredClone(stored.state));
              change(state);
              return { state };
            })
          : await this.db.upsertLocal<StoredPending>(LOCAL_DOC_ID, {
              state: (() => {
                const state = emptyState();
                change(state);
                return state;
              })(),
            });
        this.show(written);
      })
      .catch((error: unknown) =>
        console.error('Relais: suivi des envois impossible', errorSummary(error)),
      );
    return this.saving;
  }

  /**
   * A local write. Marks wait in memory for one write of the stored state: a bulk insert of a
   * thousand records is one write, not a thousand writes each copying the whole state.
   */
  markChanged(collection: CollectionName, id: string, rev: string): void {
    this.queuedMarks.push({ collection, id, rev });
    if (this.queuedMarks.length > 1) return;
    void this.enqueue(() => {
      const marks = this.queuedMarks.splice(0);
      if (marks.length === 0) return undefined;
      return (state) => {
        for (const mark of marks) {
          const sent = state[mark.collection][mark.id]?.sent;
          state[mark.collection][mark.id] = { rev: mark.rev, ...(sent ? { sent } : {}) };
        }
      };
    });
  }

  /**
   * These writes are about to be pushed: remembered as unanswered until the server answers, and
   * stored before the request leaves, so a restart in between does not forget them.
   */
  recordSent(collection: CollectionName, pushed: { id: string; rev: string }[]): Promise<unknown> {
    if (pushed.length === 0) return this.saving;
    return this.update((state) => {
      for (const { id, rev } of pushed) {
        const entry = state[collection][id];
        if (!entry || entry.rev !== rev) continue;
        const sent = (entry.sent ?? []).filter((earlier) => earlier !== rev);
        entry.sent = [...sent, rev].slice(-MAX_UNANSWERED_REVS);
      }
    });
  }

  /** The revs of a record pushed earlier without an answer, for the push of `rev`. */
  lineageOf(collection: CollectionName, id: string, rev: string): string[] {
    return (this.state[collection][id]?.sent ?? []).filter((sent) => sent !== rev);
  }

  /**
   * The server accepted these (id, rev) writes: forget them unless a newer write happened. They
   * are remembered once forgotten, so that a mark of the same write another tab stores later is
   * cleared when it shows up (see `show`).
   */
  acknowledge(
    collection: CollectionName,
    written: { id: string; rev: string }[],
  ): Promise<unknown> {
    if (written.length === 0) return this.saving;
    const done = this.update((state) => {
      for (const { id, rev } of written) {
        const entry = state[collection][id];
        if (!entry) continue;
        if (entry.rev === rev) {
          delete state[collection][id];
          continue;
        }
        // The server answered for `rev`: it is the device's base from now on, and so are the
        // writes pushed before it.
        const answered = entry.sent?.indexOf(rev) ?? -1;
        if (answered >= 0) {
          const sent = entry.sent!.slice(answered + 1);
          if (sent.length > 0) entry.sent = sent;
          else delete entry.sent;
        }
      }
    });
    return done.then(() => {
      for (const { id, rev } of written) this.remember(`${collection}:${id}`, rev);
    });
  }

  refuse(collection: CollectionName, refused: { id: string; code: string }[]): void {
    if (refused.length === 0) return;
    void this.update((state) => {
      for (const { id, code } of refused) {
        const entry = state[collection][id];
        if (entry) entry.refused = code;
      }
    });
  }

  private remember(key: string, rev: string): void {
    this.acknowledged.delete(key);
    this.acknowledged.set(key, rev);
    if (this.acknowledged.size > MAX_REMEMBERED_ACKNOWLEDGEMENTS) {
      this.acknowledged.delete(this.acknowledged.keys().next().value!);
    }
  }

  /** Waits until the last change is written to the local document. */
  flush(): Promise<unknown> {
    return this.saving;
  }

  detach(): void {
    this.following?.unsubscribe();
  }
}
