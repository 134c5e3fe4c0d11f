/**
 * The scope stage of a push: the stored document (if any) and the dossier it belongs to must be
 * the caller's. A refused row stores nothing and never reveals the stored document, with two
 * exceptions that keep what was typed for the siège in a review:
 * - a loan booked on a slot that holds another site's booking (SLOT_TAKEN: the slot id makes a
 *   double booking visible even across scopes);
 * - a write that arrives after its document left the scope of a caller who had it (SCOPE_LEFT,
 *   left-scope.ts).
 */
import type { PlainDocument } from '../../../src/domain/merge';
import type { Scope, StoredDocument } from '../storage/storage';
import { keepLeftScopeWrite } from './left-scope';
import type { PushContext } from './push-context';
import { reject, type PushRow } from './push-shape';
import { canSeeIn } from './scope';

/**
 * A new loan on a slot another site already booked. Not a booking the server already holds,
 * sent again after its dossier left the caller's site (a replay): that one opens nothing.
 */
async function isForeignDoubleBooking(
  ctx: PushContext,
  row: PushRow,
  stored: StoredDocument | undefined,
): Promise<boolean> {
  return (
    ctx.collection === 'mobility' &&
    stored !== undefined &&
    !stored.deleted &&
    stored.data.kind === 'loan' &&
    row.newDocumentState.kind === 'loan' &&
    !row.assumedMasterState &&
    !canSeeIn(ctx.caller, ctx.collection, stored.scope) &&
    !(await ctx.tx.hasRevision(ctx.collection, stored.id, String(row.newDocumentState.rev)))
  );
}

export interface ScopedRow {
  row: PushRow;
  stored: StoredDocument | undefined;
  incoming: PlainDocument;
  youthId: string | null;
  /** The current scope of the dossier the document belongs to, if stored. */
  youth: Scope | undefined;
  /** The scope the document would have as pushed. */
  newScope: Scope;
}

/** Refuses the row (true) when it is not the caller's to write; see the header. */
export async function refusedByScope(ctx: PushContext, scoped: ScopedRow): Promise<boolean> {
  const { row, stored, incoming, youth, newScope } = scoped;
  const id = String(incoming.id);
  const attachedToForeignYouth =
    ctx.collection !== 'youths' &&
    youth !== undefined &&
    !canSeeIn(ctx.caller, ctx.collection, youth);
  if (stored && !attachedToForeignYouth && (await isForeignDoubleBooking(ctx, row, stored))) {
    await ctx.recorder.recordForeignBooking(stored, incoming);
    ctx.rejected.push(reject(id, 'SLOT_TAKEN'));
    return true;
  }
  const visible = canSeeIn(ctx.caller, ctx.collection, stored ? stored.scope : newScope);
  if (visible && !attachedToForeignYouth) return false;
  const kept = await keepLeftScopeWrite({
    tx: ctx.tx,
    caller: ctx.caller,
    collection: ctx.collection,
    recorder: ctx.recorder,
    assumedRev: row.assumedMasterState?.rev,
    stored,
    incoming,
    youthId: scoped.youthId,
    youth,
  });
  ctx.rejected.push(reject(id, kept ? 'SCOPE_LEFT' : 'OUT_OF_SCOPE'));
  return true;
}
