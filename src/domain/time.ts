/**
 * The only module that imports date-fns. Every rule that depends on "today" takes a Clock, so
 * tests pin the date. Dates of the domain are local calendar strings: `YYYY-MM-DD` for a day,
 * `YYYY-MM-DDTHH:mm` for a moment at a site; `updatedAt` is an ISO instant for display only.
 */
import {
  addDays as addDaysFns,
  addWeeks,
  differenceInCalendarDays,
  differenceInHours,
  differenceInYears,
  format,
  formatDistanceStrict,
  isValid,
  parse,
  startOfWeek as startOfWeekFns,
} from 'date-fns';
import { fr } from 'date-fns/locale';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at the given instant (tests, demo generation). */
export function fixedClock(at: string | Date): Clock {
  const date = typeof at === 'string' ? new Date(at) : at;
  return { now: () => new Date(date.getTime()) };
}

const DAY_FORMAT = 'yyyy-MM-dd';
const LOCAL_DATE_TIME_FORMAT = "yyyy-MM-dd'T'HH:mm";

/** `YYYY-MM-DD` of a date in local time. */
export function toDay(date: Date): string {
  return format(date, DAY_FORMAT);
}

/** `YYYY-MM-DDTHH:mm` of a date in local time. */
export function toLocalDateTime(date: Date): string {
  return format(date, LOCAL_DATE_TIME_FORMAT);
}

export function today(clock: Clock): string {
  return toDay(clock.now());
}

/** Parses `YYYY-MM-DD`; undefined when it is not a real calendar day. */
export function parseDay(day: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = parse(day, DAY_FORMAT, new Date(2000, 0, 1));
  return isValid(date) ? date : undefined;
}

export function parseLocalDateTime(value: string): Date | undefined {
  const date = parse(value.slice(0, 16), LOCAL_DATE_TIME_FORMAT, new Date(2000, 0, 1));
  return isValid(date) ? date : undefined;
}

export function addDays(day: string, days: number): string {
  const date = parseDay(day);
  if (!date) throw new RangeError(`not a day: ${day}`);
  return toDay(addDaysFns(date, days));
}

export function daysBetween(fromDay: string, toDayValue: string): number {
  const from = parseDay(fromDay);
  const to = parseDay(toDayValue);
  if (!from || !to) throw new RangeError(`not a day: ${fromDay} / ${toDayValue}`);
  return differenceInCalendarDays(to, from);
}

/** Monday of the week of `day` (French weeks start on Monday). */
export function startOfWeek(day: string): string {
  const date = parseDay(day);
  if (!date) throw new RangeError(`not a day: ${day}`);
  return toDay(startOfWeekFns(date, { weekStartsOn: 1 }));
}

export function addWeeksToDay(day: string, weeks: number): string {
  const date = parseDay(day);
  if (!date) throw new RangeError(`not a day: ${day}`);
  return toDay(addWeeks(date, weeks));
}

/** Completed years between a birth day and a day. */
export function yearsBetween(birthDay: string, onDay: string): number {
  const birth = parseDay(birthDay);
  const on = parseDay(onDay);
  if (!birth || !on) throw new RangeError(`not a day: ${birthDay} / ${onDay}`);
  return differenceInYears(on, birth);
}

/** "12 mars 2026". */
export function formatDayLong(day: string): string {
  const date = parseDay(day);
  return date ? format(date, 'd MMMM yyyy', { locale: fr }) : day;
}

/** "12/03/2026". */
export function formatDayShort(day: string): string {
  const date = parseDay(day);
  return date ? format(date, 'dd/MM/yyyy') : day;
}

/** "jeudi 12 mars à 14:30". */
export function formatDateTime(value: string): string {
  const date = parseLocalDateTime(value) ?? new Date(value);
  return isValid(date) ? format(date, "EEEE d MMMM 'à' HH:mm", { locale: fr }) : value;
}

/** "à l'instant", "il y a 5 minutes", for the time since an instant. */
export function formatSince(instant: Date, clock: Clock): string {
  if (clock.now().getTime() - instant.getTime() < 60_000) return "à l'instant";
  return formatDistanceStrict(instant, clock.now(), { locale: fr, addSuffix: true });
}

/** Whole hours from an ISO instant to now (0 for an instant in the future). */
export function hoursSince(instant: string, clock: Clock): number {
  const date = new Date(instant);
  if (!isValid(date)) return 0;
  return Math.max(0, differenceInHours(clock.now(), date));
}

/** "26/11/2026 à 14:05" for an ISO instant, in local time. */
export function formatInstant(instant: string): string {
  const date = new Date(instant);
  return isValid(date) ? format(date, "dd/MM/yyyy 'à' HH:mm") : instant;
}
