/**
 * The device's conflict handler: the same three-way merge as the server, with the state the
 * device last saw from the server as base. The server already stores the merged state and
 * returns it as the master, so in practice the device adopts it; merging here as well keeps the
 * device's one-sided edits if it ever receives a master that does not include them — except
 * against an erasure tombstone, which always wins.
 */
import type { RxConflictHandler } from 'rxdb/plugins/core';
import type { CollectionName } from '../domain/collections';
import { isErasureTombstone } from '../domain/erasure';
import { newRev } from '../domain/ids';
import { jsonEqual, mergeDocuments, recordContent, type PlainDocument } from '../domain/merge';

export function conflictHandlerFor<T>(collection: CollectionName): RxConflictHandler<T> {
  return {
    isEqual(a, b) {
      const left = a as PlainDocument;
      const right = b as PlainDocument;
      return (
        Boolean(left._deleted) === Boolean(right._deleted) &&
        jsonEqual(recordContent(left), recordContent(right))
      );
    },
    async resolve({ assumedMasterState, realMasterState, newDocumentState }) {
      const theirs = realMasterState as PlainDocument;
      // An erased document stays erased: nothing typed here survives it (src/domain/erasure.ts).
      if (isErasureTombstone(theirs)) return realMasterState;
      const { merged } = mergeDocuments(
        collection,
        assumedMasterState as PlainDocument | undefined,
        newDocumentState as PlainDocument,
        theirs,
      );
      if (jsonEqual(recordContent(merged), recordContent(theirs))) return realMasterState;
      // A state the server has not seen yet: it needs its own revision to be pushed.
      return { ...merged, rev: newRev() } as unknown as typeof realMasterState;
    },
  };
}
