/** The sync status shown everywhere: fed by the sync engine, read by the indicator. */
import type { StateCreator } from 'zustand';
import type { SyncStatus } from '../sync/replication';

export interface SyncSlice {
  sync: SyncStatus;
  setSync(status: SyncStatus): void;
}

export const INITIAL_SYNC_STATUS: SyncStatus = {
  online: false,
  leader: false,
  pending: 0,
  refused: 0,
  lastSuccessAt: null,
  lastError: null,
  firstDownload: null,
};

export const createSyncSlice: StateCreator<SyncSlice, [], [], SyncSlice> = (set) => ({
  sync: INITIAL_SYNC_STATUS,
  setSync: (sync) => set({ sync }),
});
