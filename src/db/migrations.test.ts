import { createRxDatabase, type RxJsonSchema } from 'rxdb/plugins/core';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { describe, expect, it } from 'vitest';
import { buildYouth } from '../../tests/support/builders';
import { youthSchema } from '../domain/schemas/youth';
import { createRelaisDatabase } from './database';

describe('schema migrations', () => {
  it('migrates dossiers stored by the previous version when the database opens', async () => {
    const name = `migration-${crypto.randomUUID().replace(/-/g, '')}`;
    // A device that still runs schema version 0 of the dossiers stores one without createdOn.
    const { createdOn: _absent, ...properties } = youthSchema.properties;
    const v0 = { ...youthSchema, version: 0, properties } as unknown as RxJsonSchema<unknown>;
    const old = await createRxDatabase({ name, storage: getRxStorageDexie() });
    await old.addCollections({ youths: { schema: v0 } });
    const { createdOn: _none, ...stored } = buildYouth({ updatedAt: '2025-03-14T09:30:00.000Z' });
    await old.collections.youths!.insert(stored);
    await old.close();

    const db = await createRelaisDatabase({ name, actorId: () => 'me', devMode: true });
    const migrated = await db.youths.findOne(stored.id).exec(true);
    expect(migrated.createdOn).toBe('2025-03-14');
    expect(migrated.lastName).toBe(stored.lastName);
    await db.remove();
  });
});
