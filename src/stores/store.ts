/**
 * The UI state of the app, one zustand store of typed slices (session, sync status, installed
 * app, portefeuille filters, scope of dossiers, relance preferences). Documents never live here: screens read them
 * from the local database through live queries.
 */
import { create } from 'zustand';
import { createCaseloadSlice, type CaseloadSlice } from './caseload-slice';
import { createDossierScopeSlice, type DossierScopeSlice } from './dossier-scope-slice';
import { createPwaSlice, type PwaSlice } from './pwa-slice';
import { createRelanceSettingsSlice, type RelanceSettingsSlice } from './relance-settings-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createSyncSlice, type SyncSlice } from './sync-slice';

export type AppState = SessionSlice &
  SyncSlice &
  PwaSlice &
  CaseloadSlice &
  DossierScopeSlice &
  RelanceSettingsSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createSessionSlice(...args),
  ...createSyncSlice(...args),
  ...createPwaSlice(...args),
  ...createCaseloadSlice(...args),
  ...createDossierScopeSlice(...args),
  ...createRelanceSettingsSlice(...args),
}));
