/**
 * The day of a permanence: its rendez-vous and, for each young person, the summary of their
 * dossier (from their activity: events, parcours, other rendez-vous, workshops attended), read
 * from the device and kept live. A sync the day before is enough for the whole day to work offline.
 */
import { useCallback } from 'react';
import { combineLatest, map, startWith, switchMap } from 'rxjs';
import { useDatabase } from '../../app/DatabaseProvider';
import { useLiveQuery } from '../../db/useLiveQuery';
import { byStart } from '../../domain/rules/appointments';
import { summarizeDossier, type DossierSummary } from '../../domain/rules/dossier-summary';
import type { Appointment } from '../../domain/schemas/appointment';
import type { Youth } from '../../domain/schemas/youth';
import { addDays, type Clock } from '../../domain/time';
import { activityOf, youthActivity$ } from '../shared/youthActivity';

export interface PermanenceDay {
  appointments: Appointment[];
  youths: ReadonlyMap<string, Youth>;
  summaries: ReadonlyMap<string, DossierSummary>;
}

export function usePermanenceDay(siteId: string | undefined, day: string, clock: Clock) {
  const db = useDatabase();
  return useLiveQuery<PermanenceDay>(
    useCallback(() => {
      if (!siteId) return undefined;
      return db.appointments
        .find({ selector: { siteId, start: { $gte: day, $lt: addDays(day, 1) } } })
        .$.pipe(
          map((docs) => docs.map((d) => d.toJSON() as Appointment).sort(byStart)),
          switchMap((appointments) => {
            const ids = [...new Set(appointments.map((a) => a.youthId))];
            // Names first, summaries when their documents are read: the day shows at once
            // even while a sync is writing to the database.
            const summaries$ = youthActivity$(db, ids).pipe(
              map(
                (activity) =>
                  new Map(
                    ids.map((id) => [id, summarizeDossier(activityOf(activity, id), clock, day)]),
                  ),
              ),
              startWith(new Map<string, DossierSummary>()),
            );
            return combineLatest([db.youths.findByIds(ids).$, summaries$]).pipe(
              map(([youthDocs, summaries]) => ({
                appointments,
                youths: new Map([...youthDocs].map(([id, d]) => [id, d.toJSON() as Youth])),
                summaries,
              })),
            );
          }),
        );
    }, [db, siteId, day, clock]),
  );
}
