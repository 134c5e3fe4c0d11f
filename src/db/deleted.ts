/**
 * Reading documents this device holds even when they are deleted: RxDB's queries skip deleted
 * documents, but the siège must still name the dossier of a "deleted meanwhile" conflict. One
 * read of the storage (not live): deleted documents do not change until they are restored, and
 * a restore arrives through the live queries.
 */
import type { RxCollection } from 'rxdb/plugins/core';
import type { CollectionDocuments, CollectionName } from '../domain/collections';
import type { RelaisDatabase } from './database';

export type MaybeDeleted<C extends CollectionName> = CollectionDocuments[C] & { _deleted: boolean };

export async function findIncludingDeleted<C extends CollectionName>(
  db: RelaisDatabase,
  collection: C,
  ids: string[],
): Promise<Map<string, MaybeDeleted<C>>> {
  const found = new Map<string, MaybeDeleted<C>>();
  if (ids.length === 0) return found;
  const target = db.collections[collection] as unknown as RxCollection;
  const rows = await target.storageInstance.findDocumentsById(ids, true);
  for (const row of rows) {
    const { _meta, _rev, _attachments, ...data } = row as Record<string, unknown>;
    void _meta;
    void _rev;
    void _attachments;
    found.set(String(data.id), data as unknown as MaybeDeleted<C>);
  }
  return found;
}
