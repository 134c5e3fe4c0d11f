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
  /** Stops the server and starts it again on the same storage (files or database kept). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestServer(
  options: Partial<AppOptions> & { backend?: BackendName } = {},
): Promise<TestServer> {
  const backend = options.backend ?? 'sqlite';
  const fixture: StorageFixture = await storageFixture(backend);
  let storage = await fixture.open();
  let { app } = await createApp({ ...options, storage });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const port = Number(new URL(url).port);

  const server: TestServer = {
    url,
    storage,
    backend,
    async restart() {
      await app.close();
      await storage.close();
      storage = await fixture.open();
      ({ app } = await createApp({ ...options, storage }));
      await app.listen({ port, host: '127.0.0.1' });
      server.storage = storage;
    },
    async close() {
      await app.close();
      await storage.close();
      await fixture.dispose();
    },
  };
  return server;
}
