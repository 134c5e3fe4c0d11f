/**
 * Opening schedules of the sites, as the siège writes them: "mardi 9 h–12 h 30 et 13 h 30–17 h,
 * jeudi 14 h–17 h", "du lundi au vendredi 8 h 30–12 h 45". The text is parsed into weekly slots
 * (`{weekday, start, end}`, weekday 1 = lundi) and formatted back the same way, so the form can
 * show what it understood. Dated exceptions (a closed day, closed hours, an extra opening) are
 * applied by `openingsOn`, which every check of the agenda uses.
 */
import type { Site } from '../schemas/site';
import { foldAccents } from '../text';
import {
  addMinutesToDateTime,
  dayOf,
  formatTimeOfDay,
  minutesOfDay,
  timeFromMinutes,
  timeOf,
  weekdayName,
  weekdayOf,
  WEEKDAY_NAMES,
} from '../time';

export type ScheduleSlot = NonNullable<Site['schedule']>[number];
export type ScheduleException = NonNullable<Site['exceptions']>[number];

/** An interval of a day, `HH:mm` to `HH:mm`. */
export interface Interval {
  start: string;
  end: string;
}

export type ScheduleIssue =
  | { code: 'unknown-word'; word: string }
  | { code: 'invalid-time'; text: string }
  | { code: 'time-without-day'; text: string }
  | { code: 'day-without-time'; day: string }
  | { code: 'incomplete-range'; text: string }
  | { code: 'end-before-start'; day: string; start: string; end: string }
  | { code: 'overlapping-slots'; day: string };

export interface ParsedSchedule {
  slots: ScheduleSlot[];
  issues: ScheduleIssue[];
}

type Token =
  | { type: 'day'; weekday: number; text: string }
  | { type: 'time'; time: string | undefined; text: string }
  | { type: 'dash' }
  | { type: 'and' }
  | { type: 'to-day' }
  | { type: 'separator' }
  | { type: 'word'; text: string };

const DAY_WORDS = new Map<string, number>(
  WEEKDAY_NAMES.flatMap((name, i) => [
    [name, i + 1],
    [`${name}s`, i + 1],
    [name.slice(0, 3), i + 1],
  ]),
);
/** Words that carry no meaning in a schedule ("le mardi de 9 h à 12 h"). */
const FILLER_WORDS = new Set([
  'le',
  'les',
  'de',
  'du',
  'chaque',
  'tous',
  'jusqu',
  'ouvert',
  'ouverte',
]);

function timeToken(hours: string, minutes: string | undefined, text: string): Token {
  const time = `${hours.padStart(2, '0')}:${(minutes ?? '00').padStart(2, '0')}`;
  const total = minutesOfDay(time);
  return { type: 'time', time: total === undefined ? undefined : time, text: text.trim() };
}

function tokenize(input: string): Token[] {
  const text = foldAccents(input).replace(/[\u2013\u2014\u2212]/g, '-');
  const pattern = /(\d{1,2})\s*h\s*(\d{2})?|(\d{1,2}):(\d{2})|[a-z]+\.?|[-/+]|[,;\n]|\S/g;
  const tokens: Token[] = [];
  for (const match of text.matchAll(pattern)) {
    const [raw, h1, m1, h2, m2] = match;
    if (h1 !== undefined) tokens.push(timeToken(h1, m1, raw));
    else if (h2 !== undefined) tokens.push(timeToken(h2, m2, raw));
    else if (raw === 'midi') tokens.push({ type: 'time', time: '12:00', text: raw });
    else if (raw === '-') tokens.push({ type: 'dash' });
    else if (raw === '/' || raw === '+' || raw === 'et') tokens.push({ type: 'and' });
    else if (raw === ',' || raw === ';' || raw === '\n') tokens.push({ type: 'separator' });
    else if (raw === 'a' || raw === 'au') tokens.push({ type: 'to-day' });
    else if (raw !== "'") {
      const word = raw.replace(/\.$/, '');
      const weekday = DAY_WORDS.get(word);
      if (weekday) tokens.push({ type: 'day', weekday, text: word });
      else if (!FILLER_WORDS.has(word)) tokens.push({ type: 'word', text: raw });
    }
  }
  return tokens;
}

function dayRange(from: number, to: number): number[] {
  const days: number[] = [];
  for (let d = from; ; d = (d % 7) + 1) {
    days.push(d);
    if (d === to || days.length === 7) return days;
  }
}

/**
 * Reads a schedule written in French. Days accumulate ("lundi et jeudi", "du lundi au
 * vendredi") until the time ranges that follow them ("9 h–12 h et 14 h–17 h"); the next day
 * starts a new group. Whatever could not be understood is reported, never silently dropped.
 */
export function parseSchedule(input: string): ParsedSchedule {
  const tokens = tokenize(input);
  const slots: ScheduleSlot[] = [];
  const issues: ScheduleIssue[] = [];
  let days: number[] = [];
  let daysHaveTimes = false;
  let i = 0;
  const closeGroup = () => {
    if (days.length > 0 && !daysHaveTimes)
      issues.push({ code: 'day-without-time', day: weekdayName(days[0]!) });
  };
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.type === 'day') {
      if (daysHaveTimes) {
        days = [];
        daysHaveTimes = false;
      }
      const next = tokens[i + 1];
      const after = tokens[i + 2];
      if ((next?.type === 'to-day' || next?.type === 'dash') && after?.type === 'day') {
        days.push(...dayRange(token.weekday, after.weekday));
        i += 3;
      } else {
        days.push(token.weekday);
        i += 1;
      }
      continue;
    }
    if (token.type === 'time') {
      const dash = tokens[i + 1];
      const end = tokens[i + 2];
      const isRange = (dash?.type === 'dash' || dash?.type === 'to-day') && end?.type === 'time';
      if (!isRange) {
        issues.push({ code: 'incomplete-range', text: token.text });
        if (days.length > 0) daysHaveTimes = true;
        i += 1;
        continue;
      }
      i += 3;
      if (days.length === 0) {
        issues.push({ code: 'time-without-day', text: `${token.text}-${end.text}` });
        continue;
      }
      daysHaveTimes = true;
      if (token.time === undefined || end.time === undefined) {
        issues.push({
          code: 'invalid-time',
          text: token.time === undefined ? token.text : end.text,
        });
        continue;
      }
      for (const weekday of days) slots.push({ weekday, start: token.time, end: end.time });
      continue;
    }
    if (token.type === 'separator') {
      // "lundi, mardi 9 h–12 h": a list of days goes on past a comma.
      const listGoesOn = !daysHaveTimes && tokens[i + 1]?.type === 'day';
      if (!listGoesOn) {
        closeGroup();
        days = [];
        daysHaveTimes = false;
      }
      i += 1;
      continue;
    }
    if (token.type === 'word') issues.push({ code: 'unknown-word', word: token.text });
    i += 1;
  }
  closeGroup();
  const sorted = sortSlots(dedupeSlots(slots));
  issues.push(...slotIssues(sorted));
  return { slots: sorted, issues };
}

function dedupeSlots(slots: ScheduleSlot[]): ScheduleSlot[] {
  const seen = new Set<string>();
  return slots.filter((slot) => {
    const key = `${slot.weekday} ${slot.start} ${slot.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function sortSlots(slots: readonly ScheduleSlot[]): ScheduleSlot[] {
  return [...slots].sort(
    (a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start) || a.end.localeCompare(b.end),
  );
}

/** Slots that end before they start, or overlap another slot of the same day. */
export function slotIssues(slots: readonly ScheduleSlot[]): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  const sorted = sortSlots(slots);
  sorted.forEach((slot, index) => {
    if (slot.end <= slot.start) {
      issues.push({
        code: 'end-before-start',
        day: weekdayName(slot.weekday),
        start: slot.start,
        end: slot.end,
      });
    }
    const previous = sorted[index - 1];
    if (previous && previous.weekday === slot.weekday && slot.start < previous.end) {
      issues.push({ code: 'overlapping-slots', day: weekdayName(slot.weekday) });
    }
  });
  return issues;
}

function formatIntervals(intervals: readonly Interval[]): string {
  return intervals
    .map((i) => `${formatTimeOfDay(i.start)}\u2013${formatTimeOfDay(i.end)}`)
    .join(' et ');
}

/** "9 h–12 h 30 et 13 h 30–17 h". */
export function formatOpenings(intervals: readonly Interval[]): string {
  return formatIntervals(intervals);
}

/**
 * The schedule in words, as `parseSchedule` reads it back: days with the same hours are
 * grouped ("du lundi au jeudi 8 h 30–12 h 45", "mardi et jeudi 9 h–12 h").
 */
export function formatSchedule(slots: readonly ScheduleSlot[]): string {
  const byDay = new Map<number, Interval[]>();
  for (const slot of sortSlots(slots)) {
    const list = byDay.get(slot.weekday) ?? [];
    list.push({ start: slot.start, end: slot.end });
    byDay.set(slot.weekday, list);
  }
  const groups: { days: number[]; hours: string }[] = [];
  for (const [weekday, intervals] of byDay) {
    const hours = formatIntervals(intervals);
    const last = groups[groups.length - 1];
    if (last && last.hours === hours) last.days.push(weekday);
    else groups.push({ days: [weekday], hours });
  }
  return groups.map(({ days, hours }) => `${formatDays(days)} ${hours}`).join(', ');
}

function formatDays(days: number[]): string {
  const consecutive = days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  if (days.length >= 3 && consecutive) {
    return `du ${weekdayName(days[0]!)} au ${weekdayName(days[days.length - 1]!)}`;
  }
  return days.map(weekdayName).join(' et ');
}

// --- Openings of a given day, exceptions applied ---

function toRange(interval: Interval): [number, number] {
  return [minutesOfDay(interval.start) ?? 0, minutesOfDay(interval.end) ?? 0];
}

function fromRange([start, end]: [number, number]): Interval {
  return { start: timeFromMinutes(start), end: timeFromMinutes(end) };
}

function union(ranges: [number, number][]): [number, number][] {
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

function subtract(ranges: [number, number][], cut: [number, number]): [number, number][] {
  return ranges.flatMap(([s, e]): [number, number][] => {
    if (cut[1] <= s || cut[0] >= e) return [[s, e]];
    const parts: [number, number][] = [];
    if (cut[0] > s) parts.push([s, cut[0]]);
    if (cut[1] < e) parts.push([cut[1], e]);
    return parts;
  });
}

export interface DayOpenings {
  /** When the site is open that day, exceptions applied; empty when it is closed. */
  intervals: Interval[];
  /** The exceptions of that day (to show their note: "férié", "salle prise"…). */
  exceptions: ScheduleException[];
  /** True when an exception closes the whole day. */
  closedByException: boolean;
}

type SiteHours = Pick<Site, 'schedule' | 'exceptions'>;

/**
 * The opening hours of a site on a day: the weekly slots of its weekday, minus the closures of
 * that date (a whole day when the exception has no hours), plus its extra openings.
 */
export function openingsOn(site: SiteHours, day: string): DayOpenings {
  const weekday = weekdayOf(day);
  const exceptions = (site.exceptions ?? []).filter((e) => e.date === day);
  let ranges = union(site.schedule.filter((s) => s.weekday === weekday).map((s) => toRange(s)));
  let closedByException = false;
  for (const exception of exceptions) {
    if (!exception.closed) continue;
    if (exception.start && exception.end) {
      ranges = subtract(ranges, toRange({ start: exception.start, end: exception.end }));
    } else {
      ranges = [];
      closedByException = true;
    }
  }
  const extra = exceptions
    .filter((e) => !e.closed && e.start && e.end)
    .map((e) => toRange({ start: e.start!, end: e.end! }));
  ranges = union([...ranges, ...extra]);
  return {
    intervals: ranges.map(fromRange),
    exceptions,
    closedByException: closedByException && ranges.length === 0,
  };
}

/** True when the site has hours at all (an aller-vers area may have none: nothing to check). */
export function hasOpeningHours(site: SiteHours): boolean {
  return site.schedule.length > 0 || (site.exceptions ?? []).some((e) => !e.closed);
}

export type OpeningProblem =
  | { code: 'closed-day'; day: string; note?: string }
  | { code: 'outside-hours'; day: string; intervals: Interval[] };

/**
 * Whether a rendez-vous from `start` for `durationMinutes` falls within one opening interval of
 * its site; undefined when it does (or when the site has no hours to check against).
 */
export function checkOpeningHours(
  site: SiteHours,
  start: string,
  durationMinutes: number,
): OpeningProblem | undefined {
  if (!hasOpeningHours(site)) return undefined;
  const day = dayOf(start);
  const openings = openingsOn(site, day);
  if (openings.intervals.length === 0) {
    const note = openings.exceptions.find((e) => e.closed && e.note)?.note;
    return { code: 'closed-day', day, ...(note ? { note } : {}) };
  }
  const end = addMinutesToDateTime(start, durationMinutes);
  const from = minutesOfDay(timeOf(start)) ?? 0;
  const to = dayOf(end) === day ? (minutesOfDay(timeOf(end)) ?? 0) : 24 * 60;
  const fits = openings.intervals.some((interval) => {
    const [s, e] = toRange(interval);
    return from >= s && to <= e;
  });
  return fits ? undefined : { code: 'outside-hours', day, intervals: openings.intervals };
}

/** The next days (from `fromDay` included) when the site opens, at most `count`, within a year. */
export function nextOpeningDays(site: SiteHours, fromDay: string, count: number): string[] {
  const days: string[] = [];
  let day = fromDay;
  for (let i = 0; i < 366 && days.length < count; i += 1) {
    if (openingsOn(site, day).intervals.length > 0) days.push(day);
    day = addMinutesToDateTime(`${day}T12:00`, 24 * 60).slice(0, 10);
  }
  return days;
}
