/**
 * A stage of the push pipeline (push.ts), before any other decision: who wrote a record comes
 * from the session, never from the device (design.md, Security). `updatedBy` of every
 * collection is the caller; the author of a record (`authorId`, in the collections that have
 * one) is the caller when the record is new, and stays the stored author when it is edited —
 * an adviser who completes a colleague's proposition does not become its author. Whatever the
 * device put there is ignored; its own copy converges when the stored state comes back to it
 * (the stream and the next pull).
 */
import { COLLECTIONS, type CollectionName } from '../../../src/domain/collections';
import type { PlainDocument } from '../../../src/domain/merge';
import type { StoredDocument } from '../storage/storage';
import type { Caller } from './scope';

/** The field naming who created a record, in the collections whose schema has it. */
const AUTHOR_FIELD = 'authorId';

function hasAuthor(collection: CollectionName): boolean {
  const properties = (COLLECTIONS[collection].schema as { properties?: object }).properties ?? {};
  return AUTHOR_FIELD in properties;
}

/** The pushed state with its "who" fields set from the session. */
export function withSessionAuthorship(
  caller: Caller,
  collection: CollectionName,
  incoming: PlainDocument,
  stored: StoredDocument | undefined,
): PlainDocument {
  const stamped: PlainDocument = { ...incoming, updatedBy: caller.userId };
  if (hasAuthor(collection)) {
    const author = stored ? stored.data[AUTHOR_FIELD] : caller.userId;
    if (author === undefined) delete stamped[AUTHOR_FIELD];
    else stamped[AUTHOR_FIELD] = author;
  }
  return stamped;
}
