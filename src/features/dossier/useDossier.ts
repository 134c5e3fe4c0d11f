/**
 * What a dossier screen reads from the device's database, live: the young person, their events,
 * their parcours (situations, demandes, propositions, dispositifs) and their émargements with
 * the sessions they name. Everything works with the network cut.
 */
import { useCallback } from 'react';
import { map, of } from 'rxjs';
import { useDatabase } from '../../app/database-context';
import { useLiveQuery } from '../../db/useLiveQuery';
import type { Attendance } from '../../domain/schemas/attendance';
import type { YouthEvent } from '../../domain/schemas/event';
import type { PathwayRecord } from '../../domain/schemas/pathway';
import type { Workshop } from '../../domain/schemas/workshop';
import type { Youth } from '../../domain/schemas/youth';

/** One young person, live; nothing is read while `id` is undefined (a form's empty choice). */
export function useYouth(id: string | undefined) {
  const db = useDatabase();
  return useLiveQuery<Youth | null>(
    useCallback(
      () =>
        id
          ? db.youths.findOne(id).$.pipe(map((doc) => (doc ? (doc.toJSON() as Youth) : null)))
          : undefined,
      [db, id],
    ),
  );
}

/** Events of the young person, most recent first. */
export function useYouthEvents(youthId: string) {
  const db = useDatabase();
  return useLiveQuery<YouthEvent[]>(
    useCallback(
      () =>
        db.events
          .find({ selector: { youthId } })
          .$.pipe(
            map((docs) =>
              docs
                .map((doc) => doc.toJSON() as YouthEvent)
                .sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id)),
            ),
          ),
      [db, youthId],
    ),
  );
}

/** The parcours of the young person, most recent start first. */
export function useYouthPathway(youthId: string) {
  const db = useDatabase();
  return useLiveQuery<PathwayRecord[]>(
    useCallback(
      () =>
        db.pathway
          .find({ selector: { youthId } })
          .$.pipe(
            map((docs) =>
              docs
                .map((doc) => doc.toJSON() as PathwayRecord)
                .sort(
                  (a, b) =>
                    (b.startDate ?? '').localeCompare(a.startDate ?? '') ||
                    b.id.localeCompare(a.id),
                ),
            ),
          ),
      [db, youthId],
    ),
  );
}

export function useYouthAttendances(youthId: string) {
  const db = useDatabase();
  return useLiveQuery<Attendance[]>(
    useCallback(
      () =>
        db.attendances
          .find({ selector: { youthId } })
          .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as Attendance))),
      [db, youthId],
    ),
  );
}

/** The sessions of the given ids (those the young person signed up for). */
export function useWorkshops(ids: readonly string[]) {
  const db = useDatabase();
  const key = [...ids].sort().join(',');
  return useLiveQuery<Workshop[]>(
    useCallback(
      () =>
        key
          ? db.workshops
              .find({ selector: { id: { $in: key.split(',') } } })
              .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as Workshop)))
          : of([]),
      [db, key],
    ),
  );
}
