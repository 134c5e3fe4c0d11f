/**
 * Erasure of a dossier (RGPD art. 17; design.md, Security: erasure that reaches every device).
 * Every document of the file is replaced by a tombstone: a deletion that keeps only what is not
 * personal — the ids, and the fields a device stores in clear because they are not personal
 * (`deviceClearFields`: site, status, kind…) — with neutral values in the other fields the
 * schema requires, so the tombstone passes the device's schema like any removal. Its `rev` says
 * it is an erasure: a device that pulls one purges its local copies (src/sync/erasure-purge.ts).
 * The same rule decides, on the form and on the server, whether the confirmation names the dossier.
 */
import { COLLECTIONS, type CollectionName } from './collections';
import { foldText } from './text';
import type { PlainDocument } from './merge';

/** The `rev` of a tombstone starts with this (a rev is at most 40 characters). */
export const ERASED_REV_PREFIX = 'erased-';
/** Who writes tombstones: the server, on direction's request (the audit log says who). */
export const ERASURE_ACTOR = 'server';
const EPOCH = '1970-01-01T00:00:00.000Z';

export function isErasureTombstone(document: object): boolean {
  const { rev } = document as { rev?: unknown };
  return typeof rev === 'string' && rev.startsWith(ERASED_REV_PREFIX);
}

/** A tombstone's `rev` from a random v4 uuid (its dashes dropped to fit 40 characters). */
export function erasedRev(uuid: string): string {
  return `${ERASED_REV_PREFIX}${uuid.replace(/-/g, '')}`;
}

interface FieldSchema {
  type?: string;
  enum?: readonly unknown[];
  pattern?: string;
  minLength?: number;
  minimum?: number;
}

/** A neutral value the schema accepts, for a required field whose value is erased. */
function neutral(field: FieldSchema): unknown {
  if (field.enum) return field.enum[0];
  switch (field.type) {
    case 'string':
      if (field.pattern?.includes('T')) return EPOCH;
      if (field.pattern?.startsWith('^\\d{4}')) return EPOCH.slice(0, 10);
      if (field.pattern?.startsWith('^\\d{2}:')) return '00:00';
      return field.minLength ? '-'.repeat(field.minLength) : '';
    case 'integer':
    case 'number':
      return field.minimum ?? 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    default:
      return {};
  }
}

/** The tombstone that replaces `document` (its stored fields) once erased. */
export function erasureTombstone(
  collection: CollectionName,
  document: PlainDocument,
  stamp: { rev: string; at: string },
): PlainDocument {
  const { schema, deviceClearFields } = COLLECTIONS[collection];
  const properties = schema.properties as Record<string, FieldSchema>;
  const kept: readonly string[] = deviceClearFields;
  const tombstone: PlainDocument = {
    id: document.id,
    rev: stamp.rev,
    updatedAt: stamp.at,
    updatedBy: ERASURE_ACTOR,
  };
  for (const field of schema.required as readonly string[]) {
    if (field in tombstone) continue;
    tombstone[field] =
      kept.includes(field) && document[field] !== undefined
        ? document[field]
        : neutral(properties[field] ?? {});
  }
  for (const field of kept) {
    if (!(field in tombstone) && document[field] !== undefined) tombstone[field] = document[field];
  }
  return tombstone;
}

/**
 * Whether what was typed names the dossier, « Prénom Nom » as the screen shows it (accents,
 * case and spaces aside): erasure cannot be undone, so direction types the name.
 */
export function confirmsErasure(dossier: object, typed: string): boolean {
  const youth = dossier as { firstName?: unknown; lastName?: unknown };
  const expected = foldText(`${String(youth.firstName ?? '')} ${String(youth.lastName ?? '')}`);
  return expected !== '' && foldText(typed) === expected;
}
