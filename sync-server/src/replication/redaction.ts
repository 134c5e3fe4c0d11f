/**
 * The sensitive fields a role may not see (src/domain/rules/visibility.ts) never leave the
 * server for that role: they are stripped wherever a stored document becomes wire format for a
 * caller (pull, stream, the master states of a push reply). When such a caller pushes a record
 * that exists, the stored values of those fields are kept: the device never had them, so their
 * absence is not a deletion. A record the caller creates keeps what it typed.
 */
import type { CollectionName, WireDocument } from '../../../src/domain/collections';
import type { PlainDocument } from '../../../src/domain/merge';
import { hiddenFieldsFor } from '../../../src/domain/rules/visibility';
import type { StoredDocument } from '../storage/storage';
import type { Caller } from './scope';

/** The wire document without the fields the caller's role may not see. */
export function redactFor<T extends WireDocument | PlainDocument>(
  caller: Caller,
  collection: CollectionName,
  document: T,
): T {
  const hidden = hiddenFieldsFor(caller.role, collection);
  if (hidden.length === 0) return document;
  const copy = { ...document } as Record<string, unknown>;
  for (const field of hidden) delete copy[field];
  return copy as T;
}

/** The incoming state with the hidden fields taken from the stored document. */
export function keepHiddenFields(
  caller: Caller,
  collection: CollectionName,
  incoming: PlainDocument,
  stored: StoredDocument | undefined,
): PlainDocument {
  const hidden = hiddenFieldsFor(caller.role, collection);
  if (hidden.length === 0 || !stored) return incoming;
  const kept: PlainDocument = { ...incoming };
  for (const field of hidden) {
    if (stored.data[field] === undefined) delete kept[field];
    else kept[field] = stored.data[field];
  }
  return kept;
}
