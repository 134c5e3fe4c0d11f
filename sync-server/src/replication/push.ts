/**
 * Applying a batch pushed by a device: validation, scope, collection policies, conflict
 * detection by `rev`, the three-way merge for stale writes, and the conflict records.
 *
 * Rules (design.md, Sync protocol):
 * - a row whose `newDocumentState.rev` the server already stored is a replay: nothing changes;
 * - a row whose `assumedMasterState.rev` is the stored rev is applied as is;
 * - otherwise the row is merged with the stored state against the base revision it was made
 *   from; the merged state is stored and returned as the master, and every field typed
 *   differently on both sides opens a review holding both values;
 * - a row outside the caller's scope, invalid, or breaking a collection rule is refused with a
 *   reason, stores nothing, and never reveals the stored document.
 */
import type { CollectionName, WireDocument } from '../../../src/domain/collections';
import type { ErrorCode } from '../../../src/domain/errors';
import { ERROR_CODES } from '../../../src/domain/errors';
import { newId, newRev } from '../../../src/domain/ids';
import {
  mergeDocuments,
  jsonEqual,
  recordContent,
  type PlainDocument,
} from '../../../src/domain/merge';
import { canTransition, isValidInitialResult } from '../../../src/domain/rules/proposition';
import type { PropositionResult } from '../../../src/domain/schemas/pathway';
import type { Clock } from '../../../src/domain/time';
import { validateDocument, type ValidationIssue } from '../../../src/domain/validation';
import type {
  AuditEntry,
  DocumentWrite,
  Scope,
  Storage,
  StoredDocument,
  WriteTransaction,
} from '../storage/storage';
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

const SERVER_ACTOR = 'server';

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

/** Collection rules that compare the stored state and the incoming one. */
function policyViolation(
  collection: CollectionName,
  stored: StoredDocument | undefined,
  incoming: PlainDocument,
): ErrorCode | undefined {
  if (collection === 'events' && stored) {
    // Append-only: the same content again is fine (a retry); anything else is an edit.
    const same = jsonEqual(recordContent(stored.data), recordContent(splitDeleted(incoming).data));
    if (!same || incoming._deleted === true) return 'APPEND_ONLY';
  }
  if (collection === 'pathway' && incoming.kind === 'proposition') {
    const to = incoming.result as PropositionResult | undefined;
    const from = stored?.data.result as PropositionResult | undefined;
    if (!stored || stored.deleted) {
      if (!isValidInitialResult(to)) return 'INVALID_TRANSITION';
    } else if (from && to && !canTransition(from, to)) {
      return 'INVALID_TRANSITION';
    } else if (from && !to) {
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
  const { data, deleted } = splitDeleted(state);
  const scopeChanged = previous !== undefined && !sameScope(previous.scope, scope);
  const documentWrite: DocumentWrite = {
    collection,
    id: String(data.id),
    rev: String(data.rev),
    deleted,
    data,
    youthId: youthIdOf(collection, data),
    scope,
    previousScope: scopeChanged ? previous.scope : (previous?.previousScope ?? null),
    previousData: scopeChanged ? previous.data : (previous?.previousData ?? null),
    writtenBy,
    deviceId: ctx.caller.deviceId,
  };
  ctx.writes.push(documentWrite);
  return documentWrite;
}

function conflictReview(
  ctx: Context,
  stored: StoredDocument,
  incoming: PlainDocument,
  field: string,
  ours: unknown,
  theirs: unknown,
): void {
  const review: PlainDocument = {
    id: newId(),
    rev: newRev(),
    updatedAt: ctx.now,
    updatedBy: SERVER_ACTOR,
    kind: 'conflict',
    status: 'open',
    targetCollection: ctx.collection,
    documentId: stored.id,
    field,
    values: [
      {
        ...(theirs === undefined ? {} : { value: theirs }),
        by: String(stored.data.updatedBy ?? SERVER_ACTOR),
        ...(typeof stored.data.updatedAt === 'string' ? { at: stored.data.updatedAt } : {}),
        rev: stored.rev,
      },
      {
        ...(ours === undefined ? {} : { value: ours }),
        by: ctx.caller.userId,
        ...(typeof incoming.updatedAt === 'string' ? { at: incoming.updatedAt } : {}),
        ...(ctx.caller.deviceId ? { deviceId: ctx.caller.deviceId } : {}),
        rev: String(incoming.rev),
      },
    ],
    openedAt: ctx.now,
    ...(stored.scope.siteId ? { siteId: stored.scope.siteId } : {}),
  };
  write(
    ctx,
    'reviews',
    { ...review, _deleted: false },
    { siteId: stored.scope.siteId, ownerId: null },
    undefined,
    SERVER_ACTOR,
  );
}

/** When a dossier changes scope (or arrives after its documents), its documents follow it. */
async function restampAttached(ctx: Context, youthId: string, scope: Scope): Promise<void> {
  for (const attached of await ctx.tx.getAttachedDocuments([youthId])) {
    if (sameScope(attached.scope, scope)) continue;
    write(
      ctx,
      attached.collection,
      { ...attached.data, _deleted: attached.deleted },
      scope,
      attached,
      SERVER_ACTOR,
    );
  }
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
  if (
    (stored && !canSee(ctx.caller, stored.scope)) ||
    (!stored && !canSee(ctx.caller, newScope)) ||
    attachedToForeignYouth
  ) {
    ctx.rejected.push(reject(id, 'OUT_OF_SCOPE'));
    return;
  }
  // Replays: the same write again changes nothing.
  if (
    stored &&
    (stored.rev === incoming.rev ||
      (await ctx.tx.hasRevision(ctx.collection, id, String(incoming.rev))))
  ) {
    return;
  }
  const violation = policyViolation(ctx.collection, stored, incoming);
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
  const assumedRev = row.assumedMasterState?.rev;
  if (stored && assumedRev !== stored.rev) {
    const base =
      typeof assumedRev === 'string'
        ? await ctx.tx.getRevision(ctx.collection, id, assumedRev)
        : null;
    const theirs = { ...stored.data, _deleted: stored.deleted };
    const { merged, conflicts } = mergeDocuments(
      ctx.collection,
      base ?? undefined,
      incoming,
      theirs,
    );
    for (const conflict of conflicts) {
      conflictReview(ctx, stored, incoming, conflict.field, conflict.ours, conflict.theirs);
    }
    if (jsonEqual(recordContent(merged), recordContent(theirs))) {
      ctx.conflicts.push(toWire(stored));
      ctx.audit.push(auditEntry(ctx, 'push-conflict', id));
      return;
    }
    state = { ...merged, rev: newRev(), updatedAt: ctx.now, updatedBy: ctx.caller.userId };
  }

  const scope = scopeOf(ctx.collection, state, youth, ctx.caller.userId);
  const documentWrite = write(ctx, ctx.collection, state, scope, stored, ctx.caller.userId);
  ctx.stored.set(id, { ...documentWrite, seq: 0 });
  if (state !== incoming)
    ctx.conflicts.push({ ...documentWrite.data, _deleted: documentWrite.deleted } as WireDocument);
  ctx.audit.push(auditEntry(ctx, stored ? 'update' : 'create', id));

  if (ctx.collection === 'youths' && (!stored || !sameScope(stored.scope, scope))) {
    ctx.youthScopes.set(id, scope);
    await restampAttached(ctx, id, scope);
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
    const rev = (row as PushRow).newDocumentState?.rev;
    const stored = id ? await storage.getDocument(collection, id) : null;
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
      audit: [],
      conflicts: [],
      rejected,
    };
    for (const row of valid) await applyRow(ctx, row);
    ctx.writes.push(...(await probableDuplicateReviews(storage, tx, ctx.writes, ctx.now)));
    const written = await tx.putDocuments(ctx.writes);
    await tx.appendAudit(ctx.audit);
    const conflicts = ctx.conflicts.map((document) => redactFor(caller, collection, document));
    return { conflicts, rejected: ctx.rejected, written };
  });
}
