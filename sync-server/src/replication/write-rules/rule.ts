/**
 * What a collection's write rule is given, and what it answers. Rules run in the push pipeline
 * (push.ts) after the shape, scope and replay checks and before the merge, once per row, inside
 * the push's transaction. A rule refuses a row by returning an error code (the row is refused
 * alone, nothing of it is written); it returns nothing to let the row through. The decision
 * itself belongs in a pure function of `src/domain/rules`, which the device's form calls too
 * (conventions §9); a rule module only gathers what that function needs.
 */
import type { CollectionName } from '../../../../src/domain/collections';
import type { ErrorCode } from '../../../../src/domain/errors';
import type { PlainDocument } from '../../../../src/domain/merge';
import type { DocumentWrite, StoredDocument, WriteTransaction } from '../../storage/storage';
import type { ConflictRecorder } from '../conflicts';
import type { Caller } from '../scope';

export interface WriteRuleInput {
  /** Who pushes, from the session. */
  caller: Caller;
  collection: CollectionName;
  /** The stored master state, if the document exists (deleted ones included). */
  stored: StoredDocument | undefined;
  /**
   * The state the write was made from: the stored state, or the base revision of a stale write;
   * undefined for a new document, or when the server does not know the base.
   */
  from: PlainDocument | undefined;
  /** The pushed state (`_deleted` included), hidden fields already restored. */
  incoming: PlainDocument;
  /** The server's clock: never the device's. */
  now: Date;
  /** For lookups (other documents of the dossier…), inside the push's transaction. */
  tx: WriteTransaction;
  /** What this push has written so far, not yet in the storage: earlier rows count too. */
  batch: readonly DocumentWrite[];
}

/** A refusal, or nothing when the row may be written. */
export type WriteRule = (
  input: WriteRuleInput,
) => ErrorCode | undefined | Promise<ErrorCode | undefined>;

/**
 * After the merge, before the write: the state a collection stores for a row that passed its
 * rules (mobility holds a booking that overlaps loans stored first, rather than refusing it).
 * Returns `state` itself when nothing changes; may open reviews through `recorder`.
 */
export interface SettleInput {
  caller: Caller;
  collection: CollectionName;
  stored: StoredDocument | undefined;
  /** The merged state about to be stored (`_deleted` included). */
  state: PlainDocument;
  /** The rev the device sent (a review names it, so a replay is recognised). */
  incomingRev: string;
  now: Date;
  tx: WriteTransaction;
  batch: readonly DocumentWrite[];
  recorder: ConflictRecorder;
}

export type WriteSettler = (input: SettleInput) => Promise<PlainDocument>;

/** What a push's writes imply beyond its rows (a vehicle's calendar), in the same transaction. */
export interface DerivedInput {
  caller: Caller;
  now: Date;
  tx: WriteTransaction;
  /** Everything the push writes so far. */
  batch: readonly DocumentWrite[];
}

export type DerivedWrites = (input: DerivedInput) => Promise<DocumentWrite[]>;
