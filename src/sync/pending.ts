/**
 * Which records were changed on this device and not yet acknowledged by the server, and which
 * ones the server refused (with its reason). Local writes add an id (collection hooks); a push
 * the server accepted removes it if the record has not changed since. Kept in an RxDB local
 * document, so it survives a reload and is shared by the tabs.
 */
import { BehaviorSubject } from 'rxjs';
import type { RxCollection } from 'rxdb/plugins/core';
import { COLLECTION_NAMES, type CollectionName } from '../domain/collections';
import type { RelaisDatabase } from '../db/database';

export interface PendingEntry {
  /** The rev of the local write waiting to be acknowledged. */
  rev: string;
  /** Set when the server refused the write: its error code. */
  refused?: string;
}

export type PendingState = Record<CollectionName, Record<string, PendingEntry>>;

const LOCAL_DOC_ID = 'sync-pending';

function emptyState(): PendingState {
  return Object.fromEntries(COLLECTION_NAMES.map((name) => [name, {}])) as PendingState;
}

export function countPending(state: PendingState, collection?: CollectionName): number {
  const names = collection ? [collection] : COLLECTION_NAMES;
  return names.reduce(
    (sum, name) => sum + Object.values(state[name]).filter((entry) => !entry.refused).length,
    0,
  );
}

export function countRefused(state: PendingState): number {
  return COLLECTION_NAMES.reduce(
    (sum, name) => sum + Object.values(state[name]).filter((entry) => entry.refused).length,
    0,
  );
}

export class PendingTracker {
  readonly state$ = new BehaviorSubject<PendingState>(emptyState());
  private saving: Promise<unknown> = Promise.resolve();

  private constructor(private readonly db: RelaisDatabase) {}

  /** Loads the saved state and starts following local writes. */
  static async attach(db: RelaisDatabase): Promise<PendingTracker> {
    const tracker = new PendingTracker(db);
    const saved = await db.getLocal<{ state: PendingState }>(LOCAL_DOC_ID);
    if (saved) tracker.state$.next({ ...emptyState(), ...saved.get('state') });
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

  get state(): PendingState {
    return this.state$.value;
  }

  isPending(collection: CollectionName, id: string): boolean {
    return this.state[collection][id] !== undefined;
  }

  private update(change: (state: PendingState) => boolean): void {
    const next = structuredClone(this.state);
    if (!change(next)) return;
    this.state$.next(next);
    this.saving = this.saving
      .then(() => this.db.upsertLocal(LOCAL_DOC_ID, { state: next }))
      .catch(() => undefined);
  }

  markChanged(collection: CollectionName, id: string, rev: string): void {
    this.update((state) => {
      state[collection][id] = { rev };
      return true;
    });
  }

  /** The server accepted these (id, rev) writes: forget them unless a newer write happened. */
  acknowledge(collection: CollectionName, written: { id: string; rev: string }[]): void {
    this.update((state) => {
      let changed = false;
      for (const { id, rev } of written) {
        if (state[collection][id]?.rev === rev) {
          delete state[collection][id];
          changed = true;
        }
      }
      return changed;
    });
  }

  refuse(collection: CollectionName, refused: { id: string; code: string }[]): void {
    this.update((state) => {
      for (const { id, code } of refused) {
        const entry = state[collection][id];
        if (entry) entry.refused = code;
      }
      return refused.length > 0;
    });
  }

  /** Waits until the last change is written to the local document. */
  flush(): Promise<unknown> {
    return this.saving;
  }
}
