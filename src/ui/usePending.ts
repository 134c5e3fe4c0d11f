/**
 * What this device changed and the server has not acknowledged yet, or refused, read from the
 * sync engine's PendingTracker. One subscription serves a whole list: look entries up with
 * `pendingEntry`.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { useSyncEngine } from '../app/database-context';
import type { CollectionName } from '../domain/collections';
import type { PendingEntry, PendingState } from '../sync/pending';

export function usePendingState(): PendingState {
  const { pending } = useSyncEngine();
  const subscribe = useCallback(
    (onChange: () => void) => {
      const subscription = pending.state$.subscribe(onChange);
      return () => subscription.unsubscribe();
    },
    [pending],
  );
  return useSyncExternalStore(subscribe, () => pending.state$.value);
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
