/** A logged-in API client in the test process, for checks "through the API". */
import { createApiClient, type ApiClient } from '../../src/sync/api';
import { createDeviceFetch } from './cookie-fetch';
import { PASSWORD } from './accounts';

export async function loggedInClient(
  serverUrl: string,
  login: string,
  password = PASSWORD,
): Promise<ApiClient> {
  const api = createApiClient({ baseUrl: serverUrl, fetch: createDeviceFetch().fetch });
  await api.login(login, password);
  return api;
}

/** Polls until `check` stops throwing (for what arrives through the stream), up to `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
