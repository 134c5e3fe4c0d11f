/**
 * CEJ hours of one week for the permanence and the relances (issue 4): the API they use, over
 * the single computation of the weekly hours and their weights in `cej.ts`, so the relance list,
 * the permanence card and the dossier's chart always agree.
 */
import type { YouthEvent } from '../schemas/event';
import type { CejWeekHours, PathwayRecord } from '../schemas/pathway';
import type { Workshop } from '../schemas/workshop';
import { addDays, fixedClock, parseDay, startOfWeek } from '../time';
import { cejWeeklyActivity, type CejAttendance } from './cej';

export interface CejActivity {
  events: readonly (Pick<YouthEvent, 'kind' | 'at' | 'durationMinutes' | 'workshopId'> &
    Partial<Pick<YouthEvent, 'id' | 'supersedes'>>)[];
  attendances?: readonly CejAttendance[];
  workshops?: ReadonlyMap<string, Pick<Workshop, 'start' | 'durationMinutes' | 'cancelled'>>;
  /** The parcours: its propositions count too (cej.ts); other records are ignored. */
  propositions?: readonly PathwayRecord[];
}

export interface CejWeek {
  /** Monday of the week. */
  weekStart: string;
  hours: number;
  commitment: number;
}

/** Hours of activity in the week starting on `weekStart`, rounded to the quarter hour. */
export function activityHoursInWeek(activity: CejActivity, weekStart: string): number {
  const weekEnd = addDays(weekStart, 6);
  const [week] = cejWeeklyActivity(
    { startDate: weekStart, endDate: weekEnd },
    {
      events: activity.events.map((event, index) => ({ ...event, id: event.id ?? `#${index}` })),
      propositions: activity.propositions ?? [],
      attendances: activity.attendances ?? [],
      workshops: [...(activity.workshops ?? new Map()).entries()].map(([id, w]) => ({ id, ...w })),
    },
    // The whole week counts, whatever today is.
    fixedClock(parseDay(weekEnd) ?? new Date()),
  );
  return Math.round((week?.hours ?? 0) * 4) / 4;
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

/**
 * The CEJ's declared and validated hours with `week` recorded: the same week is replaced, the
 * weeks stay in order. `weekStart` is taken back to its Monday.
 */
export function withCejWeek(
  weeks: readonly CejWeekHours[] | undefined,
  week: CejWeekHours,
): CejWeekHours[] {
  const monday = startOfWeek(week.weekStart);
  return [
    ...(weeks ?? []).filter((w) => w.weekStart !== monday),
    { ...week, weekStart: monday },
  ].sort((a, b) => a.weekStart.localeCompare(b.weekStart));
}
