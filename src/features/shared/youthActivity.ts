/**
 * What the domain's rules read of some young people's activity, live from the device: their
 * events, parcours, rendez-vous and émargements grouped by young person, and the sessions those
 * émargements name. The permanence's dossier summaries and the relance list both read it.
 */
import { combineLatest, map, of, switchMap, type Observable } from 'rxjs';
import type { RelaisDatabase } from '../../db/database';
import type { Appointment } from '../../domain/schemas/appointment';
import type { Attendance } from '../../domain/schemas/attendance';
import type { YouthEvent } from '../../domain/schemas/event';
import type { PathwayRecord } from '../../domain/schemas/pathway';
import type { Workshop } from '../../domain/schemas/workshop';

export interface YouthActivity {
  events: ReadonlyMap<string, YouthEvent[]>;
  pathway: ReadonlyMap<string, PathwayRecord[]>;
  appointments: ReadonlyMap<string, Appointment[]>;
  attendances: ReadonlyMap<string, Attendance[]>;
  /** The sessions of every émargement read, by id. */
  workshops: ReadonlyMap<string, Workshop>;
}

function plain<T>(docs: { toJSON(): unknown }[]): T[] {
  return docs.map((d) => d.toJSON() as T);
}

function groupByYouth<T extends { youthId?: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    if (!item.youthId) continue;
    const list = groups.get(item.youthId);
    if (list) list.push(item);
    else groups.set(item.youthId, [item]);
  }
  return groups;
}

export function youthActivity$(
  db: RelaisDatabase,
  youthIds: readonly string[],
): Observable<YouthActivity> {
  const byYouth = { selector: { youthId: { $in: [...youthIds] } } };
  const attendances$ = db.attendances.find(byYouth).$.pipe(map((d) => plain<Attendance>(d)));
  const workshops$ = attendances$.pipe(
    switchMap((list) =>
      list.length === 0
        ? of(new Map<string, Workshop>())
        : db.workshops
            .findByIds([...new Set(list.map((a) => a.workshopId))])
            .$.pipe(
              map((found) => new Map([...found].map(([id, d]) => [id, d.toJSON() as Workshop]))),
            ),
    ),
  );
  return combineLatest([
    db.events.find(byYouth).$.pipe(map((d) => groupByYouth(plain<YouthEvent>(d)))),
    db.pathway.find(byYouth).$.pipe(map((d) => groupByYouth(plain<PathwayRecord>(d)))),
    db.appointments.find(byYouth).$.pipe(map((d) => groupByYouth(plain<Appointment>(d)))),
    attendances$.pipe(map(groupByYouth)),
    workshops$,
  ]).pipe(
    map(([events, pathway, appointments, attendances, workshops]) => ({
      events,
      pathway,
      appointments,
      attendances,
      workshops,
    })),
  );
}

/** One young person's activity, in the shape summarizeDossier and assessRelance take. */
export function activityOf(activity: YouthActivity, youthId: string) {
  return {
    events: activity.events.get(youthId) ?? [],
    pathway: activity.pathway.get(youthId) ?? [],
    appointments: activity.appointments.get(youthId) ?? [],
    attendances: activity.attendances.get(youthId) ?? [],
    workshops: activity.workshops,
  };
}
