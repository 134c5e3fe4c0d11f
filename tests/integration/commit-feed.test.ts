/**
 * The commit feed of the PostgreSQL storage (sync-server/src/storage/postgres-commits.ts): what
 * a writer notifies (the highest seq of what it committed, never a document, nothing when it
 * rolls back or adds no change) and the changes read back after a seq, in commit order.
 */
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CollectionName } from '../../src/domain/collections';
import { newId, newRev } from '../../src/domain/ids';
import {
  COMMITS_APPLICATION_NAME,
  COMMITS_CHANNEL,
} from '../../sync-server/src/storage/postgres-commits';
import { openPostgresStorage } from '../../sync-server/src/storage/postgres';
import type { CommitWatch, DocumentWrite, Storage } from '../../sync-server/src/storage/storage';
import { eventually } from '../support/http';
import { createTestDatabase, type TestDatabase } from '../support/postgres';

function youthWrite(collection: CollectionName = 'youths'): DocumentWrite {
  const id = newId();
  const rev = newRev();
  return {
    collection,
    id,
    rev,
    deleted: false,
    youthId: id,
    scope: { siteId: 'site-a', ownerId: null },
    previousScope: null,
    previousData: null,
    writtenBy: 'tester',
    deviceId: null,
    data: { id, rev, firstName: 'Inès', notes: 'Suivi confidentiel' },
  };
}

describe('the PostgreSQL commit feed', () => {
  let database: TestDatabase;
  let storage: Storage;
  let listener: pg.Client;
  const payloads: string[] = [];

  beforeEach(async () => {
    database = await createTestDatabase();
    storage = await openPostgresStorage(database.url);
    listener = new pg.Client({ connectionString: database.url });
    await listener.connect();
    listener.on('notification', (message) => payloads.push(message.payload ?? ''));
    await listener.query(`LISTEN ${COMMITS_CHANNEL}`);
  });

  afterEach(async () => {
    payloads.splice(0);
    await listener.end();
    await storage.close();
    await database.drop();
  });

  it('notifies the highest seq of each commit that adds changes, and only that', async () => {
    await expect(
      storage.write(async (tx) => {
        await tx.putDocuments([youthWrite()]);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await storage.write((tx) => tx.appendAudit([]));
    const written = await storage.write((tx) => tx.putDocuments([youthWrite(), youthWrite()]));

    // Notifications of one session arrive in commit order: nothing came before this one.
    await eventually(async () => expect(payloads).toEqual([String(written[1]!.seq)]));
  });

  it('reads back the changes after a seq, every collection, in commit order, by pages', async () => {
    const first = await storage.write((tx) => tx.putDocuments([youthWrite()]));
    const second = await storage.write((tx) =>
      tx.putDocuments([youthWrite('events'), youthWrite()]),
    );
    const feed = storage.commitFeed!;
    const all = await feed.changesSince(0, 10);
    expect(all.map((d) => [d.collection, d.id])).toEqual([
      ['youths', first[0]!.id],
      ['events', second[0]!.id],
      ['youths', second[1]!.id],
    ]);
    expect(all[0]).toMatchObject({ seq: first[0]!.seq, data: { notes: 'Suivi confidentiel' } });
    const page = await feed.changesSince(first[0]!.seq, 1);
    expect(page.map((d) => d.id)).toEqual([second[0]!.id]);
  });

  it('tells its watcher of commits, and to catch up once it listens again', async () => {
    const seen: number[] = [];
    let connections = 0;
    const watch: CommitWatch = await storage.commitFeed!.watch({
      onCommit: (seq) => seen.push(seq),
      onConnected: () => (connections += 1),
      onError: () => undefined,
    });
    try {
      expect(connections).toBe(1);
      const written = await storage.write((tx) => tx.putDocuments([youthWrite()]));
      await eventually(async () => expect(seen).toEqual([written[0]!.seq]));

      await listener.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = $1`,
        [COMMITS_APPLICATION_NAME],
      );
      await eventually(async () => expect(connections).toBe(2));
    } finally {
      await watch.stop();
    }
  });
});
