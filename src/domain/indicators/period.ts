/**
 * The period of a statistics report: two calendar days, both included. Presets for a year, a
 * quarter and a month; the check the server and the screen share (a bad period is a 400).
 */
import { RelaisError } from '../errors';
import { addMonthsToDay, daysBetween, endOfMonthDay, parseDay } from '../time';

export interface Period {
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, included. */
  to: string;
}

/** A year at most: what a funder asks for, and what the server computes in about a second. */
export const MAX_PERIOD_DAYS = 366;

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Quarter 1–4 of a year. */
export function quarterPeriod(year: number, quarter: number): Period {
  const from = addMonthsToDay(`${year}-01-01`, (quarter - 1) * 3);
  return { from, to: endOfMonthDay(addMonthsToDay(from, 2)) };
}

/** The month `YYYY-MM`. */
export function monthPeriod(month: string): Period {
  return { from: `${month}-01`, to: endOfMonthDay(`${month}-01`) };
}

/** The day of a day or a local date-time, or undefined. */
export function dayOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length >= 10 ? value.slice(0, 10) : undefined;
}

export function inPeriod(value: unknown, period: Period): boolean {
  const day = dayOf(value);
  return day !== undefined && day >= period.from && day <= period.to;
}

/** The months `YYYY-MM` the period touches, in order. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  for (let day = `${period.from.slice(0, 7)}-01`; day <= period.to; day = addMonthsToDay(day, 1)) {
    months.push(day.slice(0, 7));
  }
  return months;
}

/** The period asked for, checked; throws VALIDATION_FAILED (400) with a French message. */
export function checkPeriod(from: unknown, to: unknown): Period {
  const start = typeof from === 'string' ? from : '';
  const end = typeof to === 'string' ? to : '';
  if (!parseDay(start) || !parseDay(end)) {
    throw new RelaisError('VALIDATION_FAILED', 'Indiquez la période : du … au … (AAAA-MM-JJ).');
  }
  if (end < start) {
    throw new RelaisError('VALIDATION_FAILED', 'La fin de la période précède son début.');
  }
  if (daysBetween(start, end) >= MAX_PERIOD_DAYS) {
    throw new RelaisError('VALIDATION_FAILED', 'Une période d’un an au plus.');
  }
  return { from: start, to: end };
}
