/**
 * The PWA's API client: same origin, reporting its version, waiting pushes and last error. An
 * answer saying the device was revoked or the account disabled starts the hand-over and wipe;
 * one saying the session is gone makes the session keeper renew it.
 */
import { createApiClient } from '../sync/api';
import { useAppStore } from '../stores/store';

export const APP_VERSION = __APP_VERSION__;

export const api = createApiClient({
  baseUrl: '',
  appVersion: APP_VERSION,
  pendingCount: () => useAppStore.getState().sync.pending,
  lastErrorCode: () => useAppStore.getState().sync.lastError?.code ?? null,
  onError(code) {
    const store = useAppStore.getState();
    if (store.phase !== 'signed-in') return;
    if (code === 'DEVICE_REVOKED' || code === 'ACCOUNT_DISABLED') store.loseAccess(code);
    else if (code === 'UNAUTHENTICATED' && store.user && !store.offlineSession)
      store.confirmOffline();
  },
});
