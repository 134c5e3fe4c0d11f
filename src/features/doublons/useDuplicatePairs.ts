/**
 * The probable duplicate pairs the siège must review (written by the server's duplicate
 * detector), most likely first, each with both dossiers and how many documents hang on each
 * (what a merge will move), live.
 */
import { useCallback } from 'react';
import { combineLatest, map, of, switchMap, type Observable } from 'rxjs';
import { useDatabase } from '../../app/DatabaseProvider';
import { useLiveQuery } from '../../db/useLiveQuery';
import type { CollectionName } from '../../domain/collections';
import type { Review } from '../../domain/schemas/review';
import type { Youth } from '../../domain/schemas/youth';
import { documentsById } from '../reconciliation/documentsById';

/** The collections whose documents move with a dossier, in the order the screen lists them. */
export const ATTACHED: readonly { collection: CollectionName; one: string; many: string }[] = [
  { collection: 'events', one: 'événement', many: 'événements' },
  { collection: 'pathway', one: 'élément de parcours', many: 'éléments de parcours' },
  { collection: 'appointments', one: 'rendez-vous', many: 'rendez-vous' },
  { collection: 'attendances', one: 'émargement', many: 'émargements' },
  { collection: 'mobility', one: 'prêt de véhicule', many: 'prêts de véhicule' },
];

export type AttachedCounts = Partial<Record<CollectionName, number>>;

export interface DuplicatePair {
  review: Review;
  youths: [Youth, Youth] | null;
  counts: Map<string, AttachedCounts>;
}

export function useDuplicatePairs() {
  const db = useDatabase();
  return useLiveQuery<DuplicatePair[]>(
    useCallback(
      () =>
        db.reviews.find({ selector: { kind: 'duplicate', status: 'open' } }).$.pipe(
          map((docs) =>
            docs
              .map((doc) => doc.toJSON() as Review)
              .sort((a, b) => (b.score ?? 0) - (a.score ?? 0)),
          ),
          switchMap((reviews) => {
            const ids = [...new Set(reviews.flatMap((review) => review.youthIds ?? []))];
            if (ids.length === 0) return of([] as DuplicatePair[]);
            // One shape for every collection (RxDB's per-collection types do not unite).
            const attached$ = ATTACHED.map(({ collection }) =>
              (
                db.collections[collection] as unknown as {
                  find(query: object): {
                    $: Observable<{ get(field: string): unknown }[]>;
                  };
                }
              )
                .find({ selector: { youthId: { $in: ids } } })
                .$.pipe(map((docs) => docs.map((doc) => String(doc.get('youthId'))))),
            );
            return combineLatest([documentsById(db, 'youths', ids), ...attached$]).pipe(
              map(([youths, ...owners]) =>
                reviews.map((review) => {
                  const [a, b] = review.youthIds ?? [];
                  const first = a ? youths.get(a) : undefined;
                  const second = b ? youths.get(b) : undefined;
                  const counts = new Map<string, AttachedCounts>();
                  ATTACHED.forEach(({ collection }, index) => {
                    for (const youthId of owners[index] as string[]) {
                      const entry = counts.get(youthId) ?? {};
                      entry[collection] = (entry[collection] ?? 0) + 1;
                      counts.set(youthId, entry);
                    }
                  });
                  return {
                    review,
                    youths:
                      first && second && !first._deleted && !second._deleted
                        ? ([first, second] as unknown as [Youth, Youth])
                        : null,
                    counts,
                  };
                }),
              ),
            );
          }),
        ),
      [db],
    ),
  );
}
