/**
 * What the siège does with a review, as pure functions shared by the server (which writes the
 * result) and the screens (which show what will be written):
 * - a conflict is settled by putting one value (one of those kept, or a merged value typed at the
 *   siège) back into the document: a field, a whole booking (conflict group), or the deletion;
 * - two dossiers of one young person are merged into the kept one: its fields stay, the blanks
 *   are filled from the other, and the fields the siège picks come from the other;
 * - a document created offline for a dossier that left its author's scope meanwhile is kept
 *   whole in a review (field `CREATION_FIELD`): keeping it creates it in the dossier;
 * - a vehicle booked for overlapping periods at two sites offline (field `OVERLAP_FIELD`): the
 *   loan that reached the server first stands, the other is held; each loan is kept whole and
 *   the siège keeps one (sync-server/src/mobility/double-booking.ts).
 */
import type { CollectionName } from './collections';
import { DELETION_FIELD, WRITE_METADATA_FIELDS, jsonEqual, type PlainDocument } from './merge';
import { conflictGroupOf } from './merge-policies';
import { mergeConsent, type Consent } from './rules/consent';

/**
 * The pseudo-field of a review holding a whole document its author could not store any more
 * (its dossier left the author's scope before the push): the value is the document.
 */
export const CREATION_FIELD = '_document';

/**
 * The pseudo-field of a review of overlapping loans of one vehicle: the document is the loan
 * held, each value a whole loan (those that stand, then the held one).
 */
export const OVERLAP_FIELD = '_overlap';

/** A loan as a review of overlapping loans keeps it: every field typed, without the server's. */
export function loanAsBooked(document: PlainDocument): PlainDocument {
  const { _deleted: _d, hold: _h, rev: _r, updatedAt: _a, updatedBy: _b, ...booking } = document;
  return booking;
}

/** The value a document holds for a conflict's field (a group gives the object of its fields). */
export function conflictFieldValue(
  collection: CollectionName,
  document: PlainDocument,
  field: string,
): unknown {
  if (field === DELETION_FIELD) return Boolean(document._deleted);
  if (field === CREATION_FIELD) {
    if (document._deleted) return undefined;
    const { _deleted: _ignored, ...content } = document;
    return content;
  }
  if (field === OVERLAP_FIELD) return loanAsBooked(document);
  const group = conflictGroupOf(collection, field);
  if (!group) return document[field];
  const value: PlainDocument = {};
  for (const member of group.fields) {
    if (document[member] !== undefined) value[member] = document[member];
  }
  return value;
}

/** Puts a chosen value of a conflict's field into the document; undefined removes the field. */
export function applyConflictValue(
  collection: CollectionName,
  document: PlainDocument,
  field: string,
  value: unknown,
): PlainDocument {
  if (field === CREATION_FIELD) {
    return typeof value === 'object' && value !== null
      ? { ...(value as PlainDocument), _deleted: false }
      : { ...document, _deleted: true };
  }
  const next: PlainDocument = { ...document };
  if (field === DELETION_FIELD) {
    next._deleted = value === true;
    return next;
  }
  const group = conflictGroupOf(collection, field);
  if (!group) {
    if (value === undefined) delete next[field];
    else next[field] = value;
    return next;
  }
  const members = (typeof value === 'object' && value !== null ? value : {}) as PlainDocument;
  for (const member of group.fields) {
    if (members[member] === undefined) delete next[member];
    else next[member] = members[member];
  }
  return next;
}

/** True when the value is one of the values a conflict kept (or the document's current one). */
export function isKeptValue(values: readonly { value?: unknown }[], value: unknown): boolean {
  return values.some((entry) => jsonEqual(entry.value, value));
}

/** Fields of a dossier that are not the young person's data and never move in a merge. */
const NOT_MERGED = new Set<string>([...WRITE_METADATA_FIELDS, 'id', 'mergedInto', DELETION_FIELD]);

function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && value !== null && Object.keys(value).length === 0)
  );
}

/** Decided by a rule, not picked by the siège: consent is never widened by a merge. */
export const RULED_FIELDS = new Set<string>(['consent']);

/** The fields where two dossiers hold different non-blank values: the siège picks one. */
export function differingFields(a: PlainDocument, b: PlainDocument): string[] {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...fields]
    .filter((field) => !NOT_MERGED.has(field) && !RULED_FIELDS.has(field))
    .filter((field) => !isBlank(a[field]) && !isBlank(b[field]) && !jsonEqual(a[field], b[field]))
    .sort();
}

/**
 * The kept dossier after merging `other` into it: its own values, the blanks filled from the
 * other dossier, and the fields listed in `takeFromOther` taken from it — but the consent is the
 * most recent choice, the more restrictive when in doubt (rules/consent.ts), whatever is picked.
 * The other dossier stays as it is (a redirect), so no value typed in it is lost.
 */
export function mergeDossierFields(
  kept: PlainDocument,
  other: PlainDocument,
  takeFromOther: readonly string[],
): PlainDocument {
  const merged: PlainDocument = { ...kept };
  for (const [field, value] of Object.entries(other)) {
    if (NOT_MERGED.has(field)) continue;
    if (isBlank(merged[field]) && !isBlank(value)) merged[field] = value;
  }
  for (const field of takeFromOther) {
    if (NOT_MERGED.has(field) || RULED_FIELDS.has(field)) continue;
    if (other[field] === undefined) delete merged[field];
    else merged[field] = other[field];
  }
  const consent = mergeConsent(
    kept.consent as Consent | undefined,
    other.consent as Consent | undefined,
  );
  if (consent) merged.consent = consent;
  return merged;
}
