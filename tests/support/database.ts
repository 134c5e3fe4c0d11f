/**
 * A device database for unit and component tests: the real RxDB database on fake-indexeddb,
 * with a random name (no shared state) and the dev-mode checks (schema validation on write).
 */
import { afterEach } from 'vitest';
import { createRelaisDatabase, type RelaisDatabase } from '../../src/db/database';
import { importAesKey, newKeyMaterial } from '../../src/db/encryption/keys';
import type { CollectionName } from '../../src/domain/collections';
import type { Clock } from '../../src/domain/time';

/** A fresh data key, as a device holds one in memory once unlocked. */
export function testDataKey(): Promise<CryptoKey> {
  return importAesKey(newKeyMaterial());
}

export async function openTestDatabase(actorId = 'u1', clock?: Clock): Promise<RelaisDatabase> {
  return createRelaisDatabase({
    name: `test-${crypto.randomUUID().replace(/-/g, '')}`,
    dataKey: await testDataKey(),
    actorId: () => actorId,
    devMode: true,
    ...(clock ? { clock } : {}),
  });
}

/** Inserts documents as the server would have delivered them (already stamped). */
export async function seed(
  db: RelaisDatabase,
  collection: CollectionName,
  documents: readonly object[],
): Promise<void> {
  await db.collections[collection].bulkInsert(documents as never[]);
}

/**
 * Opens databases for the tests of a file and removes them after each test:
 * `const openDatabase = testDatabases();` at the top, `await openDatabase()` in a test.
 */
export function testDatabases(): (actorId?: string, clock?: Clock) => Promise<RelaisDatabase> {
  const opened: RelaisDatabase[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.remove();
  });
  return async (actorId, clock) => {
    const db = await openTestDatabase(actorId, clock);
    opened.push(db);
    return db;
  };
}
