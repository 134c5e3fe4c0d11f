/**
 * Merging two dossiers of one young person (a probable duplicate reviewed at the siège), in one
 * transaction:
 * - the kept dossier takes its merged fields (mergeDossierFields);
 * - every document of the other dossier — events, parcours (propositions, dispositifs),
 *   rendez-vous, loans — is re-pointed to the kept dossier and takes its scope;
 * - attendances have the id `workshopId:youthId`, so re-pointing one changes its id: the
 *   attendance is written under the kept dossier's id (merged with the kept dossier's own
 *   sign-up to the same session, if any, by the attendance merge policy) and the old id is
 *   deleted. We chose this over keeping the old id so that the deterministic-id invariant
 *   holds for every later offline sign-up; the deleted old record keeps its data, and a late
 *   offline edit of it meets the deletion as a conflict for the siège, so nothing is lost;
 * - the other dossier stays as a redirect (`mergedInto`), its own data untouched.
 * Every written document is returned for the stream, so every device converges.
 * Events are append-only for devices; re-pointing them is the server's own write.
 */
import { RelaisError } from '../../../src/domain/errors';
import { newRev } from '../../../src/domain/ids';
import { mergeDocuments, type PlainDocument } from '../../../src/domain/merge';
import { mergeDossierFields } from '../../../src/domain/reconciliation';
import { attendanceId } from '../../../src/domain/schemas/attendance';
import type { Clock } from '../../../src/domain/time';
import type { DocumentWrite, Storage, StoredDocument, WriteTransaction } from '../storage/storage';
import { documentWrite } from './document-write';
import {
  assertSiege,
  auditOf,
  closedReview,
  openReview,
  writeDecided,
  type ReviewOutcome,
} from './resolution';
import { youthScope, type Caller } from './scope';

export interface MergeDossiersInput {
  keepId: string;
  /** Fields of the kept dossier that take the other dossier's value. */
  takeFromOther?: string[];
  comment?: string;
}

export interface MergeSummary {
  keptId: string;
  mergedId: string;
  takeFromOther: string[];
  /** How many documents moved to the kept dossier, by collection. */
  moved: Record<string, number>;
}

interface Stamp {
  caller: Caller;
  now: string;
}

function restamped(data: PlainDocument, stamp: Stamp, changes: PlainDocument): PlainDocument {
  return {
    ...data,
    ...changes,
    rev: newRev(),
    updatedAt: stamp.now,
    updatedBy: stamp.caller.userId,
  };
}

/** The attendance of the other dossier moved to the kept one, and its old id deleted. */
async function moveAttendance(
  tx: WriteTransaction,
  attendance: StoredDocument,
  keptId: string,
  keptScope: DocumentWrite['scope'],
  stamp: Stamp,
): Promise<DocumentWrite[]> {
  const provenance = { writtenBy: stamp.caller.userId, deviceId: stamp.caller.deviceId };
  const newId = attendanceId(String(attendance.data.workshopId), keptId);
  const existing = (await tx.getDocuments('attendances', [newId])).get(newId);
  const moved: PlainDocument = { ...attendance.data, id: newId, youthId: keptId, _deleted: false };
  let state = moved;
  if (existing && !existing.deleted) {
    // Both dossiers were signed up: one sign-up, present if either was.
    state = mergeDocuments('attendances', undefined, moved, {
      ...existing.data,
      _deleted: false,
    }).merged;
  }
  return [
    documentWrite('attendances', restamped(state, stamp, {}), keptScope, existing, provenance),
    documentWrite(
      'attendances',
      restamped(attendance.data, stamp, { _deleted: true }),
      attendance.scope,
      attendance,
      provenance,
    ),
  ];
}

export async function mergeDuplicate(
  storage: Storage,
  caller: Caller,
  reviewId: string,
  input: MergeDossiersInput,
  clock: Clock,
): Promise<ReviewOutcome & { summary: MergeSummary }> {
  assertSiege(caller);
  const now = clock.now().toISOString();
  const stamp = { caller, now };
  return storage.write(async (tx) => {
    const review = await openReview(tx, reviewId, 'duplicate');
    const pair = (review.data.youthIds as string[] | undefined) ?? [];
    if (pair.length !== 2 || !pair.includes(input.keepId)) {
      throw new RelaisError('VALIDATION_FAILED', 'Le dossier à garder doit être l’un des deux.');
    }
    const otherId = pair.find((id) => id !== input.keepId)!;
    const youths = await tx.getDocuments('youths', [input.keepId, otherId]);
    const kept = youths.get(input.keepId);
    const other = youths.get(otherId);
    if (!kept || !other || kept.deleted || other.deleted) throw new RelaisError('NOT_FOUND');
    if (kept.data.mergedInto || other.data.mergedInto) throw new RelaisError('ALREADY_MERGED');

    const takeFromOther = input.takeFromOther ?? [];
    const keptState = restamped(mergeDossierFields(kept.data, other.data, takeFromOther), stamp, {
      _deleted: false,
    });
    const writes = await writeDecided(tx, 'youths', keptState, kept, caller);
    const keptScope = youthScope(keptState);
    writes.push(
      ...(await writeDecided(
        tx,
        'youths',
        restamped(other.data, stamp, { mergedInto: input.keepId, _deleted: false }),
        other,
        caller,
      )),
    );

    const moved: Record<string, number> = {};
    const provenance = { writtenBy: caller.userId, deviceId: caller.deviceId };
    for (const attached of await tx.getAttachedDocuments([otherId])) {
      if (attached.deleted) continue;
      moved[attached.collection] = (moved[attached.collection] ?? 0) + 1;
      if (attached.collection === 'attendances') {
        writes.push(...(await moveAttendance(tx, attached, input.keepId, keptScope, stamp)));
        continue;
      }
      writes.push(
        documentWrite(
          attached.collection,
          restamped(attached.data, stamp, { youthId: input.keepId, _deleted: false }),
          keptScope,
          attached,
          provenance,
        ),
      );
    }

    const summary: MergeSummary = {
      keptId: input.keepId,
      mergedId: otherId,
      takeFromOther,
      moved,
    };
    const closed = closedReview(review, caller, now, 'resolved', summary, input.comment);
    writes.push(closed);
    const written = await tx.putDocuments(writes);
    await tx.appendAudit([
      auditOf(caller, now, 'dossier-merge', 'youths', input.keepId, summary, pair),
      auditOf(caller, now, 'review-resolve', 'reviews', reviewId, undefined, pair),
    ]);
    return { written, review: closed.data, summary };
  });
}
