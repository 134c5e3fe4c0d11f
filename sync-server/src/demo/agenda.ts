/**
 * Puts the demo's rendez-vous where a real agenda has them: on the opening days of their site,
 * inside its opening hours, one adviser never booked twice at once — those to come on or after
 * their drawn day, those past (with their outcome) on or before it, never after today, and an
 * entretien recorded at a rendez-vous moves with it. It draws from its own random stream, so the
 * rest of the demo Mission Locale is the same with or without it.
 */
import type { PlainDocument } from '../../../src/domain/merge';
import { DEFAULT_DURATION_MINUTES } from '../../../src/domain/rules/appointments';
import { nextOpeningDays, openingsOn, type ScheduleSlot } from '../../../src/domain/rules/schedule';
import { addDays, minutesOfDay, timeFromMinutes } from '../../../src/domain/time';
import type { DemoSite } from './organisation';
import { Random } from './random';

const SLOT_STEP_MINUTES = 15;
/** Opening days tried for one rendez-vous before it is left where it was drawn. */
const CANDIDATE_DAYS = 8;

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

/** The opening days of a site on or before `fromDay` (latest first), at most `count`. */
function previousOpeningDays(
  site: ReturnType<typeof hoursOf>,
  fromDay: string,
  count: number,
): string[] {
  const days: string[] = [];
  for (let i = 0, day = fromDay; i < 366 && days.length < count; i += 1) {
    if (openingsOn(site, day).intervals.length > 0) days.push(day);
    day = addDays(day, -1);
  }
  return days;
}

/**
 * Moves each rendez-vous to an opening day of its site and a free time of its adviser: a planned
 * one (from `today` on) to its drawn day or the next opening days, any other (it happened, or was
 * missed or cancelled) to its drawn day or the opening days before, never after `today`. The
 * entretien an appointment points to (`eventId`) takes its new time. A small permanence (half a
 * day a week) cannot hold all its young people's rendez-vous: those that find no room there are
 * held at the siège, as advisers do (each adviser of a permanence also works at the siège).
 * Rendez-vous that find no room anywhere stay where they were.
 */
export function placeInOpeningHours(
  appointments: PlainDocument[],
  events: PlainDocument[],
  sites: readonly DemoSite[],
  today: string,
  seed: number,
): void {
  const random = new Random(seed ^ 0x5a6e);
  const hours = new Map(sites.map((site) => [site.id, hoursOf(site)]));
  const eventsById = new Map(events.map((event) => [String(event.id), event]));
  const taken = new Set<string>();
  const ordered = [...appointments].sort((a, b) => String(a.start).localeCompare(String(b.start)));
  const siegeId = sites.find((site) => site.kind === 'siege')?.id;
  const fits = (appointment: PlainDocument, siteId: string): boolean => {
    const site = hours.get(siteId);
    if (!site) return false;
    const duration = Number(appointment.durationMinutes ?? DEFAULT_DURATION_MINUTES);
    const drawn = String(appointment.start).slice(0, 10);
    const toCome = appointment.status === 'planifie' && drawn >= today;
    const candidates = toCome
      ? nextOpeningDays(site, drawn, CANDIDATE_DAYS)
      : previousOpeningDays(site, drawn > today ? today : drawn, CANDIDATE_DAYS);
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
      appointment.siteId = siteId;
      const entretien = appointment.eventId
        ? eventsById.get(String(appointment.eventId))
        : undefined;
      if (entretien) {
        entretien.at = appointment.start;
        entretien.placeSiteId = siteId;
      }
      return true;
    }
    return false;
  };
  for (const appointment of ordered) {
    if (!fits(appointment, String(appointment.siteId)) && siegeId) fits(appointment, siegeId);
  }
}
