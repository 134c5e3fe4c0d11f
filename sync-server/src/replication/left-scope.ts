/**
 * A write that arrives after its document left the caller's scope (design.md: "Nothing typed by
 * anyone is lost"). An adviser edits a dossier offline; meanwhile the siège transfers it to
 * another site. The push is refused (the caller must not regain access), but what the caller
 * typed is kept for the siège in reviews:
 * - an edit of a stored document made from a revision the caller had (the server records every
 *   scope a revision was stored under): every field it changed, against the value the document
 *   holds now;
 * - a new document attached to a dossier the caller had in scope at some revision (an entretien
 *   typed offline for a dossier transferred meanwhile): the whole document, also when its id
 *   was taken meanwhile (a vehicle slot someone else booked).
 * A push from someone who never had the document at that revision opens nothing: a plain
 * refusal, the same whether the rev it names is current, older or unknown — so it neither tells
 * an outsider which rev is current, nor lets her put a value before the siège.
 */
import type { CollectionName } from '../../../src/domain/collections';
import {
  DELETION_FIELD,
  jsonEqual,
  mergeDocuments,
  WRITE_METADATA_FIELDS,
  type FieldConflict,
  type PlainDocument,
} from '../../../src/domain/merge';
import type { Scope, StoredDocument, WriteTransaction } from '../storage/storage';
import type { ConflictRecorder } from './conflicts';
import { canSee, youthScope, type Caller } from './scope';

export interface LeftScopeWrite {
  tx: WriteTransaction;
  caller: Caller;
  collection: CollectionName;
  recorder: ConflictRecorder;
  /** The rev the write was made from, as the device sent it. */
  assumedRev: unknown;
  stored: StoredDocument | undefined;
  incoming: PlainDocument;
  youthId: string | null;
  /** The dossier's current scope, when the document is attached to a stored dossier. */
  youth: Scope | undefined;
}

const METADATA = new Set<string>([...WRITE_METADATA_FIELDS, DELETION_FIELD]);

/** What the write changed against its base, with the value the stored document holds now. */
export function changedFields(
  collection: CollectionName,
  base: PlainDocument,
  incoming: PlainDocument,
  stored: StoredDocument,
): FieldConflict[] {
  const theirs: PlainDocument = { ...stored.data, _deleted: stored.deleted };
  // The merge says what the write would have stored: its fields, and the ones in conflict.
  const { merged, conflicts } = mergeDocuments(collection, base, incoming, theirs);
  const kept = [...conflicts];
  const inConflict = new Set(conflicts.map((conflict) => conflict.field));
  const fields = new Set([...Object.keys(merged), ...Object.keys(theirs)]);
  for (const field of [...fields].sort()) {
    if (METADATA.has(field) || inConflict.has(field)) continue;
    if (jsonEqual(merged[field], theirs[field])) continue;
    kept.push({ field, base: base[field], ours: merged[field], theirs: theirs[field] });
  }
  if (!inConflict.has(DELETION_FIELD) && Boolean(merged._deleted) !== stored.deleted) {
    kept.push({
      field: DELETION_FIELD,
      base: Boolean(base._deleted),
      ours: Boolean(merged._deleted),
      theirs: stored.deleted,
    });
  }
  return kept;
}

/** Whether the caller could see the document while it was at revision `rev`. */
async function hadRevision(
  tx: WriteTransaction,
  caller: Caller,
  collection: CollectionName,
  id: string,
  rev: string,
): Promise<boolean> {
  const scopes = await tx.getRevisionScopes(collection, id, rev);
  return scopes.some((scope) => canSee(caller, scope));
}

/** Whether the dossier was in the caller's scope at one of its stored revisions. */
export async function hadDossier(
  tx: WriteTransaction,
  caller: Caller,
  youthId: string,
): Promise<boolean> {
  const history = await tx.getHistory('youths', youthId);
  return history.some(
    (revision) => !revision.absorbed && canSee(caller, youthScope(revision.data)),
  );
}

/**
 * Whether this very write was kept in a review already, open or settled since: the device sent
 * it again (a lost answer, a restart, a late duplicate). It is answered as the first time and
 * opens nothing — not even after the siège settled the first review, nor once the dossier is
 * back in the caller's scope (the siège holds it: push.ts takes it as a replay).
 */
export async function wasKeptForSiege(
  tx: WriteTransaction,
  caller: Caller,
  incoming: PlainDocument,
): Promise<boolean> {
  const rev = String(incoming.rev);
  const reviews = await tx.getReviewsAbout([String(incoming.id)]);
  return reviews.some((review) =>
    ((review.data.values as { rev?: unknown; by?: unknown }[] | undefined) ?? []).some(
      (value) => value.rev === rev && value.by === caller.userId,
    ),
  );
}

/**
 * Keeps in reviews what a refused out-of-scope write typed, when its author had the document.
 * Returns whether something was kept (the refusal then says so).
 */
export async function keepLeftScopeWrite(write: LeftScopeWrite): Promise<boolean> {
  const { tx, caller, collection, recorder, stored, incoming } = write;
  if (await wasKeptForSiege(tx, caller, incoming)) return true;
  // The server holds this write already (stored before the dossier left): nothing to keep.
  if (stored && (await tx.hasRevision(collection, stored.id, String(incoming.rev)))) return false;
  if (
    stored &&
    typeof write.assumedRev === 'string' &&
    (await hadRevision(tx, caller, collection, stored.id, write.assumedRev))
  ) {
    const base =
      write.assumedRev === stored.rev
        ? { ...stored.data, _deleted: stored.deleted }
        : await tx.getRevision(collection, stored.id, write.assumedRev);
    if (!base) return false;
    const changed = changedFields(collection, base, incoming, stored);
    if (changed.length === 0) return false;
    await recorder.record(collection, stored, incoming, changed);
    return true;
  }
  // A record the server never stored in the caller's view (a new one, or one already kept for
  // the siège and edited again), for a dossier that left its scope; its id may be taken
  // meanwhile (a vehicle slot booked by someone else): kept whole all the same.
  if (collection === 'youths' || !write.youthId || !write.youth || incoming._deleted === true) {
    return false;
  }
  if (canSee(caller, write.youth)) return false;
  if (!(await hadDossier(tx, caller, write.youthId))) return false;
  await recorder.recordCreation(collection, incoming, write.youth);
  return true;
}
