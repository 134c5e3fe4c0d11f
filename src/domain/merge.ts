/**
 * The record merge: a per-field three-way merge against the base revision, the same function on
 * the server (push) and in the device's conflict handler.
 *
 * Invariants: a field changed on one side only takes that side's value; a field changed
 * differently on both sides keeps `theirs` (the siège's stored value) and is reported as a
 * conflict holding both values, so nothing typed is lost — unless the collection's policy
 * (merge-policies.ts) settles it; merging is deterministic, and merge(base, a, b) and
 * merge(base, b, a) agree on deletion and on every field that is not in conflict — except a
 * field a policy settles by the side the server holds (`theirs`: an attendance's sign-up time).
 */
import type { CollectionName } from './collections';
import { jsonEqual } from './json-equal';
import { MERGE_POLICIES } from './merge-policies';

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

export { jsonEqual };

/** The conflict reported when a deletion meets an edit made meanwhile on the other side. */
export const DELETION_FIELD = '_deleted';

function setOrDelete(target: PlainDocument, field: string, value: unknown): void {
  if (value === undefined) delete target[field];
  else target[field] = value;
}

function pick(document: PlainDocument | undefined, fields: readonly string[]): PlainDocument {
  const picked: PlainDocument = {};
  for (const field of fields) {
    if (document?.[field] !== undefined) picked[field] = document[field];
  }
  return picked;
}

/** True when a field holds different values on both sides and both differ from the base. */
function changedOnBothSides(
  base: PlainDocument | undefined,
  field: string,
  ours: PlainDocument,
  theirs: PlainDocument,
): boolean {
  if (jsonEqual(ours[field], theirs[field])) return false;
  if (!base) return true;
  return !jsonEqual(base[field], ours[field]) && !jsonEqual(base[field], theirs[field]);
}

/** True when a side's record fields differ from the base (any field, metadata aside). */
function contentChanged(base: PlainDocument | undefined, side: PlainDocument): boolean {
  if (!base) return true;
  return !jsonEqual(recordContent(stripDeleted(base)), recordContent(stripDeleted(side)));
}

function stripDeleted(document: PlainDocument): PlainDocument {
  const { _deleted: _ignored, ...rest } = document;
  return rest;
}

/**
 * Deletion, three-way: the side that changed the deletion state wins (so a deletion wins over a
 * stale state, and a restore by the siège wins over a stale deleted state); without a base the
 * deletion wins. A deletion that meets an edit made meanwhile is reported, so the siège can
 * restore the dossier; the edit itself stays in the merged (deleted) document.
 */
function mergeDeletion(
  base: PlainDocument | undefined,
  ours: PlainDocument,
  theirs: PlainDocument,
): { deleted: boolean; conflict?: FieldConflict } {
  const oursDeleted = Boolean(ours._deleted);
  const theirsDeleted = Boolean(theirs._deleted);
  if (oursDeleted === theirsDeleted) return { deleted: oursDeleted };
  const deleted = base
    ? oursDeleted !== Boolean(base._deleted)
      ? oursDeleted
      : theirsDeleted
    : true;
  if (!deleted) return { deleted };
  const kept = oursDeleted ? theirs : ours;
  if (!contentChanged(base, kept)) return { deleted };
  return {
    deleted,
    conflict: {
      field: DELETION_FIELD,
      base: Boolean(base?._deleted),
      ours: oursDeleted,
      theirs: theirsDeleted,
    },
  };
}

/**
 * Merges `ours` (the incoming write) into `theirs` (the stored master) knowing their common
 * `base`. Without a base (the same id created on two devices) every differing field conflicts.
 * The collection's policy (merge-policies.ts) settles some fields changed on both sides and
 * groups others. Deletion wins over an edit; a deleted document keeps its merged fields on the
 * server, so an edit made meanwhile is not lost.
 */
export function mergeDocuments(
  collection: CollectionName,
  base: PlainDocument | undefined,
  ours: PlainDocument,
  theirs: PlainDocument,
): MergeResult {
  const policy = MERGE_POLICIES[collection] ?? {};
  const skip = new Set<string>([...WRITE_METADATA_FIELDS, DELETION_FIELD]);
  const fields = [
    ...new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(base ?? {})]),
  ]
    .filter((field) => !skip.has(field))
    .sort();
  const merged: PlainDocument = { ...theirs };
  const conflicts: FieldConflict[] = [];

  if (policy.immutable) {
    for (const field of fields) {
      if (!jsonEqual(ours[field], theirs[field])) {
        conflicts.push({ field, base: base?.[field], ours: ours[field], theirs: theirs[field] });
      }
    }
    merged._deleted = Boolean(theirs._deleted);
    return { merged, conflicts };
  }

  const group = policy.group;
  const grouped = new Set<string>();
  if (
    group &&
    (group.appliesTo(ours) || group.appliesTo(theirs)) &&
    changedOnBothSides(base, group.key, ours, theirs)
  ) {
    // Merged keeps the stored side's whole group; the conflict holds both groups.
    for (const field of group.fields) grouped.add(field);
    conflicts.push({
      field: group.name,
      base: base ? pick(base, group.fields) : undefined,
      ours: pick(ours, group.fields),
      theirs: pick(theirs, group.fields),
    });
  }

  for (const field of fields) {
    if (grouped.has(field)) continue;
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
    const resolved = policy.resolve?.(field, o, t, { ours, theirs });
    if (resolved) setOrDelete(merged, field, resolved.value);
    else conflicts.push({ field, base: b, ours: o, theirs: t });
  }

  const deletion = mergeDeletion(base, ours, theirs);
  if (deletion.conflict) conflicts.push(deletion.conflict);
  merged._deleted = deletion.deleted;
  return { merged, conflicts };
}

/** Removes the fields that only describe a write, to compare two states as records. */
export function recordContent(document: PlainDocument): PlainDocument {
  const content: PlainDocument = { ...document };
  for (const field of WRITE_METADATA_FIELDS) delete content[field];
  return content;
}
