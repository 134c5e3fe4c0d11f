/**
 * UI state of the installed app: the service worker (ready offline, a new version waiting, a
 * new version activated from another tab) and the forms with unsaved input, which an update
 * must never reload away; the browser's storage facts for this site.
 */
import type { StateCreator } from 'zustand';

/** What the browser says of this site's storage (null when it does not say). */
export interface DeviceStorage {
  supported: boolean;
  /** The browser promised not to evict the data under disk pressure. */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

export interface PwaSlice {
  /** The service worker controls this page: Relais opens without network. */
  offlineReady: boolean;
  /** A new version is installed and waits for the user's go-ahead. */
  updateWaiting: boolean;
  /** Version the waiting update brings, when the server said it. */
  nextVersion: string | null;
  /** Another tab applied an update: this tab runs the old code until it is reloaded. */
  updatedElsewhere: boolean;
  /** Labels of the forms of this tab holding input not yet saved, by form key. */
  unsavedForms: Record<string, string>;
  storage: DeviceStorage;
  setOfflineReady(ready: boolean): void;
  setUpdateWaiting(waiting: boolean, nextVersion?: string | null): void;
  setUpdatedElsewhere(updated: boolean): void;
  setUnsavedForm(key: string, label: string | null): void;
  setDeviceStorage(storage: DeviceStorage): void;
}

export const createPwaSlice: StateCreator<PwaSlice, [], [], PwaSlice> = (set) => ({
  offlineReady: false,
  updateWaiting: false,
  nextVersion: null,
  updatedElsewhere: false,
  unsavedForms: {},
  storage: { supported: false, persisted: null, usage: null, quota: null },
  setOfflineReady: (offlineReady) => set({ offlineReady }),
  setUpdateWaiting: (updateWaiting, nextVersion = null) => set({ updateWaiting, nextVersion }),
  setUpdatedElsewhere: (updatedElsewhere) => set({ updatedElsewhere }),
  setUnsavedForm: (key, label) =>
    set((state) => {
      const unsavedForms = { ...state.unsavedForms };
      if (label === null) delete unsavedForms[key];
      else unsavedForms[key] = label;
      return { unsavedForms };
    }),
  setDeviceStorage: (storage) => set({ storage }),
});
