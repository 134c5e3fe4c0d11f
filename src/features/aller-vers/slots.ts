/**
 * Free times at a permanence for a first rendez-vous booked from the street: the opening hours
 * of the site as the agenda reads them (`openingsOn`: weekly schedule, closures and extra
 * openings of the day), cut in rendez-vous of the usual length, skipping the times already
 * booked there on this device. One time per opening at most, so the young person gets a choice
 * of days rather than four times the same morning.
 */
import type { Site } from '../../domain/schemas/site';
import { openingsOn } from '../../domain/rules/schedule';
import { addDays, minutesOfDay, timeFromMinutes } from '../../domain/time';

export const FIRST_APPOINTMENT_MINUTES = 45;
/** How far ahead to look for openings. */
export const SEARCH_DAYS = 28;

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
    for (const opening of openingsOn(site, day).intervals) {
      const end = minutesOfDay(opening.end) ?? 0;
      for (let t = minutesOfDay(opening.start) ?? 0; t + duration <= end; t += duration) {
        const start = `${day}T${timeFromMinutes(t)}`;
        if (booked.has(start)) continue;
        times.push(start);
        break;
      }
      if (times.length === count) break;
    }
  }
  return times;
}
