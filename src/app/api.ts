/** The PWA's API client: same origin, reporting its version, waiting pushes and last error. */
import { createApiClient } from '../sync/api';
import { useAppStore } from '../stores/store';

export const APP_VERSION = __APP_VERSION__;

export const api = createApiClient({
  baseUrl: '',
  appVersion: APP_VERSION,
  pendingCount: () => useAppStore.getState().sync.pending,
  lastErrorCode: () => useAppStore.getState().sync.lastError?.code ?? null,
});
