/**
 * Applying a batch pushed by a device: validation, scope, collection policies, conflict
 * detection by `rev`, the three-way merge for stale writes, and the conflict records.
 *
 * Rules (design.md, Sync protocol):
 * - a row whose `newDocumentState.rev` the server already stored (as a master state, or merged
 *   into one) is a replay: nothing changes, and the device is given the current master;
 * - a row whose `assumedMasterState.rev` is the stored rev is applied as is;
 * - otherwise the row is merged with the stored state against the base revision it was made
 *   from; the merged state is stored and returned as the master, and every field typed
 *   differently on both sides opens a review holding both values (conflicts.ts);
 * - a proposition's move is checked against the state it was made from, so two devices moving it
 *   to different results meet in the merge (a conflict) rather than one of them being refused;
 * - a loan booked on a slot that holds another site's booking is refused, both bookings kept in
 *   a review (the slot id makes a double booking visible even across scopes);
 * - a row outside the caller's scope, invalid, or breaking a collection rule is refused with a
 *   reason, stores nothing, and never reveals the stored document; when the document left the
 *   scope of a caller who had it, what they typed is kept in a review (left-scope.ts).
 */
import type { CollectionName, WireDocument } from '../../../src/domain/collections';
import type { ErrorCode } from '../../../src/domain/errors';
import { ERROR_CODES } from '../../../src/domain/errors';
import { newRev } from '../../../src/domain/ids';
import {
  mergeDocuments,
  jsonEqual,
  recordContent,
  type PlainDocument,
} from '../../../src/domain/merge';
import { canReach, INITIAL_PROPOSITION_RESULT } from '../../../src/domain/rules/proposition';
import type { PropositionResult } from '../../../src/domain/schemas/pathway';
import type { Clock } from '../../../src/domain/time';
import {
  nulCharacterIssues,
  validateDocument,
  type ValidationIssue,
} from '../../../src/domain/validation';
import type {
  AuditEntry,
  DocumentWrite,
  Scope,
  Storage,
  StoredDocument,
  WriteTransaction,
} from '../storage/storage';
import { ConflictRecorder, SERVER_ACTOR } from './conflicts';
import { documentWrite, restampAttached } from './document-write';
import { probableDuplicateReviews } from './duplicates';
import {
  canSee,
  canWriteCollection,
  sameScope,
  scopeOf,
  youthIdOf,
  youthScope,
  type Caller,
} from './scope';
import { overlapsAnotherDispositif } from './dispositif-policy';
import { keepLeftScopeWrite } from './left-scope';
import { keepHiddenFields, redactFor } from './redaction';
import { splitDeleted, toWire } from './wire';

export interface PushRow {
  newDocumentState: PlainDocument;
  assumedMasterState?: PlainDocument | null;
}

export interface RejectedRow {
  id: string | null;
  code: ErrorCode;
  message: string;
  issues?: ValidationIssue[];
}

export interface PushOutcome {
  /** Master states the device must adopt (RxDB's push answer). */
  conflicts: WireDocument[];
  rejected: RejectedRow[];
  /** Every document state committed by this push, for the stream. */
  written: StoredDocument[];
}

function reject(id: string | null, code: ErrorCode, issues?: ValidationIssue[]): RejectedRow {
  return { id, code, message: ERROR_CODES[code].fr, ...(issues ? { issues } : {}) };
}

function idOf(row: unknown): string | null {
  const state = (row as PushRow | null)?.newDocumentState as { id?: unknown } | undefined;
  return typeof state?.id === 'string' ? state.id : null;
}

/** Structural and schema checks that need no stored state. */
function checkRow(collection: CollectionName, row: unknown): RejectedRow | PushRow {
  const id = idOf(row);
  if (typeof row !== 'object' || row === null)
    return reject(id, 'VALIDATION_FAILED', [{ path: '/', message: 'a row must be an object' }]);
  const nul = nulCharacterIssues(row);
  if (nul.length > 0) return reject(id, 'VALIDATION_FAILED', nul);
  const { newDocumentState, assumedMasterState } = row as PushRow;
  if (typeof newDocumentState !== 'object' || newDocumentState === null) {
    return reject(id, 'VALIDATION_FAILED', [
      { path: '/newDocumentState', message: 'required object is missing' },
    ]);
  }
  if (
    assumedMasterState !== undefined &&
    assumedMasterState !== null &&
    typeof (assumedMasterState as { rev?: unknown }).rev !== 'string'
  ) {
    return reject(id, 'VALIDATION_FAILED', [
      { path: '/assumedMasterState/rev', message: 'must be a string' },
    ]);
  }
  const { data, deleted } = splitDeleted(newDocumentState);
  if (newDocumentState._deleted !== undefined && typeof newDocumentState._deleted !== 'boolean') {
    return reject(id, 'VALIDATION_FAILED', [{ path: '/_deleted', message: 'must be boolean' }]);
  }
  const result = validateDocument(collection, data);
  if (!result.valid) return reject(id, 'VALIDATION_FAILED', result.issues);
  return { newDocumentState: { ...data, _deleted: deleted }, assumedMasterState };
}

/**
 * Collection rules that compare the stored state and the incoming one; `from` is the state the
 * write was made from (the stored state, or the base of a stale write).
 */
function policyViolation(
  collection: CollectionName,
  stored: StoredDocument | undefined,
  from: PlainDocument | undefined,
  incoming: PlainDocument,
): ErrorCode | undefined {
  if (collection === 'events' && stored) {
    // Append-only: the same content again is fine (a retry); anything else is an edit.
    const same = jsonEqual(recordContent(stored.data), recordContent(splitDeleted(incoming).data));
    if (!same || incoming._deleted === true) return 'APPEND_ONLY';
  }
  if (collection === 'pathway' && incoming.kind === 'proposition') {
    const to = incoming.result as PropositionResult | undefined;
    const before = from?.result as PropositionResult | undefined;
    if (!stored || stored.deleted || !from) {
      // Made and moved offline before its first push: any result reached from en attente.
      if (to && !canReach(INITIAL_PROPOSITION_RESULT, to)) return 'INVALID_TRANSITION';
    } else if (before && to && !canReach(before, to)) {
      // Several moves may have been made offline between two pushes (acceptée, then réalisée).
      return 'INVALID_TRANSITION';
    } else if (before && !to) {
      return 'INVALID_TRANSITION';
    }
  }
  return undefined;
}

interface Context {
  tx: WriteTransaction;
  caller: Caller;
  collection: CollectionName;
  now: string;
  stored: Map<string, StoredDocument>;
  youthScopes: Map<string, Scope>;
  writes: DocumentWrite[];
  recorder: ConflictRecorder;
  audit: AuditEntry[];
  conflicts: WireDocument[];
  rejected: RejectedRow[];
}

function write(
  ctx: Context,
  collection: CollectionName,
  state: PlainDocument,
  scope: Scope,
  previous: StoredDocument | undefined,
  writtenBy: string,
): DocumentWrite {
  const written = documentWrite(collection, state, scope, previous, {
    writtenBy,
    deviceId: ctx.caller.deviceId,
  });
  ctx.writes.push(written);
  return written;
}

/** When a dossier changes scope (or arrives after its documents), its documents follow it. */
async function restampYouth(ctx: Context, youthId: string, scope: Scope): Promise<void> {
  ctx.writes.push(
    ...(await restampAttached(ctx.tx, youthId, scope, {
      writtenBy: SERVER_ACTOR,
      deviceId: ctx.caller.deviceId,
    })),
  );
}

async function youthScopeOf(ctx: Context, youthId: string | undefined): Promise<Scope | undefined> {
  if (!youthId) return undefined;
  if (!ctx.youthScopes.has(youthId)) {
    const youth = (await ctx.tx.getDocuments('youths', [youthId])).get(youthId);
    if (youth) ctx.youthScopes.set(youthId, youthScope(youth.data));
  }
  return ctx.youthScopes.get(youthId);
}

/** A new loan on a slot another site already booked: kept in a review, the row refused. */
function isForeignDoubleBooking(
  ctx: Context,
  row: PushRow,
  stored: StoredDocument | undefined,
): stored is StoredDocument {
  return (
    ctx.collection === 'mobility' &&
    stored !== undefined &&
    !stored.deleted &&
    stored.data.kind === 'loan' &&
    row.newDocumentState.kind === 'loan' &&
    !row.assumedMasterState &&
    !canSee(ctx.caller, stored.scope)
  );
}

async function applyRow(ctx: Context, row: PushRow): Promise<void> {
  const id = String(row.newDocumentState.id);
  const stored = ctx.stored.get(id);
  // Fields the caller's role never receives keep their stored values (redaction.ts).
  const incoming = keepHiddenFields(ctx.caller, ctx.collection, row.newDocumentState, stored);
  const youthId = youthIdOf(ctx.collection, incoming);
  const youth = youthId ? ctx.youthScopes.get(youthId) : undefined;
  const newScope = scopeOf(ctx.collection, incoming, youth, ctx.caller.userId);

  // Scope: the stored document (if any) and the dossier it belongs to must be the caller's.
  const attachedToForeignYouth =
    ctx.collection !== 'youths' && youth !== undefined && !canSee(ctx.caller, youth);
  if (isForeignDoubleBooking(ctx, row, stored) && !attachedToForeignYouth) {
    await ctx.recorder.recordForeignBooking(stored, incoming);
    ctx.rejected.push(reject(id, 'SLOT_TAKEN'));
    return;
  }
  if (
    (stored && !canSee(ctx.caller, stored.scope)) ||
    (!stored && !canSee(ctx.caller, newScope)) ||
    attachedToForeignYouth
  ) {
    // What its author typed before the document left their scope goes to the siège (left-scope.ts).
    const kept = await keepLeftScopeWrite({
      tx: ctx.tx,
      caller: ctx.caller,
      collection: ctx.collection,
      recorder: ctx.recorder,
      assumedRev: row.assumedMasterState?.rev,
      stored,
      incoming,
      youthId,
      youth,
    });
    ctx.rejected.push(reject(id, kept ? 'SCOPE_LEFT' : 'OUT_OF_SCOPE'));
    return;
  }
  // Replays: the same write again changes nothing; the device is given the current master.
  if (
    stored &&
    (stored.rev === incoming.rev ||
      (await ctx.tx.hasRevision(ctx.collection, id, String(incoming.rev))))
  ) {
    if (stored.rev !== incoming.rev) ctx.conflicts.push(toWire(stored));
    return;
  }

  const assumedRev = row.assumedMasterState?.rev;
  const stale = stored !== undefined && assumedRev !== stored.rev;
  const base =
    stale && typeof assumedRev === 'string'
      ? await ctx.tx.getRevision(ctx.collection, id, assumedRev)
      : null;
  const from = stale ? (base ?? undefined) : stored && { ...stored.data, _deleted: stored.deleted };
  const violation = policyViolation(ctx.collection, stored, from, incoming);
  if (violation) {
    ctx.rejected.push(reject(id, violation));
    return;
  }
  if (
    ctx.collection === 'pathway' &&
    (await overlapsAnotherDispositif(ctx.tx, incoming, ctx.writes))
  ) {
    ctx.rejected.push(reject(id, 'DISPOSITIF_OVERLAP'));
    return;
  }

  let state = incoming;
  if (stored && stale) {
    const theirs = { ...stored.data, _deleted: stored.deleted };
    const { merged, conflicts } = mergeDocuments(
      ctx.collection,
      base ?? undefined,
      incoming,
      theirs,
    );
    await ctx.recorder.record(ctx.collection, stored, incoming, conflicts);
    const { data, deleted } = splitDeleted(incoming);
    await ctx.tx.absorbRevision(
      ctx.collection,
      id,
      { rev: String(incoming.rev), data, deleted },
      stored.seq,
      { writtenBy: ctx.caller.userId, deviceId: ctx.caller.deviceId },
    );
    if (
      jsonEqual(recordContent(merged), recordContent(theirs)) &&
      Boolean(merged._deleted) === stored.deleted
    ) {
      ctx.conflicts.push(toWire(stored));
      ctx.audit.push(auditEntry(ctx, 'push-conflict', id));
      return;
    }
    state = { ...merged, rev: newRev(), updatedAt: ctx.now, updatedBy: ctx.caller.userId };
  }

  // A merge may keep the stored side's young person (a double booking): its dossier gives the scope.
  const stateYouthId = youthIdOf(ctx.collection, state);
  const stateYouth =
    stateYouthId === youthId ? youth : await youthScopeOf(ctx, stateYouthId ?? undefined);
  const scope = scopeOf(ctx.collection, state, stateYouth, ctx.caller.userId);
  const documentWrite = write(ctx, ctx.collection, state, scope, stored, ctx.caller.userId);
  ctx.stored.set(id, { ...documentWrite, seq: 0 });
  if (state !== incoming)
    ctx.conflicts.push({ ...documentWrite.data, _deleted: documentWrite.deleted } as WireDocument);
  ctx.audit.push(auditEntry(ctx, stored ? 'update' : 'create', id));

  if (ctx.collection === 'youths' && (!stored || !sameScope(stored.scope, scope))) {
    ctx.youthScopes.set(id, scope);
    await restampYouth(ctx, id, scope);
  }
}

function auditEntry(ctx: Context, action: string, documentId: string): AuditEntry {
  return {
    at: ctx.now,
    userId: ctx.caller.userId,
    deviceId: ctx.caller.deviceId,
    action,
    collection: ctx.collection,
    documentId,
    details: undefined,
  };
}

/**
 * A caller who may not write this collection is refused every row, except a row that only
 * replays the stored revision: it changes nothing. A device re-sends such rows when its
 * replication restarts before it recorded what it had pulled (a tab closed mid-sync, another
 * tab taking over), and refusing them would show a false error.
 */
async function refuseWritesKeepReplays(
  storage: Storage,
  caller: Caller,
  collection: CollectionName,
  rows: unknown[],
): Promise<PushOutcome> {
  const code = collection === 'sites' ? 'FORBIDDEN' : 'READ_ONLY_COLLECTION';
  const rejected: RejectedRow[] = [];
  for (const row of rows) {
    const id = idOf(row);
    const rev = (row as PushRow | null)?.newDocumentState?.rev;
    const lookable = id !== null && nulCharacterIssues(id).length === 0;
    const stored = lookable ? await storage.getDocument(collection, id) : null;
    const replay = stored !== null && canSee(caller, stored.scope) && stored.rev === rev;
    if (!replay) rejected.push(reject(id, code));
  }
  return { conflicts: [], rejected, written: [] };
}

export async function applyPush(
  storage: Storage,
  caller: Caller,
  collection: CollectionName,
  rows: unknown[],
  clock: Clock,
): Promise<PushOutcome> {
  if (!canWriteCollection(caller, collection))
    return refuseWritesKeepReplays(storage, caller, collection, rows);
  const rejected: RejectedRow[] = [];
  const valid: PushRow[] = [];
  for (const row of rows) {
    const checked = checkRow(collection, row);
    if ('code' in checked) rejected.push(checked);
    else valid.push(checked);
  }
  if (valid.length === 0) return { conflicts: [], rejected, written: [] };

  return storage.write(async (tx) => {
    const ids = valid.map((row) => String(row.newDocumentState.id));
    const youthIds = [
      ...new Set(
        valid.map((row) => youthIdOf(collection, row.newDocumentState)).filter((id) => id !== null),
      ),
    ];
    const youths = collection === 'youths' ? new Map() : await tx.getDocuments('youths', youthIds);
    const ctx: Context = {
      tx,
      caller,
      collection,
      now: clock.now().toISOString(),
      stored: await tx.getDocuments(collection, ids),
      youthScopes: new Map(
        [...youths.values()].map((y: StoredDocument) => [y.id, youthScope(y.data)]),
      ),
      writes: [],
      recorder: new ConflictRecorder(tx, caller, clock.now().toISOString()),
      audit: [],
      conflicts: [],
      rejected,
    };
    for (const row of valid) await applyRow(ctx, row);
    ctx.writes.push(...ctx.recorder.writes());
    ctx.writes.push(...(await probableDuplicateReviews(storage, tx, ctx.writes, ctx.now)));
    const written = await tx.putDocuments(ctx.writes);
    await tx.appendAudit(ctx.audit);
    const conflicts = ctx.conflicts.map((document) => redactFor(caller, collection, document));
    return { conflicts, rejected: ctx.rejected, written };
  });
}
