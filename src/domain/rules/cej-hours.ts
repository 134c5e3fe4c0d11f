/**
 * Hours of activity of a young person in the Contrat d'engagement jeune, week by week (French
 * weeks, Monday to Sunday), against the weekly commitment of their CEJ (15 to 20 hours).
 *
 * Minimal version written for the permanence and the relances (issue 4) while the dossier's
 * `cej.ts` (issue 3) was not on main yet: it counts the duration of the events of the week
 * (a relance is the Mission Locale chasing, not an activity) and the workshops the young person
 * attended that no event already records. Merge the two when both are on main.
 */
import type { Attendance } from '../schemas/attendance';
import type { YouthEvent } from '../schemas/event';
import type { PathwayRecord } from '../schemas/pathway';
import type { Workshop } from '../schemas/workshop';
import { addDays, dayOf, startOfWeek } from '../time';

export interface CejActivity {
  events: readonly Pick<YouthEvent, 'kind' | 'at' | 'durationMinutes' | 'workshopId'>[];
  attendances?: readonly Pick<Attendance, 'workshopId' | 'present' | 'cancelled'>[];
  workshops?: ReadonlyMap<string, Pick<Workshop, 'start' | 'durationMinutes' | 'cancelled'>>;
}

export interface CejWeek {
  /** Monday of the week. */
  weekStart: string;
  hours: number;
  commitment: number;
}

function inWeek(localDateTime: string, weekStart: string): boolean {
  const day = dayOf(localDateTime);
  return day >= weekStart && day <= addDays(weekStart, 6);
}

/** Hours of activity in the week starting on `weekStart`, rounded to the quarter hour. */
export function activityHoursInWeek(activity: CejActivity, weekStart: string): number {
  let minutes = 0;
  const recordedWorkshops = new Set<string>();
  for (const event of activity.events) {
    if (event.workshopId) recordedWorkshops.add(event.workshopId);
    if (event.kind === 'relance' || !inWeek(event.at, weekStart)) continue;
    minutes += event.durationMinutes ?? 0;
  }
  for (const attendance of activity.attendances ?? []) {
    if (attendance.present !== true || attendance.cancelled) continue;
    if (recordedWorkshops.has(attendance.workshopId)) continue;
    const workshop = activity.workshops?.get(attendance.workshopId);
    if (!workshop || workshop.cancelled || !inWeek(workshop.start, weekStart)) continue;
    minutes += workshop.durationMinutes ?? 0;
  }
  return Math.round(minutes / 15) / 4;
}

/** The CEJ running on `day`, if any (the latest started when records overlap). */
export function activeCej(
  pathway: readonly PathwayRecord[],
  day: string,
): (PathwayRecord & { weeklyHoursCommitment: number }) | undefined {
  return pathway
    .filter(
      (p): p is PathwayRecord & { weeklyHoursCommitment: number } =>
        p.kind === 'dispositif' &&
        p.programme === 'CEJ' &&
        typeof p.weeklyHoursCommitment === 'number' &&
        (p.startDate ?? '') <= day &&
        (!p.endDate || p.endDate >= day),
    )
    .sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''))[0];
}

/** The CEJ hours of the week containing `day`, or undefined without a CEJ running that day. */
export function cejWeekOf(
  pathway: readonly PathwayRecord[],
  activity: CejActivity,
  day: string,
): CejWeek | undefined {
  const cej = activeCej(pathway, day);
  if (!cej) return undefined;
  const weekStart = startOfWeek(day);
  return {
    weekStart,
    hours: activityHoursInWeek(activity, weekStart),
    commitment: cej.weeklyHoursCommitment,
  };
}
