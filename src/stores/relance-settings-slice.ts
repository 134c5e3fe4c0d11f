/**
 * The relance list's thresholds of silence (30 / 60 / 90 days by default), a preference of the
 * person using the device, kept in localStorage so it survives a reload.
 */
import type { StateCreator } from 'zustand';
import { DEFAULT_SILENCE_THRESHOLDS, normaliseThresholds } from '../domain/rules/relances';

const STORAGE_KEY = 'relais-relance-thresholds';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function stored(): number[] {
  const raw = storage()?.getItem(STORAGE_KEY);
  if (!raw) return [...DEFAULT_SILENCE_THRESHOLDS];
  try {
    const parsed = normaliseThresholds(JSON.parse(raw) as number[]);
    return parsed.length > 0 ? parsed : [...DEFAULT_SILENCE_THRESHOLDS];
  } catch {
    return [...DEFAULT_SILENCE_THRESHOLDS];
  }
}

export interface RelanceSettingsSlice {
  relanceThresholds: number[];
  setRelanceThresholds(thresholds: readonly number[]): void;
}

export const createRelanceSettingsSlice: StateCreator<
  RelanceSettingsSlice,
  [],
  [],
  RelanceSettingsSlice
> = (set) => ({
  relanceThresholds: stored(),
  setRelanceThresholds: (thresholds) => {
    const clean = normaliseThresholds(thresholds);
    const next = clean.length > 0 ? clean : [...DEFAULT_SILENCE_THRESHOLDS];
    storage()?.setItem(STORAGE_KEY, JSON.stringify(next));
    set({ relanceThresholds: next });
  },
});
