/**
 * The day of a permanence: its rendez-vous and, for each young person, everything the summary
 * needs (events, parcours, other rendez-vous, workshops attended), read from the device and kept
 * live. A sync the day before is enough for the whole day to work offline.
 */
import { useCallback } from 'react';
import { combineLatest, map, of, startWith, switchMap } from 'rxjs';
import { useDatabase } from '../../app/DatabaseProvider';
import { useLiveQuery } from '../../db/useLiveQuery';
import { byStart } from '../../domain/rules/appointments';
import { summarizeDossier, type DossierSummary } from '../../domain/rules/dossier-summary';
import type { Appointment } from '../../domain/schemas/appointment';
import type { Attendance } from '../../domain/schemas/attendance';
import type { YouthEvent } from '../../domain/schemas/event';
import type { PathwayRecord } from '../../domain/schemas/pathway';
import type { Workshop } from '../../domain/schemas/workshop';
import type { Youth } from '../../domain/schemas/youth';
import { addDays, type Clock } from '../../domain/time';

export interface PermanenceDay {
  appointments: Appointment[];
  youths: ReadonlyMap<string, Youth>;
  summaries: ReadonlyMap<string, DossierSummary>;
}

function groupBy<T extends { youthId?: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    if (!item.youthId) continue;
    groups.set(item.youthId, [...(groups.get(item.youthId) ?? []), item]);
  }
  return groups;
}

export function usePermanenceDay(siteId: string | undefined, day: string, clock: Clock) {
  const db = useDatabase();
  return useLiveQuery<PermanenceDay>(
    useCallback(() => {
      if (!siteId) return undefined;
      const plain = <T>(docs: { toJSON(): unknown }[]) => docs.map((d) => d.toJSON() as T);
      return db.appointments
        .find({ selector: { siteId, start: { $gte: day, $lt: addDays(day, 1) } } })
        .$.pipe(
          map((docs) => plain<Appointment>(docs).sort(byStart)),
          switchMap((appointments) => {
            const ids = [...new Set(appointments.map((a) => a.youthId))];
            const byYouth = { selector: { youthId: { $in: ids } } };
            const attendances$ = db.attendances
              .find(byYouth)
              .$.pipe(map((d) => plain<Attendance>(d)));
            const workshops$ = attendances$.pipe(
              switchMap((list) =>
                list.length === 0
                  ? of(new Map<string, Workshop>())
                  : db.workshops
                      .findByIds([...new Set(list.map((a) => a.workshopId))])
                      .$.pipe(
                        map(
                          (found) =>
                            new Map([...found].map(([id, d]) => [id, d.toJSON() as Workshop])),
                        ),
                      ),
              ),
            );
            // Names first, summaries when their documents are read: the day shows at once
            // even while a sync is writing to the database.
            const summaries$ = combineLatest([
              db.events.find(byYouth).$.pipe(map((d) => groupBy(plain<YouthEvent>(d)))),
              db.pathway.find(byYouth).$.pipe(map((d) => groupBy(plain<PathwayRecord>(d)))),
              db.appointments.find(byYouth).$.pipe(map((d) => groupBy(plain<Appointment>(d)))),
              attendances$.pipe(map(groupBy)),
              workshops$,
            ]).pipe(
              map(
                ([events, pathway, others, attendances, workshops]) =>
                  new Map(
                    ids.map((id) => [
                      id,
                      summarizeDossier(
                        {
                          events: events.get(id) ?? [],
                          pathway: pathway.get(id) ?? [],
                          appointments: others.get(id) ?? [],
                          attendances: attendances.get(id) ?? [],
                          workshops,
                        },
                        clock,
                        day,
                      ),
                    ]),
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
