/**
 * What is recorded once it happened: an event (entretien, contact…) and the outcome Présent or
 * Absent of a rendez-vous are never dated after today — an entretien dated in the future would
 * show « il y a -2 j », count CEJ hours ahead and take the young person out of the relances.
 * Day granularity, as the event form has always checked: a rendez-vous later today may be
 * marked (the young person came early). Called by the forms on the device and, through its own
 * tolerance for device clocks, by the server on push (sync-server/.../write-rules/happened.ts).
 */
import type { Appointment } from '../schemas/appointment';
import { dayOf, today, type Clock } from '../time';

export type HappenedProblem = 'in-future';

/** Outcomes that say the rendez-vous took place (or was missed): only once its day came. */
export const OUTCOMES_AFTER_THE_FACT: readonly Appointment['status'][] = ['present', 'absent'];

export function eventDateProblem(event: { at: string }, clock: Clock): HappenedProblem | undefined {
  return dayOf(event.at) > today(clock) ? 'in-future' : undefined;
}

export function outcomeDateProblem(
  appointment: Pick<Appointment, 'status' | 'start'>,
  clock: Clock,
): HappenedProblem | undefined {
  if (!OUTCOMES_AFTER_THE_FACT.includes(appointment.status)) return undefined;
  return dayOf(appointment.start) > today(clock) ? 'in-future' : undefined;
}

/** Said by the forms when Présent or Absent is chosen for a day to come. */
export const OUTCOME_IN_FUTURE_TEXT =
  'Ce rendez-vous n’a pas encore eu lieu : Présent ou Absent se notent le jour venu.';
