/** Opens the configured storage: PostgreSQL when DATABASE_URL is set, else SQLite in the data dir. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerConfig } from '../config';
import { openSqliteStorage } from './sqlite';
import type { Storage } from './storage';

export const SQLITE_FILE_NAME = 'relais.sqlite';

export async function openStorage(
  config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'>,
): Promise<Storage> {
  if (config.databaseUrl) {
    const { openPostgresStorage } = await import('./postgres');
    return openPostgresStorage(config.databaseUrl);
  }
  mkdirSync(config.dataDir, { recursive: true });
  return openSqliteStorage(join(config.dataDir, SQLITE_FILE_NAME));
}
