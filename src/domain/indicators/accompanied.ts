/**
 * « Jeune accompagné » over a period, computed from what happened rather than from the
 * hand-set status: a young person who had at least one entretien individuel, atelier or
 * information collective in the period — an event of one of those kinds, or an émargement
 * « présent » at a session held in the period.
 */
import type { EventKind } from '../schemas/event';
import { countedYouths, isHeldSession, standingEvents, type StatisticsData } from './data';
import { dayOf, inPeriod, type Period } from './period';

/** The kinds of event that make a young person « accompagné ». */
export const ACCOMPANYING_EVENT_KINDS: readonly EventKind[] = [
  'entretien-individuel',
  'atelier',
  'information-collective',
];

/** Each young person accompanied in the period, with the days of their accompanying activity. */
export function accompaniedDays(data: StatisticsData, period: Period): Map<string, string[]> {
  const youthIds = new Set(countedYouths(data.youths).map((youth) => youth.id));
  const days = new Map<string, string[]>();
  const add = (youthId: string, day: string | undefined) => {
    if (!day || !youthIds.has(youthId)) return;
    const list = days.get(youthId);
    if (list) list.push(day);
    else days.set(youthId, [day]);
  };
  for (const event of standingEvents(data.events)) {
    if (ACCOMPANYING_EVENT_KINDS.includes(event.kind) && inPeriod(event.at, period)) {
      add(event.youthId, dayOf(event.at));
    }
  }
  const sessions = new Map(data.workshops.filter(isHeldSession).map((w) => [w.id, w]));
  for (const attendance of data.attendances) {
    const session = sessions.get(attendance.workshopId);
    if (attendance.present === true && !attendance.cancelled && session) {
      if (inPeriod(session.start, period)) add(attendance.youthId, dayOf(session.start));
    }
  }
  for (const list of days.values()) list.sort();
  return days;
}
