/**
 * What an adviser needs to know about a young person before receiving them at a permanence, in
 * one glance: the last events, the dispositif running (CEJ or PACEA and its phase), the CEJ hours
 * of the week, the propositions still open and the situation of the moment.
 */
import type { Appointment } from '../schemas/appointment';
import type { YouthEvent } from '../schemas/event';
import type { PathwayRecord } from '../schemas/pathway';
import { nowLocal, type Clock, today } from '../time';
import { cejWeekOf, type CejActivity, type CejWeek } from './cej-hours';

export const SUMMARY_EVENT_COUNT = 3;
/** A proposition is open while the young person or the partner has not closed it. */
export const OPEN_PROPOSITION_RESULTS: readonly PathwayRecord['result'][] = [
  'en-attente',
  'acceptee',
];

export interface DossierSummary {
  lastEvents: YouthEvent[];
  dispositif?: {
    programme: NonNullable<PathwayRecord['programme']>;
    label?: string;
    startDate?: string;
    endDate?: string;
    phase?: string;
  };
  cejWeek?: CejWeek;
  openPropositions: PathwayRecord[];
  situation?: PathwayRecord;
  nextAppointment?: Appointment;
}

export interface DossierSummaryInput {
  events: readonly YouthEvent[];
  pathway: readonly PathwayRecord[];
  appointments: readonly Appointment[];
  attendances?: CejActivity['attendances'];
  workshops?: CejActivity['workshops'];
}

/** Events still standing: a correction replaces the event it supersedes. */
export function currentEvents(events: readonly YouthEvent[]): YouthEvent[] {
  const superseded = new Set(events.map((e) => e.supersedes).filter(Boolean));
  return events.filter((e) => !superseded.has(e.id));
}

function runningOn(record: PathwayRecord, day: string): boolean {
  return (record.startDate ?? '') <= day && (!record.endDate || record.endDate >= day);
}

/** Summary of a dossier on the clock's day (`day` overrides it to prepare another day). */
export function summarizeDossier(
  input: DossierSummaryInput,
  clock: Clock,
  day: string = today(clock),
): DossierSummary {
  const events = currentEvents(input.events);
  const lastEvents = [...events]
    .filter((e) => e.at.slice(0, 10) <= day)
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, SUMMARY_EVENT_COUNT);
  const programme = input.pathway
    .filter((p) => p.kind === 'dispositif' && p.programme && runningOn(p, day))
    .sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''))[0];
  const phase = programme?.phases
    ?.filter((p) => p.startDate <= day && (!p.endDate || p.endDate >= day))
    .at(-1)?.label;
  const openPropositions = input.pathway
    .filter((p) => p.kind === 'proposition' && OPEN_PROPOSITION_RESULTS.includes(p.result))
    .sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''));
  const situation = input.pathway
    .filter((p) => p.kind === 'situation' && p.phase === 'en-cours')
    .sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''))[0];
  // The next rendez-vous after the day being prepared (or after now, for a past day).
  const now = nowLocal(clock);
  const after = `${day}T23:59` > now ? `${day}T23:59` : now;
  const nextAppointment = input.appointments
    .filter((a) => a.status === 'planifie' && a.start.slice(0, 16) > after)
    .sort((a, b) => a.start.localeCompare(b.start))[0];
  const cejWeek = cejWeekOf(
    input.pathway,
    {
      events,
      attendances: input.attendances,
      workshops: input.workshops,
      propositions: input.pathway,
    },
    day,
  );
  return {
    lastEvents,
    ...(programme?.programme
      ? {
          dispositif: {
            programme: programme.programme,
            ...(programme.label ? { label: programme.label } : {}),
            ...(programme.startDate ? { startDate: programme.startDate } : {}),
            ...(programme.endDate ? { endDate: programme.endDate } : {}),
            ...(phase ? { phase } : {}),
          },
        }
      : {}),
    ...(cejWeek ? { cejWeek } : {}),
    openPropositions,
    ...(situation ? { situation } : {}),
    ...(nextAppointment ? { nextAppointment } : {}),
  };
}
