import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../tests/support/database';
import { withoutDroppedIndex } from './dexie-indexes';

const openDatabase = testDatabases();

describe('dexie indexes', () => {
  it('drops the lone _meta.lwt index and keeps the one replication reads', () => {
    expect(
      withoutDroppedIndex('id, [_deleted+id], [_deleted+youthId+id], [_meta.lwt+id], _meta.lwt'),
    ).toBe('id, [_deleted+id], [_deleted+youthId+id], [_meta.lwt+id]');
  });

  it('creates collections without it', async () => {
    const db = await openDatabase();
    const internals = await (
      db.events.storageInstance.originalStorageInstance as unknown as {
        inner: { internals: Promise<{ dexieTable: { schema: { indexes: { name: string }[] } } }> };
      }
    ).inner.internals;
    const names = internals.dexieTable.schema.indexes.map((index) => index.name);
    expect(names).toContain('[_meta.lwt+id]');
    expect(names).not.toContain('_meta.lwt');
  });
});
