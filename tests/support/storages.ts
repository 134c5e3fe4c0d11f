/**
 * Every storage backend, for suites that must hold on all of them (the storage contract, the
 * protocol): SQLite in a temporary file and PostgreSQL in a fresh database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStorage } from '../../sync-server/src/storage/postgres';
import { openSqliteStorage } from '../../sync-server/src/storage/sqlite';
import type { Storage } from '../../sync-server/src/storage/storage';
import { createTestDatabase } from './postgres';

export interface StorageFixture {
  /** The SQLite file, or the PostgreSQL database's URL (for tests that read them directly). */
  location?: string;
  open(): Promise<Storage>;
  /** Removes the files or the database once every storage opened on it is closed. */
  dispose(): Promise<void>;
}

export type BackendName = 'sqlite' | 'postgres';

export async function storageFixture(backend: BackendName): Promise<StorageFixture> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'relais-storage-'));
    const file = join(dir, 'relais.sqlite');
    return {
      location: file,
      open: async () => openSqliteStorage(file),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const database = await createTestDatabase();
  return {
    location: database.url,
    open: () => openPostgresStorage(database.url),
    dispose: () => database.drop(),
  };
}

export const BACKENDS: BackendName[] = ['sqlite', 'postgres'];
