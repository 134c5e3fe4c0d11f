/**
 * The context that hands the signed-in user's database and sync engine to the screens. Kept
 * apart from DatabaseProvider (which opens them and talks to the server) so that component
 * tests can provide a test database without loading the app's API client.
 */
import { createContext, useContext } from 'react';
import type { RelaisDatabase } from '../db/database';
import type { SyncEngine } from '../sync/replication';

export interface DatabaseContextValue {
  db: RelaisDatabase;
  /** Absent when screens are given a database without replication (component tests). */
  sync?: SyncEngine;
}

export const DatabaseContext = createContext<DatabaseContextValue | null>(null);

export function useDatabase(): RelaisDatabase {
  const value = useContext(DatabaseContext);
  if (!value) throw new Error('useDatabase outside DatabaseProvider');
  return value.db;
}

export function useSyncEngine(): SyncEngine {
  const value = useContext(DatabaseContext);
  if (!value?.sync) throw new Error('useSyncEngine outside DatabaseProvider');
  return value.sync;
}

/** The sync engine when there is one (not under LocalDatabaseProvider in component tests). */
export function useOptionalSyncEngine(): SyncEngine | undefined {
  return useContext(DatabaseContext)?.sync;
}
