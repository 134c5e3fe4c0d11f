/**
 * Writing documents from the screens' action hooks. The database hooks stamp `rev`,
 * `updatedAt` and `updatedBy`, so callers give only the record's own fields.
 */
import type { RxCollection } from 'rxdb/plugins/core';
import type { CollectionDocuments, CollectionName } from '../domain/collections';
import { newId } from '../domain/ids';
import type { RelaisDatabase } from './database';

type WriteMetadata = 'rev' | 'updatedAt' | 'updatedBy';

/** A document as a screen creates it: everything but the write metadata; `id` optional. */
export type NewDocument<C extends CollectionName> = Omit<
  CollectionDocuments[C],
  WriteMetadata | 'id'
> & {
  id?: string;
};

/** The placeholders the hooks overwrite; they only satisfy the schema's types. */
const UNSTAMPED = { rev: 'pending', updatedAt: new Date(0).toISOString(), updatedBy: 'pending' };

export async function insertDocument<C extends CollectionName>(
  db: RelaisDatabase,
  collection: C,
  document: NewDocument<C>,
): Promise<CollectionDocuments[C]> {
  const target = db.collections[collection] as unknown as RxCollection<CollectionDocuments[C]>;
  const inserted = await target.insert({
    ...UNSTAMPED,
    ...document,
    id: document.id ?? newId(),
  } as CollectionDocuments[C]);
  return inserted.toJSON() as CollectionDocuments[C];
}

export async function patchDocument<C extends CollectionName>(
  db: RelaisDatabase,
  collection: C,
  id: string,
  patch: Partial<Omit<CollectionDocuments[C], WriteMetadata | 'id'>>,
): Promise<CollectionDocuments[C]> {
  const target = db.collections[collection] as unknown as RxCollection<CollectionDocuments[C]>;
  const doc = await target.findOne(id).exec(true);
  const patched = await doc.incrementalPatch(patch as Partial<CollectionDocuments[C]>);
  return patched.toJSON() as CollectionDocuments[C];
}

/**
 * Replaces the record's fields (fields absent from `next` are removed), for forms that edit a
 * whole dossier.
 */
export async function replaceDocument<C extends CollectionName>(
  db: RelaisDatabase,
  collection: C,
  id: string,
  next: Omit<CollectionDocuments[C], WriteMetadata | 'id'>,
): Promise<CollectionDocuments[C]> {
  const target = db.collections[collection] as unknown as RxCollection<CollectionDocuments[C]>;
  const doc = await target.findOne(id).exec(true);
  const modified = await doc.incrementalModify((current) => {
    const kept = {
      id: current.id,
      rev: current.rev,
      updatedAt: current.updatedAt,
      updatedBy: current.updatedBy,
    };
    return { ...next, ...kept } as typeof current;
  });
  return modified.toJSON() as CollectionDocuments[C];
}
