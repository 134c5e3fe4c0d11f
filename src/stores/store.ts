/**
 * The UI state of the app, one zustand store of typed slices (session, sync status, installed
 * app, portefeuille filters, relance preferences). Documents never live here: screens read them
 * from the local database through live queries.
 */
import { create } from 'zustand';
import { createCaseloadSlice, type CaseloadSlice } from './caseload-slice';
import { createPwaSlice, type PwaSlice } from './pwa-slice';
import { createRelanceSettingsSlice, type RelanceSettingsSlice } from './relance-settings-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createSyncSlice, type SyncSlice } from './sync-slice';

export type AppState = SessionSlice & SyncSlice & PwaSlice & CaseloadSlice & RelanceSettingsSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createSessionSlice(...args),
  ...createSyncSlice(...args),
  ...createPwaSlice(...args),
  ...createCaseloadSlice(...args),
  ...createRelanceSettingsSlice(...args),
}));
