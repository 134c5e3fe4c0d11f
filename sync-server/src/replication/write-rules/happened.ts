/**
 * What is recorded once it happened (src/domain/rules/happened.ts, the forms' rule): a new event,
 * and a rendez-vous marked Présent or Absent, are refused when dated on a day to come. The
 * server's clock decides, with DEVICE_CLOCK_TOLERANCE_MS of room: a device's « today » may be
 * ahead of the server's (a server kept in UTC, a device clock a little fast), and a row refused
 * wrongly would be worse than one day's leeway the device's own form already does not allow.
 * Only a change is checked — a new row, or an outcome or a start that changed — so a stored
 * row written before this rule never blocks an unrelated edit.
 */
import type { Appointment } from '../../../../src/domain/schemas/appointment';
import {
  eventDateProblem,
  outcomeDateProblem,
  OUTCOMES_AFTER_THE_FACT,
} from '../../../../src/domain/rules/happened';
import { fixedClock } from '../../../../src/domain/time';
import type { WriteRule } from './rule';

export const DEVICE_CLOCK_TOLERANCE_MS = 12 * 60 * 60 * 1000;

function lenientClock(now: Date) {
  return fixedClock(new Date(now.getTime() + DEVICE_CLOCK_TOLERANCE_MS));
}

/** Events are append-only: only a new one is dated (appendOnly handles the rest). */
export const eventHappened: WriteRule = ({ stored, incoming, now }) => {
  if (stored || incoming._deleted === true || typeof incoming.at !== 'string') return undefined;
  return eventDateProblem({ at: incoming.at }, lenientClock(now)) ? 'NOT_HAPPENED_YET' : undefined;
};

export const outcomeHappened: WriteRule = ({ from, incoming, now }) => {
  if (incoming._deleted === true) return undefined;
  const status = incoming.status as Appointment['status'];
  const start = incoming.start as string;
  if (!OUTCOMES_AFTER_THE_FACT.includes(status)) return undefined;
  if (from && !from._deleted && from.status === status && from.start === start) return undefined;
  return outcomeDateProblem({ status, start }, lenientClock(now)) ? 'NOT_HAPPENED_YET' : undefined;
};
