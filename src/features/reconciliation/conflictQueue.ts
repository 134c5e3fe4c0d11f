/**
 * The open conflicts, oldest first, each with the document in conflict as this device holds it
 * now (live), the young people it concerns (for their names) and, for a loan, its vehicle. A document deleted meanwhile is
 * read from the storage once, so the siège still sees whose dossier it is.
 */
import { combineLatest, map, of, switchMap, type Observable } from 'rxjs';
import type { RelaisDatabase } from '../../db/database';
import { documentsById } from './documentsById';
import { isCollectionName, type CollectionName } from '../../domain/collections';
import type { PlainDocument } from '../../domain/merge';
import type { Review } from '../../domain/schemas/review';
import type { Youth } from '../../domain/schemas/youth';

export interface ConflictItem {
  review: Review;
  /** The document as this device holds it now (`_deleted` true when deleted), if it has it. */
  target: PlainDocument | undefined;
  /** The young people concerned: the dossier, or both of a double booking. */
  youths: Youth[];
  /** The vehicle of a loan in conflict. */
  vehicle?: PlainDocument;
}

function youthIdsOf(review: Review, target: PlainDocument | undefined): string[] {
  const ids = new Set<string>(review.youthIds ?? []);
  if (review.targetCollection === 'youths' && review.documentId) ids.add(review.documentId);
  if (typeof target?.youthId === 'string') ids.add(target.youthId);
  return [...ids];
}

/** The live queue of open conflicts, for `useConflictQueue`. */
export function conflictQueue$(db: RelaisDatabase): Observable<ConflictItem[]> {
  return db.reviews.find({ selector: { kind: 'conflict', status: 'open' } }).$.pipe(
    map((docs) =>
      docs
        .map((doc) => doc.toJSON() as Review)
        .sort((a, b) => (a.openedAt ?? '').localeCompare(b.openedAt ?? '')),
    ),
    switchMap((reviews) => {
      const byCollection = new Map<CollectionName, string[]>();
      for (const review of reviews) {
        const collection = review.targetCollection;
        if (!collection || !review.documentId || !isCollectionName(collection)) continue;
        byCollection.set(collection, [...(byCollection.get(collection) ?? []), review.documentId]);
      }
      const collections = [...byCollection.keys()];
      const targets$ = collections.length
        ? combineLatest(collections.map((c) => documentsById(db, c, byCollection.get(c)!)))
        : of([] as Map<string, PlainDocument>[]);
      return targets$.pipe(
        switchMap((maps) => {
          const targetOf = (review: Review) => {
            const index = collections.indexOf(review.targetCollection as CollectionName);
            return index < 0 ? undefined : maps[index]!.get(review.documentId ?? '');
          };
          const youthIds = [
            ...new Set(reviews.flatMap((review) => youthIdsOf(review, targetOf(review)))),
          ];
          const vehicleIds = [
            ...new Set(
              reviews
                .map((review) => targetOf(review)?.vehicleId)
                .filter((id): id is string => typeof id === 'string'),
            ),
          ];
          return combineLatest([
            documentsById(db, 'youths', youthIds),
            documentsById(db, 'mobility', vehicleIds),
          ]).pipe(
            map(([youths, vehicles]) =>
              reviews.map((review) => {
                const target = targetOf(review);
                const vehicleId = target?.vehicleId;
                return {
                  review,
                  target,
                  youths: youthIdsOf(review, target)
                    .map((id) => youths.get(id) as unknown as Youth | undefined)
                    .filter((youth): youth is Youth => youth !== undefined),
                  vehicle: typeof vehicleId === 'string' ? vehicles.get(vehicleId) : undefined,
                };
              }),
            ),
          );
        }),
      );
    }),
  );
}
