/**
 * Free times at a permanence for a first rendez-vous booked from the street: the opening hours
 * of the site (weekly schedule and dated exceptions), cut in rendez-vous of the usual length,
 * skipping the times already booked there on this device. One time per opening at most, so the
 * young person gets a choice of days rather than four times the same morning.
 */
import type { Site } from '../../domain/schemas/site';
import { addDays, parseDay } from '../../domain/time';

export const FIRST_APPOINTMENT_MINUTES = 45;
/** How far ahead to look for openings. */
export const SEARCH_DAYS = 28;

interface Opening {
  start: string;
  end: string;
}

function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function timeOf(total: number): string {
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** ISO weekday, 1 = lundi … 7 = dimanche. */
function weekday(day: string): number {
  const date = parseDay(day);
  if (!date) throw new RangeError(`not a day: ${day}`);
  return date.getDay() === 0 ? 7 : date.getDay();
}

function openingsOn(site: Site, day: string): Opening[] {
  const exceptions = (site.exceptions ?? []).filter((e) => e.date === day);
  if (exceptions.some((e) => e.closed)) return [];
  const extra = exceptions.flatMap((e) =>
    e.start && e.end ? [{ start: e.start, end: e.end }] : [],
  );
  const regular = site.schedule.filter((slot) => slot.weekday === weekday(day));
  return [...regular, ...extra].sort((a, b) => a.start.localeCompare(b.start));
}

/**
 * The next free rendez-vous times at `site` after `today` (local `YYYY-MM-DDTHH:mm`), at most
 * `count`, one per opening.
 */
export function nextFreeTimes(
  site: Site,
  today: string,
  booked: ReadonlySet<string>,
  { count = 4, duration = FIRST_APPOINTMENT_MINUTES } = {},
): string[] {
  const times: string[] = [];
  for (let offset = 1; offset <= SEARCH_DAYS && times.length < count; offset++) {
    const day = addDays(today, offset);
    for (const opening of openingsOn(site, day)) {
      for (let t = minutes(opening.start); t + duration <= minutes(opening.end); t += duration) {
        const start = `${day}T${timeOf(t)}`;
        if (booked.has(start)) continue;
        times.push(start);
        break;
      }
      if (times.length === count) break;
    }
  }
  return times;
}
