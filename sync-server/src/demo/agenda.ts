/**
 * Puts the demo's rendez-vous where a real agenda has them: on the opening days of their site,
 * inside its opening hours, one adviser never booked twice at once — those to come on or after
 * their drawn day, those past (with their outcome) on or before it, never after today, and an
 * entretien recorded at a rendez-vous moves with it. It draws from its own random stream, so the
 * rest of the demo Mission Locale is the same with or without it.
 */
import type { PlainDocument } from '../../../src/domain/merge';
import { DEFAULT_DURATION_MINUTES } from '../../../src/domain/rules/appointments';
import { openingsOn, type ScheduleSlot } from '../../../src/domain/rules/schedule';
import { minutesOfDay, timeFromMinutes } from '../../../src/domain/time';
import { addDays } from './context';
import type { DemoSite } from './organisation';
import { Random } from './random';

const SLOT_STEP_MINUTES = 15;
/** Opening days tried for one rendez-vous before it is left where it was drawn. */
const CANDIDATE_DAYS = 8;
/** Days looked at around a drawn day for opening days. */
const SEARCH_DAYS = 21;

/** A site's opening intervals per day, in minutes, computed once per day (the hot path). */
class SiteHours {
  private readonly site: { schedule: ScheduleSlot[]; exceptions: [] };
  private readonly byDay = new Map<string, [number, number][]>();

  constructor(site: DemoSite) {
    const schedule = site.schedule.map(([weekday, start, end]) => ({ weekday, start, end }));
    this.site = { schedule, exceptions: [] };
  }

  intervals(day: string): [number, number][] {
    let found = this.byDay.get(day);
    if (!found) {
      found = openingsOn(this.site, day).intervals.map(
        (i) => [minutesOfDay(i.start)!, minutesOfDay(i.end)!] as [number, number],
      );
      this.byDay.set(day, found);
    }
    return found;
  }

  /** Opening days from `day` on (step 1) or back (step -1), within [first, last], at most `count`. */
  openingDays(day: string, step: 1 | -1, first: string, last: string, count: number): string[] {
    const days: string[] = [];
    for (let i = 0; i < SEARCH_DAYS && days.length < count; i += 1, day = addDays(day, step)) {
      if (day < first || day > last) break;
      if (this.intervals(day).length > 0) days.push(day);
    }
    return days;
  }
}

/**
 * Moves each rendez-vous to an opening day of its site and a free time of its adviser: a planned
 * one (from `today` on) to its drawn day or the next opening days, any other (it happened, or was
 * missed or cancelled) to its drawn day or the opening days before — in its year, never after
 * `today`, then the days after it up to today (the statistics count a rendez-vous in the year it
 * was drawn in). The entretien an appointment points to (`eventId`) takes its new time. A small
 * permanence (half a day a week) cannot hold all its young people's rendez-vous: those that find
 * no room there are held at the siège, as advisers do (each adviser of a permanence also works at
 * the siège). Rendez-vous that find no room anywhere stay where they were.
 */
export function placeInOpeningHours(
  appointments: PlainDocument[],
  events: PlainDocument[],
  sites: readonly DemoSite[],
  today: string,
  seed: number,
): void {
  const random = new Random(seed ^ 0x5a6e);
  const hours = new Map(sites.map((site) => [site.id, new SiteHours(site)]));
  const eventsById = new Map(events.map((event) => [String(event.id), event]));
  // Quarter hours taken, per adviser and day.
  const taken = new Map<string, Uint8Array>();
  // Local date-times of one format: code-unit order is time order (localeCompare is 20× slower).
  const ordered = [...appointments].sort((a, b) => {
    const [x, y] = [String(a.start), String(b.start)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const siegeId = sites.find((site) => site.kind === 'siege')?.id;
  const fits = (appointment: PlainDocument, siteId: string): boolean => {
    const site = hours.get(siteId);
    if (!site) return false;
    const duration = Number(appointment.durationMinutes ?? DEFAULT_DURATION_MINUTES);
    const quarters = Math.ceil(duration / SLOT_STEP_MINUTES);
    const drawn = String(appointment.start).slice(0, 10);
    const toCome = appointment.status === 'planifie' && drawn >= today;
    let candidates: string[];
    if (toCome) {
      candidates = site.openingDays(drawn, 1, drawn, '9999-12-31', CANDIDATE_DAYS);
    } else {
      const day = drawn > today ? today : drawn;
      const yearStart = `${day.slice(0, 4)}-01-01`;
      const yearEnd = `${day.slice(0, 4)}-12-31`;
      const last = today < yearEnd ? today : yearEnd;
      candidates = site.openingDays(day, -1, yearStart, last, CANDIDATE_DAYS);
      if (candidates.length < CANDIDATE_DAYS) {
        const after = addDays(day, 1);
        candidates.push(
          ...site.openingDays(after, 1, after, last, CANDIDATE_DAYS - candidates.length),
        );
      }
    }
    const staff = String(appointment.staffId);
    for (const day of candidates) {
      const key = `${staff} ${day}`;
      const busy = taken.get(key);
      const free: number[] = [];
      for (const [from, to] of site.intervals(day)) {
        for (let m = from; m + duration <= to; m += SLOT_STEP_MINUTES) {
          if (!busy) {
            free.push(m);
            continue;
          }
          const q = m / SLOT_STEP_MINUTES;
          let ok = true;
          for (let k = 0; k < quarters; k += 1) if (busy[q + k]) ok = false;
          if (ok) free.push(m);
        }
      }
      if (free.length === 0) continue;
      const begin = random.pick(free);
      const slots = busy ?? new Uint8Array((24 * 60) / SLOT_STEP_MINUTES + 8);
      if (!busy) taken.set(key, slots);
      for (let k = 0; k < quarters; k += 1) slots[begin / SLOT_STEP_MINUTES + k] = 1;
      appointment.start = `${day}T${timeFromMinutes(begin)}`;
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
