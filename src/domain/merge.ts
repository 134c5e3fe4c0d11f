/**
 * The record merge: a per-field three-way merge against the base revision, the same function on
 * the server (push) and in the device's conflict handler.
 *
 * Invariants: a field changed on one side only takes that side's value; a field changed
 * differently on both sides keeps `theirs` (the siège's stored value) and is reported as a
 * conflict holding both values, so nothing typed is lost; merging is deterministic, and
 * merge(base, a, b) and merge(base, b, a) agree on every field that is not in conflict.
 */
import type { CollectionName } from './collections';

/** Document fields that describe a write rather than the record: never merged as data. */
export const WRITE_METADATA_FIELDS = ['rev', 'updatedAt', 'updatedBy'] as const;

export type PlainDocument = Record<string, unknown> & { _deleted?: boolean };

export interface FieldConflict {
  field: string;
  base: unknown;
  ours: unknown;
  theirs: unknown;
}

export interface MergeResult {
  merged: PlainDocument;
  conflicts: FieldConflict[];
}

/** Deep equality of JSON values; key order of objects does not matter. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, i) => jsonEqual(value, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) {
    if (!jsonEqual(ra[key], rb[key])) return false;
  }
  return true;
}

/** Per-collection rule for a field changed on both sides; undefined means "a true conflict". */
type FieldResolver = (
  field: string,
  ours: unknown,
  theirs: unknown,
) => { value: unknown } | undefined;

const RESOLVERS: Partial<Record<CollectionName, FieldResolver>> = {
  // Émargement: a young person marked present on either device was present.
  attendances: (field, ours, theirs) =>
    field === 'present' ? { value: ours === true || theirs === true } : undefined,
};

function setOrDelete(target: PlainDocument, field: string, value: unknown): void {
  if (value === undefined) delete target[field];
  else target[field] = value;
}

/**
 * Merges `ours` (the incoming write) into `theirs` (the stored master) knowing their common
 * `base`. Without a base (the same id created on two devices) every differing field conflicts.
 * Deletion wins over an edit; a deleted document keeps its merged fields on the server, so an
 * edit made meanwhile is not lost.
 */
export function mergeDocuments(
  collection: CollectionName,
  base: PlainDocument | undefined,
  ours: PlainDocument,
  theirs: PlainDocument,
): MergeResult {
  const resolver = RESOLVERS[collection];
  const skip = new Set<string>([...WRITE_METADATA_FIELDS, '_deleted']);
  const fields = new Set([
    ...Object.keys(ours),
    ...Object.keys(theirs),
    ...Object.keys(base ?? {}),
  ]);
  const merged: PlainDocument = { ...theirs };
  const conflicts: FieldConflict[] = [];

  for (const field of [...fields].sort()) {
    if (skip.has(field)) continue;
    const b = base?.[field];
    const o = ours[field];
    const t = theirs[field];
    const oursChanged = base ? !jsonEqual(b, o) : true;
    const theirsChanged = base ? !jsonEqual(b, t) : true;
    if (jsonEqual(o, t) || !oursChanged) continue; // theirs already holds the value
    if (!theirsChanged) {
      setOrDelete(merged, field, o);
      continue;
    }
    const resolved = resolver?.(field, o, t);
    if (resolved) setOrDelete(merged, field, resolved.value);
    else conflicts.push({ field, base: b, ours: o, theirs: t });
  }

  const deleted = Boolean(ours._deleted) || Boolean(theirs._deleted);
  merged._deleted = deleted;
  return { merged, conflicts };
}

/** Removes the fields that only describe a write, to compare two states as records. */
export function recordContent(document: PlainDocument): PlainDocument {
  const content: PlainDocument = { ...document };
  for (const field of WRITE_METADATA_FIELDS) delete content[field];
  return content;
}
