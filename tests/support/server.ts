/**
 * A real sync server for tests: the app factory on a random loopback port with a fresh storage:
 * a SQLite file in a temporary folder by default, or a fresh PostgreSQL database.
 */
import { createApp, type AppOptions } from '../../sync-server/src/app';
import type { Storage } from '../../sync-server/src/storage/storage';
import { storageFixture, type BackendName, type StorageFixture } from './storages';

export interface TestServer {
  url: string;
  storage: Storage;
  backend: BackendName;
  /** The SQLite file, or the PostgreSQL database's URL (when the fixture says). */
  location: string | undefined;
  /**
   * Stops the server and starts it again on the same port and storage (files or database kept),
   * with `changes` to its options if given (e.g. another build of the PWA to serve).
   */
  restart(changes?: Partial<AppOptions>): Promise<void>;
  close(): Promise<void>;
}

export async function startTestServer(
  options: Partial<AppOptions> & {
    backend?: BackendName;
    /**
     * Storage shared with other servers (several processes on one PostgreSQL database): this
     * server opens its own connections to it and leaves it in place when it closes.
     */
    shared?: { backend: BackendName; fixture: StorageFixture };
  } = {},
): Promise<TestServer> {
  const backend = options.shared?.backend ?? options.backend ?? 'sqlite';
  const fixture: StorageFixture = options.shared?.fixture ?? (await storageFixture(backend));
  let storage = await fixture.open();
  let current = options;
  let { app } = await createApp({ ...current, storage });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const port = Number(new URL(url).port);

  const server: TestServer = {
    url,
    storage,
    backend,
    location: fixture.location,
    async restart(changes = {}) {
      await app.close();
      await storage.close();
      storage = await fixture.open();
      current = { ...current, ...changes };
      ({ app } = await createApp({ ...current, storage }));
      await app.listen({ port, host: '127.0.0.1' });
      server.storage = storage;
    },
    async close() {
      await app.close();
      await storage.close();
      if (!options.shared) await fixture.dispose();
    },
  };
  return server;
}
