/**
 * Turning a document state into a storage write, the same way for a device's push and for what
 * the server writes itself (conflict reviews, resolutions, dossier merges): the scope it is
 * stamped with, and the scope and state it leaves behind when it changes scope, so devices that
 * could see it before receive a removal.
 */
import type { CollectionName } from '../../../src/domain/collections';
import type { PlainDocument } from '../../../src/domain/merge';
import type { DocumentWrite, Scope, StoredDocument, WriteTransaction } from '../storage/storage';
import { sameScope, youthIdOf } from './scope';
import { splitDeleted } from './wire';

export interface Provenance {
  writtenBy: string;
  deviceId: string | null;
}

export function documentWrite(
  collection: CollectionName,
  state: PlainDocument,
  scope: Scope,
  previous: StoredDocument | undefined,
  provenance: Provenance,
): DocumentWrite {
  const { data, deleted } = splitDeleted(state);
  const scopeChanged = previous !== undefined && !sameScope(previous.scope, scope);
  return {
    collection,
    id: String(data.id),
    rev: String(data.rev),
    deleted,
    data,
    youthId: youthIdOf(collection, data),
    scope,
    previousScope: scopeChanged ? previous.scope : (previous?.previousScope ?? null),
    previousData: scopeChanged ? previous.data : (previous?.previousData ?? null),
    writtenBy: provenance.writtenBy,
    deviceId: provenance.deviceId,
  };
}

/** The documents attached to a dossier, restamped with the dossier's new scope. */
export async function restampAttached(
  tx: WriteTransaction,
  youthId: string,
  scope: Scope,
  provenance: Provenance,
): Promise<DocumentWrite[]> {
  const writes: DocumentWrite[] = [];
  for (const attached of await tx.getAttachedDocuments([youthId])) {
    if (sameScope(attached.scope, scope)) continue;
    writes.push(
      documentWrite(
        attached.collection,
        { ...attached.data, _deleted: attached.deleted },
        scope,
        attached,
        provenance,
      ),
    );
  }
  return writes;
}
