/**
 * Puts the demo's upcoming rendez-vous where a real agenda has them: on the opening days of their
 * site, inside its opening hours, one adviser never booked twice at once. It draws from its own
 * random stream, so the rest of the demo Mission Locale is the same with or without it.
 */
import type { PlainDocument } from '../../../src/domain/merge';
import { DEFAULT_DURATION_MINUTES } from '../../../src/domain/rules/appointments';
import { nextOpeningDays, openingsOn, type ScheduleSlot } from '../../../src/domain/rules/schedule';
import { minutesOfDay, timeFromMinutes } from '../../../src/domain/time';
import type { DemoSite } from './organisation';
import { Random } from './random';

const SLOT_STEP_MINUTES = 15;

function hoursOf(site: DemoSite) {
  const schedule: ScheduleSlot[] = site.schedule.map(([weekday, start, end]) => ({
    weekday,
    start,
    end,
  }));
  return { schedule, exceptions: [] };
}

/** Start times on the quarter hour at which a rendez-vous of `duration` fits the day's hours. */
function startsOn(site: ReturnType<typeof hoursOf>, day: string, duration: number): string[] {
  return openingsOn(site, day).intervals.flatMap((interval) => {
    const from = minutesOfDay(interval.start)!;
    const to = minutesOfDay(interval.end)!;
    const starts: string[] = [];
    for (let m = from; m + duration <= to; m += SLOT_STEP_MINUTES) starts.push(timeFromMinutes(m));
    return starts;
  });
}

/**
 * Moves each planned rendez-vous (from `today` on) to an opening day of its site on or after its
 * drawn day, at a free time of its adviser. Rendez-vous that find no room stay where they were.
 */
export function placeInOpeningHours(
  appointments: PlainDocument[],
  sites: readonly DemoSite[],
  today: string,
  seed: number,
): void {
  const random = new Random(seed ^ 0x5a6e);
  const hours = new Map(sites.map((site) => [site.id, hoursOf(site)]));
  const taken = new Set<string>();
  const planned = appointments
    .filter((a) => a.status === 'planifie' && String(a.start).slice(0, 10) >= today)
    .sort((a, b) => String(a.start).localeCompare(String(b.start)));
  for (const appointment of planned) {
    const site = hours.get(String(appointment.siteId));
    if (!site) continue;
    const duration = Number(appointment.durationMinutes ?? DEFAULT_DURATION_MINUTES);
    const candidates = nextOpeningDays(site, String(appointment.start).slice(0, 10), 3);
    for (const day of candidates) {
      const free = startsOn(site, day, duration).filter((time) => {
        const begin = minutesOfDay(time)!;
        for (let m = begin; m < begin + duration; m += SLOT_STEP_MINUTES) {
          if (taken.has(`${String(appointment.staffId)} ${day} ${m}`)) return false;
        }
        return true;
      });
      if (free.length === 0) continue;
      const time = random.pick(free);
      const begin = minutesOfDay(time)!;
      for (let m = begin; m < begin + duration; m += SLOT_STEP_MINUTES) {
        taken.add(`${String(appointment.staffId)} ${day} ${m}`);
      }
      appointment.start = `${day}T${time}`;
      break;
    }
  }
}
