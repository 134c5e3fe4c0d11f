/**
 * The portefeuille's filters, sort and page: UI state kept while the adviser opens a dossier and
 * comes back (never the dossiers themselves). Its scope (whose dossiers) is the user's
 * preference, shared with Relances (dossier-scope-slice.ts).
 */
import type { StateCreator } from 'zustand';
import { DEFAULT_FILTERS, type CaseloadCriteria } from '../features/caseload/search';

export type CaseloadFilters = Omit<CaseloadCriteria, 'userId' | 'scope'>;

export interface CaseloadSlice {
  caseloadFilters: CaseloadFilters;
  caseloadPage: number;
  setCaseloadFilters(patch: Partial<CaseloadFilters>): void;
  resetCaseloadFilters(): void;
  setCaseloadPage(page: number): void;
}

export const createCaseloadSlice: StateCreator<CaseloadSlice, [], [], CaseloadSlice> = (set) => ({
  caseloadFilters: DEFAULT_FILTERS,
  caseloadPage: 0,
  // A new filter starts again from the first page.
  setCaseloadFilters: (patch) =>
    set((state) => ({ caseloadFilters: { ...state.caseloadFilters, ...patch }, caseloadPage: 0 })),
  resetCaseloadFilters: () => set({ caseloadFilters: DEFAULT_FILTERS, caseloadPage: 0 }),
  setCaseloadPage: (caseloadPage) => set({ caseloadPage }),
});
