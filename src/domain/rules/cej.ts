/**
 * The weekly activity counter of a CEJ, against its 15–20 h/week commitment, computed from what
 * the dossier already records. The hour weights, shown to the adviser under the chart:
 *
 * - Événement: its recorded duration; without one, DEFAULT_EVENT_MINUTES of its kind. A relance
 *   counts nothing (the adviser's attempt, not the young person's activity). A corrected event
 *   counts through its correction only.
 * - Atelier / information collective: the session's duration (2 h when unknown) when the young
 *   person's attendance is « réalisé » (the émargement: present). An event of kind atelier that names a workshop
 *   already counted by émargement is not counted a second time.
 * - Proposition: PROPOSITION_STEP_HOURS (1 h: candidature, mise en relation) in the week it was
 *   made, unless the young person refused it. Once acceptée or réalisée, a proposition that is a
 *   period of activity (PMSMP, formation, alternance, emploi, contrat aidé) with dates counts
 *   PERIOD_HOURS_PER_WORKING_DAY (4 h, i.e. 20 h a full week) for each weekday of the period.
 *
 * Only days inside the CEJ and not after today count. Weeks run Monday to Sunday.
 */
import type { Attendance } from '../schemas/attendance';
import type { EventKind, YouthEvent } from '../schemas/event';
import type { PathwayRecord } from '../schemas/pathway';
import type { Workshop } from '../schemas/workshop';
import {
  addDays,
  addWeeksToDay,
  parseLocalDateTime,
  startOfWeek,
  today,
  toDay,
  weekdayOf,
  type Clock,
} from '../time';
import { isAttended, type StatusFields } from './attendance';
import { CEJ_MIN_WEEKLY_HOURS } from './dispositif';

export const DEFAULT_EVENT_MINUTES: Record<EventKind, number> = {
  'entretien-individuel': 45,
  'entretien-partenaire': 45,
  'activites-exterieures': 120,
  prestation: 120,
  'contact-telephonique': 15,
  visite: 60,
  atelier: 120,
  'information-collective': 120,
  mediation: 60,
  relance: 0,
  autre: 30,
};

export const DEFAULT_WORKSHOP_MINUTES = 120;
export const PROPOSITION_STEP_HOURS = 1;
export const PERIOD_HOURS_PER_WORKING_DAY = 4;
/** Propositions whose acceptance starts a period of activity counted day by day. */
export const PERIOD_PROPOSITION_TYPES = [
  'pmsmp',
  'formation',
  'alternance',
  'offre-emploi',
  'contrat-aide',
] as const;

export type CejEvent = Pick<
  YouthEvent,
  'id' | 'kind' | 'at' | 'durationMinutes' | 'supersedes' | 'workshopId'
>;
export type CejProposition = Pick<
  PathwayRecord,
  'kind' | 'propositionType' | 'result' | 'startDate' | 'endDate'
>;
/** An attendance counts once réalisé (attendance.ts; a v0 record by its flags). */
export type CejAttendance = Pick<Attendance, 'workshopId'> & StatusFields;
export type CejWorkshop = Pick<Workshop, 'id' | 'start' | 'durationMinutes' | 'cancelled'>;

export interface CejSources {
  events: readonly CejEvent[];
  propositions: readonly CejProposition[];
  attendances: readonly CejAttendance[];
  workshops: readonly CejWorkshop[];
}

export interface CejWeek {
  /** Monday of the week. */
  weekStart: string;
  /** Total hours, and their split by source. */
  hours: number;
  events: number;
  ateliers: number;
  propositions: number;
  /** The week of today: still filling up. */
  current: boolean;
  /** Hours reached the commitment. */
  met: boolean;
}

export interface CejPeriod {
  startDate?: string;
  endDate?: string;
  weeklyHoursCommitment?: number;
}

/** The weekly commitment of a CEJ (15 h when the record does not say). */
export function commitmentOf(cej: CejPeriod): number {
  return cej.weeklyHoursCommitment ?? CEJ_MIN_WEEKLY_HOURS;
}

/** Events that a later event supersedes drop out: the correction replaces them. */
export function currentEvents<T extends Pick<YouthEvent, 'id' | 'supersedes'>>(
  events: readonly T[],
): T[] {
  const superseded = new Set(events.map((e) => e.supersedes).filter(Boolean));
  return events.filter((e) => !superseded.has(e.id));
}

function dayOf(moment: string): string | undefined {
  const date = parseLocalDateTime(moment);
  return date ? toDay(date) : undefined;
}

type Source = 'events' | 'ateliers' | 'propositions';

/** Hours of CEJ activity per week, from the first week of the CEJ to the current one. */
export function cejWeeklyActivity(cej: CejPeriod, sources: CejSources, clock: Clock): CejWeek[] {
  if (!cej.startDate) return [];
  const todayDay = today(clock);
  const lastDay = cej.endDate && cej.endDate < todayDay ? cej.endDate : todayDay;
  if (lastDay < cej.startDate) return [];
  const commitment = commitmentOf(cej);
  const weeks = new Map<string, CejWeek>();
  for (let week = startOfWeek(cej.startDate); week <= lastDay; week = addWeeksToDay(week, 1)) {
    weeks.set(week, {
      weekStart: week,
      hours: 0,
      events: 0,
      ateliers: 0,
      propositions: 0,
      current: week === startOfWeek(todayDay),
      met: false,
    });
  }
  const add = (day: string | undefined, source: Source, hours: number) => {
    if (!day || hours <= 0 || day < cej.startDate! || day > lastDay) return;
    const week = weeks.get(startOfWeek(day));
    if (!week) return;
    week[source] += hours;
    week.hours += hours;
  };

  const countedWorkshops = new Set<string>();
  const workshops = new Map(sources.workshops.map((w) => [w.id, w]));
  for (const attendance of sources.attendances) {
    const workshop = workshops.get(attendance.workshopId);
    // A catalogue entry has no start: only a session is attended.
    if (!workshop?.start || !isAttended(attendance) || workshop.cancelled) continue;
    countedWorkshops.add(workshop.id);
    add(
      dayOf(workshop.start),
      'ateliers',
      (workshop.durationMinutes ?? DEFAULT_WORKSHOP_MINUTES) / 60,
    );
  }

  for (const event of currentEvents(sources.events)) {
    if (event.workshopId && countedWorkshops.has(event.workshopId)) continue;
    const minutes =
      event.kind === 'relance' ? 0 : (event.durationMinutes ?? DEFAULT_EVENT_MINUTES[event.kind]);
    add(dayOf(event.at), 'events', minutes / 60);
  }

  for (const proposition of sources.propositions) {
    if (proposition.kind !== 'proposition' || !proposition.startDate) continue;
    if (proposition.result !== 'refusee-jeune') {
      add(proposition.startDate, 'propositions', PROPOSITION_STEP_HOURS);
    }
    const isPeriod = (PERIOD_PROPOSITION_TYPES as readonly string[]).includes(
      proposition.propositionType ?? '',
    );
    const underway = proposition.result === 'acceptee' || proposition.result === 'realisee';
    if (!isPeriod || !underway || !proposition.endDate) continue;
    const from = proposition.startDate < cej.startDate ? cej.startDate : proposition.startDate;
    for (let day = from; day <= proposition.endDate; day = addDays(day, 1)) {
      if (day > lastDay) break;
      if (weekdayOf(day) <= 5) add(day, 'propositions', PERIOD_HOURS_PER_WORKING_DAY);
    }
  }

  const result = [...weeks.values()];
  for (const week of result) {
    week.hours = Math.round(week.hours * 100) / 100;
    week.met = week.hours >= commitment;
  }
  return result;
}

export interface CejSummary {
  weeks: number;
  weeksMet: number;
  /** Average over the completed weeks (the current one is still filling up). */
  averageHours: number;
}

export function summariseCejWeeks(weeks: readonly CejWeek[]): CejSummary {
  const completed = weeks.filter((w) => !w.current);
  const total = completed.reduce((sum, w) => sum + w.hours, 0);
  return {
    weeks: completed.length,
    weeksMet: completed.filter((w) => w.met).length,
    averageHours: completed.length > 0 ? Math.round((total / completed.length) * 10) / 10 : 0,
  };
}
