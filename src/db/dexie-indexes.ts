/**
 * Which IndexedDB indexes RxDB's Dexie storage creates for a collection: all of them but the
 * lone `_meta.lwt` index. RxDB adds it only for `cleanup()` (purging old deletions, the cleanup
 * plugin), which Relais does not use: deletions are kept so they reach every device. Every index
 * is one more IndexedDB entry written per document, and a first sync writes tens of thousands
 * of them (issue 19). The `[_meta.lwt+id]` index, which RxDB's replication reads, stays.
 *
 * A database created before keeps the index (Dexie upgrades only for added indexes): it only
 * costs there what it always cost. If the cleanup plugin is ever added, keep the index.
 */
import type { Dexie } from 'dexie';

const DOCS_TABLE = 'docs';
const DROPPED_INDEX = '_meta.lwt';

/** The Dexie store schema without the dropped index. */
export function withoutDroppedIndex(schema: string): string {
  return schema
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== DROPPED_INDEX)
    .join(', ');
}

/** RxDB's Dexie `onCreate` hook: runs before RxDB declares its tables on `db`. */
export function dropUnusedIndexes(db: Dexie): void {
  const version = db.version.bind(db);
  db.version = (versionNumber: number) => {
    const declared = version(versionNumber);
    const stores = declared.stores.bind(declared);
    declared.stores = (schema: Record<string, string | null>) =>
      stores({
        ...schema,
        ...(typeof schema[DOCS_TABLE] === 'string'
          ? { [DOCS_TABLE]: withoutDroppedIndex(schema[DOCS_TABLE]) }
          : {}),
      });
    return declared;
  };
}
