/**
 * The siège settles a conflict: the chosen value (one of those the review kept, or a merged value
 * typed at the siège) goes back into the document as a new server revision, and the review is
 * marked resolved with who, when, what and the comment. Both are written in one transaction and
 * returned for the stream, so every device converges on the decision. The review keeps every
 * value it held: nothing typed is lost by a resolution either.
 */
import { isCollectionName, type CollectionName } from '../../../src/domain/collections';
import { RelaisError } from '../../../src/domain/errors';
import { newRev } from '../../../src/domain/ids';
import { jsonEqual, recordContent, type PlainDocument } from '../../../src/domain/merge';
import {
  applyConflictValue,
  CREATION_FIELD,
  OVERLAP_FIELD,
} from '../../../src/domain/reconciliation';
import type { Clock } from '../../../src/domain/time';
import { validateDocument } from '../../../src/domain/validation';
import type {
  AuditEntry,
  DocumentWrite,
  Storage,
  StoredDocument,
  WriteTransaction,
} from '../storage/storage';
import { auditBy, youthsOfDocuments } from '../audit/entries';
import { settleDoubleBooking } from '../mobility/double-booking';
import { documentWrite, restampAttached } from './document-write';
import { sameScope, scopeOf, seesEverything, youthIdOf, youthScope, type Caller } from './scope';
import { splitDeleted } from './wire';

export interface ResolveInput {
  /** Index of the kept value in the review's `values`. */
  choice?: number;
  /** A merged value typed at the siège (instead of `choice`). */
  value?: unknown;
  comment?: string;
}

export interface ReviewOutcome {
  written: StoredDocument[];
  review: PlainDocument;
}

/** Reviews are the siège's: direction and admin only. */
export function assertSiege(caller: Caller): void {
  if (!seesEverything(caller)) throw new RelaisError('FORBIDDEN');
}

/** The open review `id` of the given kind, or the error the siège should see. */
export async function openReview(
  tx: WriteTransaction,
  id: string,
  kind: 'conflict' | 'duplicate' | 'any',
): Promise<StoredDocument> {
  const review = (await tx.getDocuments('reviews', [id])).get(id);
  if (!review || review.deleted) throw new RelaisError('NOT_FOUND');
  if (kind !== 'any' && review.data.kind !== kind) {
    throw new RelaisError('VALIDATION_FAILED', `Ce point n'est pas de type « ${kind} ».`);
  }
  if (review.data.status !== 'open') throw new RelaisError('REVIEW_CLOSED');
  return review;
}

/** The review closed by the siège, as the next revision of the review document. */
export function closedReview(
  review: StoredDocument,
  caller: Caller,
  now: string,
  status: 'resolved' | 'dismissed',
  resolution: unknown,
  comment: string | undefined,
): DocumentWrite {
  const trimmed = comment?.trim();
  const data: PlainDocument = {
    ...review.data,
    rev: newRev(),
    updatedAt: now,
    updatedBy: caller.userId,
    status,
    resolvedBy: caller.userId,
    resolvedAt: now,
    ...(resolution === undefined ? {} : { resolution }),
    ...(trimmed ? { comment: trimmed } : {}),
  };
  return documentWrite('reviews', { ...data, _deleted: false }, review.scope, review, {
    writtenBy: caller.userId,
    deviceId: caller.deviceId,
  });
}

export function auditOf(
  caller: Caller,
  now: string,
  action: string,
  collection: string,
  documentId: string,
  details?: unknown,
  youthIds?: string[],
): AuditEntry {
  return auditBy(caller, now, action, { collection, documentId, details, youthIds });
}

/** The dossiers a review is about. */
function youthsOfReview(review: StoredDocument): string[] {
  return youthsOfDocuments('reviews', [review.data]);
}

function chosenValue(review: StoredDocument, input: ResolveInput): unknown {
  const values = (review.data.values as { value?: unknown }[] | undefined) ?? [];
  if (input.choice !== undefined) {
    if (!Number.isInteger(input.choice) || input.choice < 0 || input.choice >= values.length) {
      throw new RelaisError('VALIDATION_FAILED', 'Cette valeur ne fait pas partie du conflit.');
    }
    return values[input.choice]!.value;
  }
  if ('value' in input) return input.value;
  throw new RelaisError(
    'VALIDATION_FAILED',
    'Choisissez une valeur ou saisissez la valeur fusionnée.',
  );
}

/** Writes a document state decided at the siège, with its scope (and its dossier's documents). */
export async function writeDecided(
  tx: WriteTransaction,
  collection: CollectionName,
  state: PlainDocument,
  previous: StoredDocument | undefined,
  caller: Caller,
): Promise<DocumentWrite[]> {
  const { data } = splitDeleted(state);
  const result = validateDocument(collection, data);
  if (!result.valid) {
    throw new RelaisError('VALIDATION_FAILED', undefined, { issues: result.issues });
  }
  const youthId = youthIdOf(collection, data);
  let youth;
  if (collection !== 'youths' && youthId) {
    const stored = (await tx.getDocuments('youths', [youthId])).get(youthId);
    youth = stored ? youthScope(stored.data) : undefined;
  }
  const scope = scopeOf(collection, data, youth, caller.userId);
  const provenance = { writtenBy: caller.userId, deviceId: caller.deviceId };
  const writes = [documentWrite(collection, state, scope, previous, provenance)];
  if (collection === 'youths' && previous && !sameScope(previous.scope, scope)) {
    writes.push(...(await restampAttached(tx, String(data.id), scope, provenance)));
  }
  return writes;
}

export async function resolveConflict(
  storage: Storage,
  caller: Caller,
  reviewId: string,
  input: ResolveInput,
  clock: Clock,
): Promise<ReviewOutcome> {
  assertSiege(caller);
  const now = clock.now().toISOString();
  return storage.write(async (tx) => {
    const review = await openReview(tx, reviewId, 'conflict');
    const collection = String(review.data.targetCollection);
    const documentId = String(review.data.documentId);
    const field = String(review.data.field);
    if (!isCollectionName(collection)) throw new RelaisError('UNKNOWN_COLLECTION');
    if (field === OVERLAP_FIELD) {
      return resolveOverlap(tx, review, input, caller, clock.now(), documentId);
    }
    const target = (await tx.getDocuments(collection, [documentId])).get(documentId);
    // A document kept whole (its author lost the dossier before sending it) may not exist yet.
    if (!target && field !== CREATION_FIELD) {
      throw new RelaisError('NOT_FOUND', 'Le document en conflit est introuvable.');
    }

    const value = chosenValue(review, input);
    const current: PlainDocument = target
      ? { ...target.data, _deleted: target.deleted }
      : { id: documentId, _deleted: true };
    const decided = { ...applyConflictValue(collection, current, field, value), id: documentId };
    const changed =
      !jsonEqual(recordContent(decided), recordContent(current)) ||
      Boolean(decided._deleted) !== Boolean(current._deleted);
    const writes: DocumentWrite[] = [];
    if (changed) {
      const state = { ...decided, rev: newRev(), updatedAt: now, updatedBy: caller.userId };
      writes.push(...(await writeDecided(tx, collection, state, target, caller)));
    }
    const resolution = {
      ...(input.choice !== undefined ? { choice: input.choice } : { edited: true }),
      ...(value === undefined ? {} : { value }),
    };
    const closed = closedReview(review, caller, now, 'resolved', resolution, input.comment);
    writes.push(closed);
    const written = await tx.putDocuments(writes);
    await tx.appendAudit([
      auditOf(
        caller,
        now,
        'review-resolve',
        'reviews',
        reviewId,
        { collection, documentId, field },
        youthsOfReview(review),
      ),
      ...(changed
        ? [
            auditOf(caller, now, 'update', collection, documentId, { reviewId }, [
              ...youthsOfReview(review),
            ]),
          ]
        : []),
    ]);
    return { written, review: closed.data };
  });
}

/**
 * A review of overlapping loans (mobility/double-booking.ts): the siège keeps one loan, chosen
 * among the review's values (each a whole loan); a typed value makes no sense here.
 */
async function resolveOverlap(
  tx: WriteTransaction,
  review: StoredDocument,
  input: ResolveInput,
  caller: Caller,
  at: Date,
  heldId: string,
): Promise<ReviewOutcome> {
  const now = at.toISOString();
  if (input.choice === undefined) {
    throw new RelaisError('VALIDATION_FAILED', 'Choisissez le prêt qui garde le véhicule.');
  }
  const kept = chosenValue(review, input) as { id?: unknown } | undefined;
  if (typeof kept?.id !== 'string') {
    throw new RelaisError('VALIDATION_FAILED', 'Cette valeur ne fait pas partie du conflit.');
  }
  const writes = await settleDoubleBooking(tx, heldId, kept.id, caller, at);
  const closed = closedReview(
    review,
    caller,
    now,
    'resolved',
    { choice: input.choice, value: { loanId: kept.id } },
    input.comment,
  );
  writes.push(closed);
  const written = await tx.putDocuments(writes);
  const youthIds = youthsOfReview(review);
  await tx.appendAudit([
    auditOf(
      caller,
      now,
      'review-resolve',
      'reviews',
      review.id,
      {
        collection: 'mobility',
        documentId: heldId,
        field: OVERLAP_FIELD,
      },
      youthIds,
    ),
    ...writes
      .filter((write) => write.collection === 'mobility' && write.data.kind === 'loan')
      .map((write) =>
        auditOf(caller, now, 'update', 'mobility', write.id, { reviewId: review.id }, youthIds),
      ),
  ]);
  return { written, review: closed.data };
}

/** Closes a review without changing any document: the conflict stays as merged, or the pair is not a duplicate. */
export async function dismissReview(
  storage: Storage,
  caller: Caller,
  reviewId: string,
  comment: string | undefined,
  clock: Clock,
): Promise<ReviewOutcome> {
  assertSiege(caller);
  const now = clock.now().toISOString();
  return storage.write(async (tx) => {
    const review = await openReview(tx, reviewId, 'any');
    const closed = closedReview(review, caller, now, 'dismissed', undefined, comment);
    const written = await tx.putDocuments([closed]);
    await tx.appendAudit([
      auditOf(
        caller,
        now,
        'review-dismiss',
        'reviews',
        reviewId,
        undefined,
        youthsOfReview(review),
      ),
    ]);
    return { written, review: closed.data };
  });
}
