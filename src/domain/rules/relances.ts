/**
 * Young people at risk of losing contact with the Mission Locale, and where the relances stand.
 * Three signals (issue 4): no contact for 30 / 60 / 90 days (thresholds configurable), two
 * rendez-vous missed in a row, and CEJ hours under the commitment for the last two completed
 * weeks. A relance (an event of kind `relance` with a channel and a follow-up date) puts the
 * young person "en attente" until the follow-up day; a contact afterwards clears the signal
 * by itself, since the rules read the events.
 */
import type { Appointment } from '../schemas/appointment';
import type { YouthEvent } from '../schemas/event';
import type { PathwayRecord } from '../schemas/pathway';
import type { Youth } from '../schemas/youth';
import { addDays, dayOf, daysBetween, nowLocal, startOfWeek, today, type Clock } from '../time';
import { activeCej, activityHoursInWeek, type CejActivity, type CejWeek } from './cej-hours';

export const DEFAULT_SILENCE_THRESHOLDS = [30, 60, 90] as const;
/** Without a follow-up date, a relance is looked at again a week later. */
export const DEFAULT_FOLLOW_UP_DAYS = 7;
/** Dossiers followed for relances: the others are not (or no longer) in accompaniment. */
export const FOLLOWED_STATUSES: readonly Youth['status'][] = ['premier-accueil', 'accompagne'];

export interface RelanceSettings {
  /** Days without contact that raise the signal, ascending (e.g. 30, 60, 90). */
  silenceThresholds: readonly number[];
}

export type RelanceReason =
  | { code: 'silence'; days: number; threshold: number; lastContactOn: string }
  | { code: 'missed-in-a-row'; count: number; lastMissedOn: string }
  | { code: 'cej-hours-short'; weeks: CejWeek[] };

export type RelanceState = 'a-relancer' | 'suivi-du' | 'en-attente';

export interface RelanceAssessment {
  youthId: string;
  reasons: RelanceReason[];
  state: RelanceState;
  lastRelance?: Pick<YouthEvent, 'id' | 'at' | 'channel' | 'followUpOn'>;
  /** Day of the follow-up of the last relance. */
  followUpOn?: string;
  nextAppointment?: Pick<Appointment, 'id' | 'start' | 'siteId'>;
}

export interface RelanceInput {
  youth: Pick<Youth, 'id' | 'status' | 'createdOn'>;
  events: readonly YouthEvent[];
  appointments: readonly Appointment[];
  pathway: readonly PathwayRecord[];
  attendances?: CejActivity['attendances'];
  workshops?: CejActivity['workshops'];
}

/** Thresholds cleaned up: positive whole days, ascending, without duplicates. */
export function normaliseThresholds(thresholds: readonly number[]): number[] {
  const clean = thresholds.filter((t) => Number.isInteger(t) && t > 0 && t <= 3650);
  return [...new Set(clean)].sort((a, b) => a - b);
}

function lastContactDay(input: RelanceInput, onDay: string): string | undefined {
  let last: string | undefined;
  for (const event of input.events) {
    if (event.kind === 'relance') continue;
    const day = dayOf(event.at);
    if (day <= onDay && (!last || day > last)) last = day;
  }
  return last ?? input.youth.createdOn;
}

function silence(input: RelanceInput, onDay: string, settings: RelanceSettings) {
  const lastContactOn = lastContactDay(input, onDay);
  if (!lastContactOn) return undefined;
  const days = daysBetween(lastContactOn, onDay);
  const reached = normaliseThresholds(settings.silenceThresholds).filter((t) => days >= t);
  const threshold = reached[reached.length - 1];
  return threshold === undefined
    ? undefined
    : ({ code: 'silence', days, threshold, lastContactOn } as const);
}

/** Missed rendez-vous counted back from the latest one that had an outcome. */
function missedInARow(input: RelanceInput, now: string) {
  const outcomes = input.appointments
    .filter((a) => a.start.slice(0, 16) <= now && (a.status === 'present' || a.status === 'absent'))
    .sort((a, b) => b.start.localeCompare(a.start));
  let count = 0;
  while (outcomes[count]?.status === 'absent') count += 1;
  return count >= 2
    ? ({ code: 'missed-in-a-row', count, lastMissedOn: dayOf(outcomes[0]!.start) } as const)
    : undefined;
}

/** The two completed weeks before the current one, when the CEJ covered all of both. */
function cejShort(input: RelanceInput, onDay: string) {
  const cej = activeCej(input.pathway, onDay);
  if (!cej) return undefined;
  const thisWeek = startOfWeek(onDay);
  const weeks = [addDays(thisWeek, -14), addDays(thisWeek, -7)];
  if (weeks[0]! < (cej.startDate ?? '')) return undefined;
  const activity: CejActivity = {
    events: input.events,
    attendances: input.attendances,
    workshops: input.workshops,
    propositions: input.pathway,
  };
  const measured = weeks.map((weekStart) => ({
    weekStart,
    hours: activityHoursInWeek(activity, weekStart),
    commitment: cej.weeklyHoursCommitment,
  }));
  return measured.every((w) => w.hours < w.commitment)
    ? ({ code: 'cej-hours-short', weeks: measured } as const)
    : undefined;
}

/**
 * Where one young person stands: undefined when nothing signals a risk (or the dossier is not
 * followed); otherwise the reasons and the state of the relance.
 */
export function assessRelance(
  input: RelanceInput,
  clock: Clock,
  settings: RelanceSettings = { silenceThresholds: DEFAULT_SILENCE_THRESHOLDS },
): RelanceAssessment | undefined {
  if (!FOLLOWED_STATUSES.includes(input.youth.status)) return undefined;
  const onDay = today(clock);
  const now = nowLocal(clock);
  const reasons = [
    silence(input, onDay, settings),
    missedInARow(input, now),
    cejShort(input, onDay),
  ].filter((r): r is RelanceReason => r !== undefined);
  if (reasons.length === 0) return undefined;

  // A relance older than the last contact was answered: the new silence starts a new cycle.
  const lastContactAt = input.events
    .filter((e) => e.kind !== 'relance' && e.at.slice(0, 16) <= now)
    .reduce((latest, e) => (e.at > latest ? e.at : latest), '');
  const lastRelance = input.events
    .filter((e) => e.kind === 'relance' && e.at.slice(0, 16) <= now && e.at > lastContactAt)
    .sort((a, b) => b.at.localeCompare(a.at))[0];
  const followUpOn = lastRelance
    ? (lastRelance.followUpOn ?? addDays(dayOf(lastRelance.at), DEFAULT_FOLLOW_UP_DAYS))
    : undefined;
  const state: RelanceState = !followUpOn
    ? 'a-relancer'
    : followUpOn <= onDay
      ? 'suivi-du'
      : 'en-attente';
  const nextAppointment = input.appointments
    .filter((a) => a.status === 'planifie' && a.start.slice(0, 16) >= now)
    .sort((a, b) => a.start.localeCompare(b.start))[0];
  return {
    youthId: input.youth.id,
    reasons,
    state,
    ...(lastRelance
      ? {
          lastRelance: {
            id: lastRelance.id,
            at: lastRelance.at,
            ...(lastRelance.channel ? { channel: lastRelance.channel } : {}),
            ...(lastRelance.followUpOn ? { followUpOn: lastRelance.followUpOn } : {}),
          },
          followUpOn,
        }
      : {}),
    ...(nextAppointment
      ? {
          nextAppointment: {
            id: nextAppointment.id,
            start: nextAppointment.start,
            siteId: nextAppointment.siteId,
          },
        }
      : {}),
  };
}

function silenceDays(assessment: RelanceAssessment): number {
  const reason = assessment.reasons.find((r) => r.code === 'silence');
  return reason?.code === 'silence' ? reason.days : 0;
}

const STATE_ORDER: Record<RelanceState, number> = {
  'suivi-du': 0,
  'a-relancer': 1,
  'en-attente': 2,
};

/** Work order: follow-ups due first, then the longest silences, then the most signals. */
export function byUrgency(a: RelanceAssessment, b: RelanceAssessment): number {
  return (
    STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
    silenceDays(b) - silenceDays(a) ||
    b.reasons.length - a.reasons.length ||
    a.youthId.localeCompare(b.youthId)
  );
}

/** Default follow-up day of a relance logged today. */
export function defaultFollowUp(clock: Clock): string {
  return addDays(today(clock), DEFAULT_FOLLOW_UP_DAYS);
}
