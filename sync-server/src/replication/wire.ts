/** Conversions between stored documents and the RxDB replication wire format. */
import type { WireDocument } from '../../../src/domain/collections';
import type { PlainDocument } from '../../../src/domain/merge';
import type { StoredDocument } from '../storage/storage';

export function toWire(document: StoredDocument): WireDocument {
  return { ...document.data, _deleted: document.deleted } as WireDocument;
}

/**
 * What a device that may no longer see a document receives: the last state its scope saw,
 * marked deleted, so the device drops it (and it passes the device's schema).
 */
export function toRemoval(document: StoredDocument): WireDocument {
  return { ...(document.previousData ?? document.data), _deleted: true } as WireDocument;
}

/** Splits RxDB's deletion flag from the document's own fields. */
export function splitDeleted(document: PlainDocument): { data: PlainDocument; deleted: boolean } {
  const { _deleted: deleted, ...data } = document;
  return { data, deleted: deleted === true };
}
