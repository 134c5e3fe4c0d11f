/**
 * Which records were changed on this device and not yet acknowledged by the server, and which
 * ones the server refused (with its reason). Local writes add an id (collection hooks, in the
 * tab that wrote); a push the server accepted removes it if the record has not changed since
 * (in the leader tab, the only one that pushes). Kept in an RxDB local document, so it survives
 * a reload and is shared by the tabs: every change is a read-modify-write of the stored state
 * (RxDB retries it on a conflict with another tab) and every tab follows the stored document,
 * so no tab overwrites another's marks and all of them show the same counts.
 */
import { BehaviorSubject, type Subscription } from 'rxjs';
import type { RxCollection } from 'rxdb/plugins/core';
import { COLLECTION_NAMES, type CollectionName } from '../domain/collections';
import { errorSummary } from '../domain/errors';
import type { RelaisDatabase } from '../db/database';
import { localDocument$ } from '../db/local-documents';

export interface PendingEntry {
  /** The rev of the local write waiting to be acknowledged. */
  rev: string;
  /** Set when the server refused the write: its error code. */
  refused?: string;
}

export type PendingState = Record<CollectionName, Record<string, PendingEntry>>;

interface StoredPending {
  state: Partial<PendingState>;
}

const LOCAL_DOC_ID = 'sync-pending';
/** Enough for several push batches; older acknowledgements cannot race any more. */
const MAX_REMEMBERED_ACKNOWLEDGEMENTS = 2_000;

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

  private constructor(private readonly db: RelaisDatabase) {}

  /** Loads the saved state, follows it (other tabs write it too) and follows local writes. */
  static async attach(db: RelaisDatabase): Promise<PendingTracker> {
    const tracker = new PendingTracker(db);
    await tracker.ensureStored();
    tracker.following = localDocument$<StoredPending>(db, LOCAL_DOC_ID).subscribe(
      (doc) => doc && tracker.show(doc),
    );
    for (const name of COLLECTION_NAMES) {
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
    const late = COLLECTION_NAMES.flatMap((name) =>
      Object.entries(state[name])
        .filter(([id, entry]) => this.acknowledged.get(`${name}:${id}`) === entry.rev)
        .map(([id, entry]) => ({ name, id, rev: entry.rev })),
    );
    for (const { name, id, rev } of late) this.acknowledge(name, [{ id, rev }]);
  }

  get state(): PendingState {
    return this.state$.value;
  }

  isPending(collection: CollectionName, id: string): boolean {
    return this.state[collection][id] !== undefined;
  }

  /** Applies `change` to the latest stored state (re-applied if another tab wrote meanwhile). */
  private update(change: (state: PendingState) => void): void {
    this.saving = this.saving
      .then(async () => {
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
  }

  markChanged(collection: CollectionName, id: string, rev: string): void {
    this.update((state) => {
      state[collection][id] = { rev };
    });
  }

  /** The server accepted these (id, rev) writes: forget them unless a newer write happened. */
  acknowledge(collection: CollectionName, written: { id: string; rev: string }[]): void {
    if (written.length === 0) return;
    for (const { id, rev } of written) this.remember(`${collection}:${id}`, rev);
    this.update((state) => {
      for (const { id, rev } of written) {
        if (state[collection][id]?.rev === rev) delete state[collection][id];
      }
    });
  }

  refuse(collection: CollectionName, refused: { id: string; code: string }[]): void {
    if (refused.length === 0) return;
    this.update((state) => {
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
