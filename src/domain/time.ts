/**
 * The only module that imports date-fns. Every rule that depends on "today" takes a Clock, so
 * tests pin the date. Dates of the domain are local calendar strings: `YYYY-MM-DD` for a day,
 * `YYYY-MM-DDTHH:mm` for a moment at a site; `updatedAt` is an ISO instant for display only.
 */
import {
  addDays as addDaysFns,
  addMinutes as addMinutesFns,
  addMonths,
  addWeeks,
  differenceInCalendarDays,
  differenceInHours,
  differenceInYears,
  format,
  formatDistanceStrict,
  getISODay,
  getISOWeek,
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

/**
 * Parses `YYYY-MM-DD` to local midnight; undefined when it is not a real calendar day. Done by
 * hand rather than with date-fns' `parse`, which is about 50 times slower: the portefeuille
 * parses thousands of birth dates when it builds its index.
 */
export function parseDay(day: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const parsed = new Date(2000, month, date);
  parsed.setFullYear(year);
  return parsed.getFullYear() === year && parsed.getMonth() === month && parsed.getDate() === date
    ? parsed
    : undefined;
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

export function addMonthsToDay(day: string, months: number): string {
  const date = parseDay(day);
  if (!date) throw new RangeError(`not a day: ${day}`);
  return toDay(addMonths(date, months));
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

/** "12/03", for the axis of a weekly chart. */
export function formatDayMonth(day: string): string {
  const date = parseDay(day);
  return date ? format(date, 'dd/MM') : day;
}

/** "jeudi 12 mars à 14:30". */
export function formatDateTime(value: string): string {
  const date = parseLocalDateTime(value) ?? new Date(value);
  return isValid(date) ? format(date, "EEEE d MMMM 'à' HH:mm", { locale: fr }) : value;
}

/** "jeudi 12 mars 2026 à 14:30", where the year matters (a file that spans years). */
export function formatDateTimeWithYear(value: string): string {
  const date = parseLocalDateTime(value) ?? new Date(value);
  return isValid(date) ? format(date, "EEEE d MMMM yyyy 'à' HH:mm", { locale: fr }) : value;
}

/** "à l'instant", "il y a 5 minutes", for the time since an instant. */
export function formatSince(instant: Date, clock: Clock): string {
  if (clock.now().getTime() - instant.getTime() < 60_000) return "à l'instant";
  return formatDistanceStrict(instant, clock.now(), { locale: fr, addSuffix: true });
}

// --- Agenda: weekdays, times of day, weeks (French weeks start on Monday) ---

/** French weekday names, index 0 = lundi (ISO weekday 1). */
export const WEEKDAY_NAMES = [
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
] as const;

/** ISO weekday of a day: 1 = lundi … 7 = dimanche. */
export function weekdayOf(day: string): number {
  const date = parseDay(day);
  if (!date) throw new RangeError(`not a day: ${day}`);
  return getISODay(date);
}

/** "lundi" for 1 … "dimanche" for 7. */
export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday - 1] ?? String(weekday);
}

/** ISO week number ("semaine 48"). */
export function isoWeekOf(day: string): number {
  const date = parseDay(day);
  if (!date) throw new RangeError(`not a day: ${day}`);
  return getISOWeek(date);
}

/** The seven days of the week that starts on `weekStart` (a Monday). */
export function daysOfWeek(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
}

/** `YYYY-MM-DD` of a local date-time `YYYY-MM-DDTHH:mm`. */
export function dayOf(localDateTime: string): string {
  return localDateTime.slice(0, 10);
}

/** `HH:mm` of a local date-time `YYYY-MM-DDTHH:mm`. */
export function timeOf(localDateTime: string): string {
  return localDateTime.slice(11, 16);
}

/** Minutes since midnight of `HH:mm`; undefined when it is not a time of day. */
export function minutesOfDay(time: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return undefined;
  return hours * 60 + minutes;
}

/** `HH:mm` of a number of minutes since midnight (0 … 1440). */
export function timeFromMinutes(total: number): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** The local date-time `minutes` later (may cross midnight). */
export function addMinutesToDateTime(localDateTime: string, minutes: number): string {
  const date = parseLocalDateTime(localDateTime);
  if (!date) throw new RangeError(`not a date-time: ${localDateTime}`);
  return toLocalDateTime(addMinutesFns(date, minutes));
}

/** Now as a local date-time `YYYY-MM-DDTHH:mm`. */
export function nowLocal(clock: Clock): string {
  return toLocalDateTime(clock.now());
}

/** "9 h", "12 h 30" for a number of minutes: how French schedules write times and hours. */
function hoursAndMinutes(total: number): string {
  const minutes = total % 60;
  return `${Math.floor(total / 60)} h${minutes ? ` ${String(minutes).padStart(2, '0')}` : ''}`;
}

/** "9 h", "12 h 30" — a time of day `HH:mm`. */
export function formatTimeOfDay(time: string): string {
  const total = minutesOfDay(time);
  return total === undefined ? time : hoursAndMinutes(total);
}

/** "45 min", "1 h 30" — a duration in minutes. */
export function formatDuration(minutes: number): string {
  return minutes < 60 ? `${minutes} min` : hoursAndMinutes(minutes);
}

/** "9 h", "7 h 30" — a number of hours (CEJ weekly hours), to the minute. */
export function formatHours(hours: number): string {
  return hoursAndMinutes(Math.round(hours * 60));
}

/** "mardi 24 novembre". */
export function formatDayHeading(day: string): string {
  const date = parseDay(day);
  return date ? format(date, 'EEEE d MMMM', { locale: fr }) : day;
}

/** "mardi 24 novembre 2026". */
export function formatDayFull(day: string): string {
  const date = parseDay(day);
  return date ? format(date, 'EEEE d MMMM yyyy', { locale: fr }) : day;
}

/** "mar. 24". */
export function formatDayShortHeading(day: string): string {
  const date = parseDay(day);
  return date ? format(date, 'EEE d', { locale: fr }) : day;
}

/** "du 23 au 29 novembre 2026", or across months "du 30 novembre au 6 décembre 2026". */
export function formatWeekRange(weekStart: string): string {
  const from = parseDay(weekStart);
  if (!from) return weekStart;
  const to = addDaysFns(from, 6);
  const sameMonth = from.getMonth() === to.getMonth();
  const sameYear = from.getFullYear() === to.getFullYear();
  const fromText = format(from, sameMonth ? 'd' : sameYear ? 'd MMMM' : 'd MMMM yyyy', {
    locale: fr,
  });
  return `du ${fromText} au ${format(to, 'd MMMM yyyy', { locale: fr })}`;
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

// --- Months and periods (statistics) ---

/** "novembre 2026" for `2026-11`. */
export function formatMonth(month: string): string {
  const date = parseDay(`${month}-01`);
  return date ? format(date, 'MMMM yyyy', { locale: fr }) : month;
}

/** Last day of the month of `day`. */
export function endOfMonthDay(day: string): string {
  return addDays(addMonthsToDay(`${day.slice(0, 7)}-01`, 1), -1);
}

/** "nov." for `2026-11`, under a monthly chart's columns. */
export function formatMonthShort(month: string): string {
  const date = parseDay(`${month}-01`);
  return date ? format(date, 'MMM', { locale: fr }) : month;
}
