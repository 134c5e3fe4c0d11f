/**
 * Durable storage on this device. The dossiers live in IndexedDB, which a browser may evict
 * under disk pressure unless the site holds persistent storage: Relais asks for it once after
 * sign-in (and on demand from the sync panel), watches used and available space, and warns well
 * before the quota, while there is still time to synchronise and free space.
 */
import { useAppStore } from '../../stores/store';
import type { DeviceStorage } from '../../stores/pwa-slice';

/** Share of the quota from which Relais warns, then warns urgently. */
export const STORAGE_WARN_RATIO = 0.7;
export const STORAGE_CRITICAL_RATIO = 0.9;
/** Free space under which Relais warns whatever the share (small tablets). */
export const STORAGE_WARN_FREE_BYTES = 200 * 1024 * 1024;
export const STORAGE_CRITICAL_FREE_BYTES = 50 * 1024 * 1024;
/** How often the estimate is refreshed while the app is open. */
export const STORAGE_CHECK_MS = 5 * 60_000;

export type StorageLevel = 'ok' | 'warn' | 'critical' | 'unknown';

export function storageLevel(estimate: { usage?: number; quota?: number } | null): StorageLevel {
  if (!estimate?.quota || estimate.usage === undefined) return 'unknown';
  const ratio = estimate.usage / estimate.quota;
  const free = estimate.quota - estimate.usage;
  if (ratio >= STORAGE_CRITICAL_RATIO || free < STORAGE_CRITICAL_FREE_BYTES) return 'critical';
  if (ratio >= STORAGE_WARN_RATIO || free < STORAGE_WARN_FREE_BYTES) return 'warn';
  return 'ok';
}

function storageManager(): StorageManager | undefined {
  return typeof navigator !== 'undefined' ? navigator.storage : undefined;
}

/** Reads persistence and the estimate into the store. */
export async function refreshDeviceStorage(
  manager: StorageManager | undefined = storageManager(),
): Promise<DeviceStorage> {
  const facts: DeviceStorage = {
    supported: Boolean(manager?.estimate),
    persisted: manager?.persisted ? await manager.persisted().catch(() => null) : null,
    usage: null,
    quota: null,
  };
  if (manager?.estimate) {
    const estimate = await manager.estimate().catch(() => null);
    facts.usage = estimate?.usage ?? null;
    facts.quota = estimate?.quota ?? null;
  }
  useAppStore.getState().setDeviceStorage(facts);
  return facts;
}

/** Asks the browser to keep this site's data (it may grant without asking the user). */
export async function requestPersistentStorage(
  manager: StorageManager | undefined = storageManager(),
): Promise<boolean> {
  if (!manager?.persist) return false;
  const granted = await manager.persist().catch(() => false);
  await refreshDeviceStorage(manager);
  return granted;
}

/** Starts watching the device's storage; asks for persistence once if not yet held. */
export function watchDeviceStorage(): () => void {
  void refreshDeviceStorage().then((facts) => {
    if (facts.persisted === false) void requestPersistentStorage();
  });
  const timer = setInterval(() => void refreshDeviceStorage(), STORAGE_CHECK_MS);
  return () => clearInterval(timer);
}
