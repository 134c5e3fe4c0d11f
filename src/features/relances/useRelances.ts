/**
 * The relance list, live: the dossiers followed (mine, a site's, or all those on the device),
 * assessed by the domain's relance rules against their events, rendez-vous and parcours.
 */
import { useCallback } from 'react';
import { combineLatest, map, of, switchMap } from 'rxjs';
import { useDatabase } from '../../app/DatabaseProvider';
import { useLiveQuery } from '../../db/useLiveQuery';
import {
  assessRelance,
  byUrgency,
  FOLLOWED_STATUSES,
  type RelanceAssessment,
} from '../../domain/rules/relances';
import type { Appointment } from '../../domain/schemas/appointment';
import type { Attendance } from '../../domain/schemas/attendance';
import type { YouthEvent } from '../../domain/schemas/event';
import type { PathwayRecord } from '../../domain/schemas/pathway';
import type { Workshop } from '../../domain/schemas/workshop';
import type { Youth } from '../../domain/schemas/youth';
import type { Clock } from '../../domain/time';

/** Whose dossiers: the user's own (référent), one site's, or every dossier on the device. */
export type RelanceScope =
  { kind: 'mine'; userId: string } | { kind: 'site'; siteId: string } | { kind: 'all' };

export interface RelanceList {
  assessments: RelanceAssessment[];
  youths: ReadonlyMap<string, Youth>;
  /** Dossiers looked at. */
  followed: number;
}

function groupBy<T extends { youthId?: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    if (!item.youthId) continue;
    const list = groups.get(item.youthId);
    if (list) list.push(item);
    else groups.set(item.youthId, [item]);
  }
  return groups;
}

function plain<T>(docs: { toJSON(): unknown }[]): T[] {
  return docs.map((d) => d.toJSON() as T);
}

export function useRelances(scope: RelanceScope, thresholds: readonly number[], clock: Clock) {
  const db = useDatabase();
  const scopeKey = scope.kind === 'mine' ? scope.userId : scope.kind === 'site' ? scope.siteId : '';
  const thresholdKey = thresholds.join(',');
  return useLiveQuery<RelanceList>(
    useCallback(() => {
      const silenceThresholds = thresholdKey.split(',').map(Number);
      const selector: Record<string, unknown> = {
        status: { $in: [...FOLLOWED_STATUSES] },
        mergedInto: { $exists: false },
        ...(scope.kind === 'mine' ? { referentId: scopeKey } : {}),
        ...(scope.kind === 'site' ? { siteId: scopeKey } : {}),
      };
      return db.youths.find({ selector }).$.pipe(
        map((docs) => plain<Youth>(docs)),
        switchMap((youths) => {
          const ids = youths.map((y) => y.id);
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
          return combineLatest([
            db.events.find(byYouth).$.pipe(map((d) => groupBy(plain<YouthEvent>(d)))),
            db.appointments.find(byYouth).$.pipe(map((d) => groupBy(plain<Appointment>(d)))),
            db.pathway.find(byYouth).$.pipe(map((d) => groupBy(plain<PathwayRecord>(d)))),
            attendances$.pipe(map(groupBy)),
            workshops$,
          ]).pipe(
            map(([events, appointments, pathway, attendances, workshops]) => ({
              followed: youths.length,
              youths: new Map(youths.map((y) => [y.id, y])),
              assessments: youths
                .map((youth) =>
                  assessRelance(
                    {
                      youth,
                      events: events.get(youth.id) ?? [],
                      appointments: appointments.get(youth.id) ?? [],
                      pathway: pathway.get(youth.id) ?? [],
                      attendances: attendances.get(youth.id) ?? [],
                      workshops,
                    },
                    clock,
                    { silenceThresholds },
                  ),
                )
                .filter((a): a is RelanceAssessment => a !== undefined)
                .sort(byUrgency),
            })),
          );
        }),
      );
    }, [db, scope.kind, scopeKey, thresholdKey, clock]),
  );
}
