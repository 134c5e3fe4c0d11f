/**
 * Building audit rows (design.md, Security: every read and write of personal data by whom, when,
 * from which device and address). What a row may hold: ids, codes, counts — never a personal
 * value, so the log can be kept and shown without becoming a copy of the dossiers.
 */
import type { CollectionName } from '../../../src/domain/collections';
import type { PlainDocument } from '../../../src/domain/merge';
import type { Caller } from '../replication/scope';
import type { AuditEntry } from '../storage/storage';

/** The address written for what the admin command line does. */
export const CLI_ADDRESS = 'cli';
/** The address written for what the server does by itself (its daily jobs). */
export const SERVER_ADDRESS = 'server';

export type AuditFields = Partial<
  Pick<AuditEntry, 'collection' | 'documentId' | 'youthIds' | 'details'>
>;

/** A row about what a signed-in caller did. */
export function auditBy(
  caller: Caller,
  at: string,
  action: string,
  fields: AuditFields = {},
): AuditEntry {
  return {
    at,
    userId: caller.userId,
    deviceId: caller.deviceId,
    address: caller.address ?? null,
    action,
    collection: fields.collection ?? null,
    documentId: fields.documentId ?? null,
    ...(fields.youthIds?.length ? { youthIds: fields.youthIds } : {}),
    details: fields.details,
  };
}

/** A row about a request made without a session (a login, a device token). */
export function auditOfAnonymous(
  at: string,
  address: string | null,
  who: { userId: string | null; deviceId: string | null },
  action: string,
  fields: AuditFields = {},
): AuditEntry {
  return {
    at,
    ...who,
    address,
    action,
    collection: fields.collection ?? null,
    documentId: fields.documentId ?? null,
    ...(fields.youthIds?.length ? { youthIds: fields.youthIds } : {}),
    details: fields.details,
  };
}

/**
 * How the log names the creation of a record, where « create » says too little: a dossier
 * opened on a device (accesses) is the very answer to "who saw this file".
 */
const CREATION_NAMES: Partial<
  Record<CollectionName, (document: PlainDocument) => { action: string; details: unknown }>
> = {
  accesses: (document) => ({ action: 'dossier-open', details: { openedAt: document.openedAt } }),
};

/** The action and details of a pushed write in the log. */
export function writeAction(
  collection: CollectionName,
  created: boolean,
  document: PlainDocument | undefined,
): { action: string; details?: unknown } {
  const named = created && document ? CREATION_NAMES[collection]?.(document) : undefined;
  return named ?? { action: created ? 'create' : 'update' };
}

/** The dossier a document belongs to: itself for a dossier, else its `youthId`. */
export function youthOfDocument(
  collection: CollectionName | string,
  document: PlainDocument,
): string | undefined {
  const id = collection === 'youths' ? document.id : document.youthId;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

/** The distinct dossiers of some documents (a pull page, a stream batch, a review's pair). */
export function youthsOfDocuments(
  collection: CollectionName | string,
  documents: readonly PlainDocument[],
): string[] {
  const ids = new Set<string>();
  for (const document of documents) {
    const youthId = youthOfDocument(collection, document);
    if (youthId) ids.add(youthId);
    if (collection === 'reviews' && Array.isArray(document.youthIds)) {
      for (const id of document.youthIds) if (typeof id === 'string') ids.add(id);
    }
  }
  return [...ids];
}
