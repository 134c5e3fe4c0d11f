/**
 * What may be written of the catalogue of collective actions and of their sessions (issue 15,
 * items 1 and 2): one pure rule per question, called by the forms on the device and by the
 * server on push (sync-server/src/replication/write-rules/workshops.ts), and the dates of a
 * series of sessions. A problem is an error code of errors.ts, so the device and the server say
 * the same French sentence.
 */
import type { ErrorCode } from '../errors';
import type { Role } from '../schemas/staff';
import {
  ACTION_KINDS,
  ACTION_THEMES,
  type ActionKind,
  type ActionTheme,
  type Workshop,
} from '../schemas/workshop';
import {
  addDays,
  addMinutesToDateTime,
  addWeeksToDay,
  dayOf,
  daysBetween,
  nowLocal,
  parseDay,
  today,
  weekdayOf,
  type Clock,
} from '../time';

export const MIN_CAPACITY = 1;
export const MAX_CAPACITY = 500;
/** Sessions of one series, at most: a school year of weekly sessions. */
export const MAX_SERIES_SESSIONS = 52;
export const DEFAULT_SESSION_MINUTES = 120;
export const DEFAULT_SESSION_CAPACITY = 12;

export const THEME_LABELS: Record<ActionTheme, string> = {
  emploi: 'Emploi',
  formation: 'Formation',
  'projet-professionnel': 'Projet professionnel',
  sante: 'Santé',
  logement: 'Logement',
  citoyennete: 'Citoyenneté',
  'loisirs-sport-culture': 'Loisirs-sport-culture',
  mobilite: 'Mobilité',
  numerique: 'Numérique',
};

export const ACTION_KIND_LABELS: Record<ActionKind, string> = {
  atelier: 'Atelier',
  'information-collective': 'Information collective',
  'session-cej': 'Session CEJ',
  'visite-entreprise': 'Visite d’entreprise',
  forum: 'Forum',
  autre: 'Autre',
};

export function isActionTheme(value: unknown): value is ActionTheme {
  return typeof value === 'string' && (ACTION_THEMES as readonly string[]).includes(value);
}

export function isActionKind(value: unknown): value is ActionKind {
  return typeof value === 'string' && (ACTION_KINDS as readonly string[]).includes(value);
}

export function isAction(workshop: Pick<Workshop, 'kind'>): boolean {
  return workshop.kind === 'action';
}

/** The catalogue is kept by the direction and the advisers who run the actions. */
export const CATALOGUE_KEEPERS: readonly Role[] = ['conseiller', 'direction', 'admin'];

export function mayKeepCatalogue(role: Role): boolean {
  return CATALOGUE_KEEPERS.includes(role);
}

/** A catalogue entry: a title, a theme and a kind from the lists. */
export function actionProblem(
  action: Pick<Workshop, 'title' | 'theme' | 'actionKind' | 'defaultCapacity'>,
): ErrorCode | undefined {
  if (!action.title.trim() || !isActionTheme(action.theme) || !isActionKind(action.actionKind))
    return 'ACTION_INVALID';
  if (action.defaultCapacity !== undefined && !capacityIsValid(action.defaultCapacity))
    return 'SESSION_CAPACITY_INVALID';
  return undefined;
}

function capacityIsValid(capacity: number): boolean {
  return Number.isInteger(capacity) && capacity >= MIN_CAPACITY && capacity <= MAX_CAPACITY;
}

export type SessionFields = Pick<
  Workshop,
  'siteId' | 'start' | 'durationMinutes' | 'capacity' | 'signUpDeadline' | 'actionId'
>;

/**
 * The first problem of a session as planned: it needs a site and a start, an end after its start
 * (a positive duration), a capacity of at least one, and a sign-up deadline no later than its day.
 * `actionId` is required of a new session only (`requireAction`): the 935 sessions written
 * before the catalogue have none.
 */
export function sessionProblem(
  session: SessionFields,
  options: { requireAction?: boolean } = {},
): ErrorCode | undefined {
  if (!session.siteId || !session.start || (options.requireAction && !session.actionId))
    return 'SESSION_INCOMPLETE';
  if (session.durationMinutes !== undefined && session.durationMinutes < 1)
    return 'SESSION_END_BEFORE_START';
  if (session.capacity !== undefined && !capacityIsValid(session.capacity))
    return 'SESSION_CAPACITY_INVALID';
  if (session.signUpDeadline && session.signUpDeadline > dayOf(session.start))
    return 'SESSION_DEADLINE_AFTER_START';
  return undefined;
}

/** Minutes from `HH:mm` to `HH:mm` the same day; ≤ 0 when the end is not after the start. */
export function minutesBetween(startTime: string, endTime: string): number {
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return minutes(endTime) - minutes(startTime);
}

/** `YYYY-MM-DDTHH:mm` the session ends. */
export function sessionEnd(session: Pick<Workshop, 'start' | 'durationMinutes'>): string {
  return addMinutesToDateTime(session.start!, session.durationMinutes ?? DEFAULT_SESSION_MINUTES);
}

/** Whether the session has started by the clock's now: then it took place, or it is under way. */
export function sessionStarted(session: Pick<Workshop, 'start'>, clock: Clock): boolean {
  return session.start !== undefined && session.start.slice(0, 16) <= nowLocal(clock);
}

/** A session is cancelled with a reason, and only before it starts. */
export function cancellationProblem(
  session: Pick<Workshop, 'start' | 'cancellationReason'>,
  clock: Clock,
): ErrorCode | undefined {
  if (sessionStarted(session, clock)) return 'SESSION_ALREADY_HELD';
  if (!session.cancellationReason?.trim()) return 'CANCELLATION_REASON_REQUIRED';
  return undefined;
}

export interface SeriesSpec {
  /** The first day the series may start on, `YYYY-MM-DD` (today when absent). */
  from?: string;
  /** ISO weekday: 1 lundi … 7 dimanche. */
  weekday: number;
  /** `HH:mm` */
  time: string;
  /** Number of sessions. */
  count: number;
  /** Weeks between two sessions (1: every week, 2: every other week). */
  everyWeeks?: number;
}

/**
 * The starts of a series: `count` sessions on `weekday` at `time`, `everyWeeks` apart, from the
 * first such day on or after `from` whose start is still to come by the clock (a series asked
 * on a Tuesday at 15 h for « every Tuesday 14 h » starts next Tuesday). Empty for an impossible
 * spec (no such weekday, count out of 1…MAX_SERIES_SESSIONS).
 */
export function seriesStarts(spec: SeriesSpec, clock: Clock): string[] {
  const everyWeeks = spec.everyWeeks ?? 1;
  if (
    !Number.isInteger(spec.weekday) ||
    spec.weekday < 1 ||
    spec.weekday > 7 ||
    !Number.isInteger(spec.count) ||
    spec.count < 1 ||
    spec.count > MAX_SERIES_SESSIONS ||
    !Number.isInteger(everyWeeks) ||
    everyWeeks < 1 ||
    !/^\d{2}:\d{2}$/.test(spec.time)
  )
    return [];
  const earliest = spec.from && spec.from > today(clock) ? spec.from : today(clock);
  if (!parseDay(earliest)) return [];
  let first = addDays(earliest, (spec.weekday - weekdayOf(earliest) + 7) % 7);
  if (`${first}T${spec.time}` <= nowLocal(clock)) first = addDays(first, 7);
  return Array.from(
    { length: spec.count },
    (_, i) => `${addWeeksToDay(first, i * everyWeeks)}T${spec.time}`,
  );
}

/**
 * The sign-up deadline of each session of a series: as many days before its session as the
 * deadline typed for the first one.
 */
export function shiftedDeadline(
  firstStart: string,
  firstDeadline: string,
  sessionStart: string,
): string {
  return addDays(dayOf(sessionStart), -daysBetween(firstDeadline, dayOf(firstStart)));
}

/** Is `staffId` an animateur·rice of the session? (« mes sessions ») */
export function runsSession(
  session: Pick<Workshop, 'facilitatorId' | 'coFacilitatorIds'>,
  staffId: string,
): boolean {
  return session.facilitatorId === staffId || (session.coFacilitatorIds ?? []).includes(staffId);
}
