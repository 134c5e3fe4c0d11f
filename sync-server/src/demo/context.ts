/** What the parts of the demo generator share: the random stream, "today" and document stamps. */
import type { PlainDocument } from '../../../src/domain/merge';
import type { Random } from './random';

export interface DemoContext {
  random: Random;
  /** The last day of the generated activity, `YYYY-MM-DD`. */
  today: string;
}

const DAY_MS = 86_400_000;

// The demo's own day arithmetic: it runs some 300,000 times per demo, and src/domain/time's
// (date-fns on local dates) took a third of the generation time. Days are numbered from the
// epoch (UTC), both ways memoised: the demo handles a few hundred distinct days.
const dayNumbers = new Map<string, number>();
const dayNames = new Map<number, string>();

function dayNumber(day: string): number {
  let number = dayNumbers.get(day);
  if (number === undefined) {
    number = Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
    if (Number.isNaN(number)) throw new RangeError(`not a day: ${day}`);
    dayNumbers.set(day, number);
  }
  return number;
}

function dayName(number: number): string {
  let name = dayNames.get(number);
  if (name === undefined) {
    name = new Date(number * DAY_MS).toISOString().slice(0, 10);
    dayNames.set(number, name);
  }
  return name;
}

/** `day` moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  return dayName(dayNumber(day) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 for Sunday … 6 for Saturday. */
export function weekdayOf(day: string): number {
  // The epoch, day 0, was a Thursday.
  return (((dayNumber(day) + 4) % 7) + 7) % 7;
}

/** Monday of the week of `day`. */
export function mondayOf(day: string): string {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

/** The fields every synced document carries, stamped as if written on `day` by `by`. */
export function stamp(ctx: DemoContext, by: string, day: string): PlainDocument {
  return {
    id: ctx.random.uuid(),
    rev: ctx.random.uuid(),
    updatedAt: `${day}T${String(ctx.random.int(8, 17)).padStart(2, '0')}:${String(ctx.random.int(0, 59)).padStart(2, '0')}:00.000Z`,
    updatedBy: by,
  };
}

/** A day between `from` and `to`, both included (`from` when the range is empty). */
export function dayBetween(ctx: DemoContext, from: string, to: string): string {
  const span = daysBetween(from, to);
  return span <= 0 ? from : addDays(from, ctx.random.int(0, span));
}

/** A working-hours moment on `day`, on the quarter hour. */
export function momentOn(ctx: DemoContext, day: string): string {
  const hour = ctx.random.pick([9, 9, 10, 10, 11, 14, 14, 15, 15, 16]);
  const minute = ctx.random.pick(['00', '15', '30', '45']);
  return `${day}T${String(hour).padStart(2, '0')}:${minute}`;
}

/** Moves a weekend day to the next Monday (permanences are closed on weekends). */
export function workingDay(day: string): string {
  const weekday = weekdayOf(day);
  if (weekday === 6) return addDays(day, 2);
  if (weekday === 0) return addDays(day, 1);
  return day;
}

/**
 * A weekend day moved to the next Monday, or to the Friday before when that Monday is after
 * `last` (so an activity never leaves its year, nor goes past today).
 */
export function workingDayUntil(day: string, last: string): string {
  const monday = workingDay(day);
  if (monday <= last) return monday;
  const friday = addDays(day, weekdayOf(day) === 6 ? -1 : -2);
  return friday;
}
