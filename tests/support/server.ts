/**
 * A real sync server for tests: the app factory on a random loopback port with a fresh SQLite
 * file in a temporary folder (or a storage the test gives).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type AppOptions } from '../../sync-server/src/app';
import { openSqliteStorage } from '../../sync-server/src/storage/sqlite';
import type { Storage } from '../../sync-server/src/storage/storage';

export interface TestServer {
  url: string;
  storage: Storage;
  dataDir: string;
  file: string;
  close(options?: { keepFiles?: boolean }): Promise<void>;
}

export async function startTestServer(
  options: Partial<AppOptions> & {
    dataDir?: string;
    /** A fixed port, e.g. to restart a server where a browser expects it (0: any free port). */
    port?: number;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'relais-test-'));
  const file = join(dataDir, 'relais.sqlite');
  const storage = options.storage ?? openSqliteStorage(file);
  const { app } = await createApp({ ...options, storage });
  const url = await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  return {
    url,
    storage,
    dataDir,
    file,
    async close({ keepFiles = false } = {}) {
      await app.close();
      await storage.close();
      if (!keepFiles) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
