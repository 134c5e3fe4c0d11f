/**
 * What this device changed and the server has not acknowledged yet, or refused, read from the
 * sync engine's PendingTracker. One subscription serves a whole list: look entries up with
 * `pendingEntry`.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { useOptionalSyncEngine } from '../app/database-context';
import { COLLECTION_NAMES, type CollectionName } from '../domain/collections';
import type { PendingEntry, PendingState } from '../sync/pending';

/** Without a sync engine (a screen rendered alone in a test) nothing is known to be pending. */
const NOTHING_PENDING = Object.fromEntries(
  COLLECTION_NAMES.map((name) => [name, {}]),
) as PendingState;

export function usePendingState(): PendingState {
  const pending = useOptionalSyncEngine()?.pending;
  const subscribe = useCallback(
    (onChange: () => void) => {
      const subscription = pending?.state$.subscribe(onChange);
      return () => subscription?.unsubscribe();
    },
    [pending],
  );
  return useSyncExternalStore(subscribe, () => pending?.state$.value ?? NOTHING_PENDING);
}

export function pendingEntry(
  state: PendingState,
  collection: CollectionName,
  id: string,
): PendingEntry | undefined {
  return state[collection]?.[id];
}

/** The pending entry of one record. */
export function usePendingEntry(collection: CollectionName, id: string): PendingEntry | undefined {
  return pendingEntry(usePendingState(), collection, id);
}
