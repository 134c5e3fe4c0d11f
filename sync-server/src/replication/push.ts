/**
 * Applying a batch pushed by a device, as a pipeline of stages (conventions §9); each row goes
 * through them in order and stops at the first that refuses it or settles it:
 * 1. shape: the row and its document against the schema (push-shape.ts), before the transaction;
 *    then its "who" fields are set from the session (push-authorship.ts), and the fields only
 *    the server writes (push-server-fields.ts: an attendance's queue time, a session's closer);
 * 2. erasure: a write to an erased document or dossier stores nothing, and the device is given
 *    the tombstone (push-erased.ts);
 *    scope: the stored document and its dossier must be the caller's (push-scope.ts);
 * 3. replay: a row whose `newDocumentState.rev` the server already stored (as a master state,
 *    or merged into one), or an append-only record pushed again unchanged under a new rev,
 *    changes nothing, and the device is given the current master;
 * 4. the collection's write rules, against the state the write was made from (write-rules/);
 * 5. merge: a row whose `assumedMasterState.rev` is the stored rev is applied as is; otherwise it
 *    is merged with the stored state against the base revision it was made from (the device's
 *    own unanswered write when its lineage names one the server holds), and every field typed
 *    differently on both sides opens a review holding both values (conflicts.ts);
 *    then the collection may settle the state to store (write-rules/: a loan that overlaps
 *    loans stored first is held for the siège rather than refused);
 * 6. write: the state is stored with the scope of its dossier, and a dossier's documents follow
 *    it when its scope changes; what the writes imply beyond the rows (a vehicle's calendar)
 *    is written in the same transaction.
 * Rules of the protocol: design.md, Sync protocol.
 */
import type { CollectionName, WireDocument } from '../../../src/domain/collections';
import { newRev } from '../../../src/domain/ids';
import {
  mergeDocuments,
  jsonEqual,
  recordContent,
  type PlainDocument,
} from '../../../src/domain/merge';
import { isErasureTombstone } from '../../../src/domain/erasure';
import { MERGE_POLICIES } from '../../../src/domain/merge-policies';
import { toCurrentVocabulary } from '../../../src/domain/vocabulary';
import type { Clock } from '../../../src/domain/time';
import type { RevisionRecord, Scope, Storage, StoredDocument } from '../storage/storage';
import { writeAction } from '../audit/entries';
import { ConflictRecorder } from './conflicts';
import { probableDuplicateReviews } from './duplicates';
import {
  auditEntry,
  restampYouth,
  writeState,
  youthScopeOf,
  type PushContext,
} from './push-context';
import { withSessionAuthorship } from './push-authorship';
import { withServerFields } from './push-server-fields';
import { refuseWritesKeepReplays } from './push-read-only';
import { wasKeptForSiege } from './left-scope';
import { settledByErasure } from './push-erased';
import { refusedByScope } from './push-scope';
import { checkRow, reject, type PushRow, type RejectedRow } from './push-shape';
import {
  canWriteCollection,
  sameScope,
  scopeOf,
  youthIdOf,
  youthScope,
  type Caller,
} from './scope';
import { keepHiddenFields, redactFor } from './redaction';
import { splitDeleted, toWire } from './wire';
import { derivedWrites, settledState, writeRuleRefusal } from './write-rules';

export type { PushRow, RejectedRow } from './push-shape';

export interface PushOutcome {
  /** Master states the device must adopt (RxDB's push answer). */
  conflicts: WireDocument[];
  rejected: RejectedRow[];
  /** Every document state committed by this push, for the stream. */
  written: StoredDocument[];
}

/**
 * An append-only record (merge-policies.ts: immutable) pushed again with the same content under
 * another rev: a device retrying after a lost answer, or re-stamping a copy. It is the same
 * record, so the original stays whole — its rev, its time and its author.
 */
function isUnchangedImmutable(
  collection: CollectionName,
  stored: StoredDocument,
  incoming: PlainDocument,
): boolean {
  if (MERGE_POLICIES[collection]?.immutable !== true) return false;
  const { data, deleted } = splitDeleted(incoming);
  return deleted === stored.deleted && jsonEqual(recordContent(stored.data), recordContent(data));
}

/** Stage 3: the same write again changes nothing; the device is given the current master. */
async function isReplay(
  ctx: PushContext,
  stored: StoredDocument | undefined,
  incoming: PlainDocument,
): Promise<boolean> {
  if (!stored) return false;
  const id = String(incoming.id);
  const replay =
    stored.rev === incoming.rev ||
    isUnchangedImmutable(ctx.collection, stored, incoming) ||
    (await ctx.tx.hasRevision(ctx.collection, id, String(incoming.rev)));
  if (replay && stored.rev !== incoming.rev) ctx.conflicts.push(toWire(stored));
  return replay;
}

/**
 * The newest revision the caller's own device wrote among the revs it pushed without an answer
 * (`lineage`), unless the master it names is newer. Only the same user on the same device counts:
 * a device's local document is one line of states, so its later write descends from its earlier
 * one, which is never true of someone else's write.
 */
async function ownUnansweredRevision(
  ctx: PushContext,
  stored: StoredDocument,
  lineage: readonly string[],
  assumedRev: unknown,
): Promise<RevisionRecord | undefined> {
  for (const revision of await ctx.tx.getHistory(ctx.collection, stored.id)) {
    if (revision.rev === assumedRev) return undefined;
    if (
      lineage.includes(revision.rev) &&
      revision.writtenBy === ctx.caller.userId &&
      revision.deviceId === ctx.caller.deviceId
    ) {
      return revision;
    }
  }
  return undefined;
}

/**
 * Stages 4 and 5 start from the state the write was made from, and whether the stored state moved on since. RxDB
 * names the last master the device saw; when the answer to one of its own pushes was lost, the
 * server holds that push and the device's next write descends from it (its lineage says so): the
 * base is then the device's own write, so its newer value is no conflict with itself.
 */
async function baseOf(
  ctx: PushContext,
  row: PushRow,
  stored: StoredDocument,
): Promise<{ stale: boolean; base: PlainDocument | null }> {
  const assumedRev = row.assumedMasterState?.rev;
  if (assumedRev === stored.rev) return { stale: false, base: null };
  const own = row.lineage
    ? await ownUnansweredRevision(ctx, stored, row.lineage, assumedRev)
    : undefined;
  // A revision written before the vocabulary changed is a base in today's words (vocabulary/).
  const current = (base: PlainDocument) => toCurrentVocabulary(ctx.collection, base);
  if (own) {
    if (own.rev === stored.rev && !own.absorbed) return { stale: false, base: null };
    return { stale: true, base: current({ ...own.data, _deleted: own.deleted }) };
  }
  const base =
    typeof assumedRev === 'string'
      ? await ctx.tx.getRevision(ctx.collection, stored.id, assumedRev)
      : null;
  return { stale: true, base: base && current(base) };
}

/**
 * Stage 5: the state to store for a stale write, merged with the stored state against its base;
 * undefined when the merge keeps the stored state as it is (the device adopts it). The pushed
 * state is kept in the history either way, so a replay of it is recognised.
 */
async function mergeStale(
  ctx: PushContext,
  stored: StoredDocument,
  base: PlainDocument | null,
  incoming: PlainDocument,
): Promise<PlainDocument | undefined> {
  const id = stored.id;
  const theirs = { ...stored.data, _deleted: stored.deleted };
  const { merged, conflicts } = mergeDocuments(ctx.collection, base ?? undefined, incoming, theirs);
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
    ctx.audit.push(auditEntry(ctx, 'push-conflict', id, incoming));
    return undefined;
  }
  return {
    ...merged,
    rev: newRev(),
    updatedAt: ctx.now.toISOString(),
    updatedBy: ctx.caller.userId,
  };
}

/** Stage 6: stores the state with its dossier's scope; a dossier's documents follow it. */
async function write(
  ctx: PushContext,
  stored: StoredDocument | undefined,
  incoming: PlainDocument,
  state: PlainDocument,
  youthId: string | null,
  youth: Scope | undefined,
): Promise<void> {
  const id = String(state.id);
  // A merge may keep the stored side's young person (a double booking): its dossier gives the scope.
  const stateYouthId = youthIdOf(ctx.collection, state);
  const stateYouth =
    stateYouthId === youthId ? youth : await youthScopeOf(ctx, stateYouthId ?? undefined);
  const scope = scopeOf(ctx.collection, state, stateYouth, ctx.caller.userId);
  const written = writeState(ctx, state, scope, stored);
  ctx.stored.set(id, { ...written, seq: 0 });
  if (state !== incoming)
    ctx.conflicts.push({ ...written.data, _deleted: written.deleted } as WireDocument);
  const { action, details } = writeAction(ctx.collection, !stored, state);
  ctx.audit.push(auditEntry(ctx, action, id, state, details));

  if (ctx.collection === 'youths' && (!stored || !sameScope(stored.scope, scope))) {
    ctx.youthScopes.set(id, scope);
    await restampYouth(ctx, id, scope);
  }
}

async function applyRow(ctx: PushContext, row: PushRow): Promise<void> {
  const id = String(row.newDocumentState.id);
  const stored = ctx.stored.get(id);
  // Fields the caller's role never receives keep their stored values (redaction.ts); who wrote
  // the record comes from the session (push-authorship.ts), and the fields only the server
  // writes from its clock and the session (push-server-fields.ts).
  const incoming = withServerFields(
    ctx.caller,
    ctx.collection,
    withSessionAuthorship(
      ctx.caller,
      ctx.collection,
      keepHiddenFields(ctx.caller, ctx.collection, row.newDocumentState, stored),
      stored,
    ),
    stored,
    ctx.now,
  );
  const youthId = youthIdOf(ctx.collection, incoming);
  const youth = youthId ? ctx.youthScopes.get(youthId) : undefined;
  const newScope = scopeOf(ctx.collection, incoming, youth, ctx.caller.userId);

  if (settledByErasure(ctx, stored, incoming, youthId)) return;
  if (await refusedByScope(ctx, { row, stored, incoming, youthId, youth, newScope })) return;
  if (await isReplay(ctx, stored, incoming)) return;

  const { stale, base } = stored ? await baseOf(ctx, row, stored) : { stale: false, base: null };
  // A write once refused for scope and kept for the siège, sent again after the dossier came
  // back: the siège holds it, so it is a replay too (left-scope.ts).
  if (stale && (await wasKeptForSiege(ctx.tx, ctx.caller, incoming))) {
    ctx.conflicts.push(toWire(stored!));
    return;
  }
  const from = stale ? (base ?? undefined) : stored && { ...stored.data, _deleted: stored.deleted };

  const refusal = await writeRuleRefusal({
    caller: ctx.caller,
    collection: ctx.collection,
    stored,
    from,
    incoming,
    now: ctx.now,
    tx: ctx.tx,
    batch: ctx.writes,
  });
  if (refusal) {
    ctx.rejected.push(reject(id, refusal));
    return;
  }

  const merged = stored && stale ? await mergeStale(ctx, stored, base, incoming) : incoming;
  if (!merged) return;
  const state = await settle(ctx, stored, merged, incoming);
  await write(ctx, stored, incoming, state, youthId, youth);
}

/** Stage 5, end: the collection's say on the state to store (write-rules/, WRITE_SETTLERS). */
async function settle(
  ctx: PushContext,
  stored: StoredDocument | undefined,
  merged: PlainDocument,
  incoming: PlainDocument,
): Promise<PlainDocument> {
  const settled = await settledState({
    caller: ctx.caller,
    collection: ctx.collection,
    stored,
    state: merged,
    incomingRev: String(incoming.rev),
    now: ctx.now,
    tx: ctx.tx,
    batch: ctx.writes,
    recorder: ctx.recorder,
  });
  if (settled === merged) return merged;
  // Another state than the device sent: a revision of its own, which the device adopts.
  return {
    ...settled,
    rev: newRev(),
    updatedAt: ctx.now.toISOString(),
    updatedBy: ctx.caller.userId,
  };
}

export async function applyPush(
  storage: Storage,
  caller: Caller,
  collection: CollectionName,
  rows: unknown[],
  clock: Clock,
): Promise<PushOutcome> {
  if (!canWriteCollection(caller, collection)) {
    const rejected = await refuseWritesKeepReplays(storage, caller, collection, rows);
    return { conflicts: [], rejected, written: [] };
  }
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
    const now = clock.now();
    const ctx: PushContext = {
      tx,
      caller,
      collection,
      now,
      stored: await tx.getDocuments(collection, ids),
      youthScopes: new Map(
        [...youths.values()].map((y: StoredDocument) => [y.id, youthScope(y.data)]),
      ),
      erasedYouths: new Set(
        [...youths.values()]
          .filter((y: StoredDocument) => isErasureTombstone(y.data))
          .map((y: StoredDocument) => y.id),
      ),
      writes: [],
      recorder: new ConflictRecorder(tx, caller, now.toISOString()),
      audit: [],
      conflicts: [],
      rejected,
    };
    for (const row of valid) await applyRow(ctx, row);
    ctx.writes.push(...(await derivedWrites(collection, { caller, now, tx, batch: ctx.writes })));
    ctx.writes.push(...ctx.recorder.writes());
    ctx.writes.push(
      ...(await probableDuplicateReviews(storage, tx, ctx.writes, now.toISOString())),
    );
    const written = await tx.putDocuments(ctx.writes);
    await tx.appendAudit(ctx.audit);
    const conflicts = ctx.conflicts.map((document) => redactFor(caller, collection, document));
    return { conflicts, rejected: ctx.rejected, written };
  });
}
