/**
 * Component tests of whole screens: a real RxDB database on fake-indexeddb (random name), the
 * signed-in user in the store, and an in-memory router at the given address.
 */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { LocalDatabaseProvider } from '../../src/app/DatabaseProvider';
import { createRelaisDatabase, type RelaisDatabase } from '../../src/db/database';
import type { CollectionName } from '../../src/domain/collections';
import type { Clock } from '../../src/domain/time';
import { useAppStore } from '../../src/stores/store';
import type { SessionUser } from '../../src/sync/api';

export async function openTestDatabase(
  user: Pick<SessionUser, 'id'>,
  clock?: Clock,
): Promise<RelaisDatabase> {
  return createRelaisDatabase({
    name: `screen-${crypto.randomUUID().replace(/-/g, '')}`,
    actorId: () => user.id,
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

export interface ScreenHarness extends RenderResult {
  location: { history: string[] };
}

export function renderScreen(
  ui: ReactNode,
  options: { db: RelaisDatabase; user: SessionUser; path?: string },
): ScreenHarness {
  useAppStore.getState().signIn(options.user, false);
  const memory = memoryLocation({ path: options.path ?? '/', record: true });
  const result = render(
    <Router hook={memory.hook} searchHook={memory.searchHook}>
      <LocalDatabaseProvider db={options.db}>{ui}</LocalDatabaseProvider>
    </Router>,
  );
  return { ...result, location: { history: memory.history ?? [] } };
}
