/**
 * Documents by id for the siège's screens: live while they exist, and those deleted meanwhile
 * read once from the storage (a conflict may be about a deleted dossier).
 */
import { from, map, of, switchMap, type Observable } from 'rxjs';
import type { RelaisDatabase } from '../../db/database';
import { findIncludingDeleted } from '../../db/deleted';
import type { CollectionName } from '../../domain/collections';
import type { PlainDocument } from '../../domain/merge';

/** Documents by id, live while they exist, with the deleted ones read once. */
export function documentsById(
  db: RelaisDatabase,
  collection: CollectionName,
  ids: string[],
): Observable<Map<string, PlainDocument>> {
  if (ids.length === 0) return of(new Map());
  // One shape for every collection (RxDB's per-collection types do not unite).
  const target = db.collections[collection] as unknown as {
    findByIds(ids: string[]): { $: Observable<Map<string, { toJSON(): unknown }>> };
  };
  return target.findByIds(ids).$.pipe(
    switchMap((live) => {
      const found = new Map<string, PlainDocument>();
      for (const [id, doc] of live) {
        found.set(id, { ...(doc.toJSON() as PlainDocument), _deleted: false });
      }
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length === 0) return of(found);
      return from(findIncludingDeleted(db, collection, missing)).pipe(
        map((deleted) => {
          for (const [id, doc] of deleted) found.set(id, doc as unknown as PlainDocument);
          return found;
        }),
      );
    }),
  );
}
