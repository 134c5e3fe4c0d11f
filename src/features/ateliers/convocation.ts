/**
 * The convocation to a session (issue 15, item 3): the same words on paper (a printed letter)
 * and in an SMS to copy, for a young person with a place — or, on the waiting list, a text
 * that says so and asks nothing.
 */
import type { Standing } from '../../domain/rules/waiting-list';
import type { Workshop } from '../../domain/schemas/workshop';
import { dayOf, formatDayFull, formatTimeOfDay, timeOf } from '../../domain/time';
import { sessionEnd } from '../../domain/rules/workshops';

export const MISSION_LOCALE = 'Mission Locale Jeunes du Pays d’Alençon';

export interface ConvocationPlace {
  siteName?: string;
  siteAddress?: string;
}

/** « jeudi 3 décembre 2026 de 14 h à 16 h » */
export function sessionMoment(session: Pick<Workshop, 'start' | 'durationMinutes'>): string {
  if (!session.start) return '';
  return `${formatDayFull(dayOf(session.start))} de ${formatTimeOfDay(timeOf(session.start))} à ${formatTimeOfDay(timeOf(sessionEnd(session)))}`;
}

/** « Mission Locale – Sées, 2 rue … » or the outside place. */
export function sessionAddress(session: Pick<Workshop, 'place'>, place: ConvocationPlace): string {
  const site = [place.siteName, place.siteAddress].filter(Boolean).join(', ');
  return session.place ? `${session.place}${site ? ` (${site})` : ''}` : site;
}

export function convocationSms(
  firstName: string,
  session: Pick<Workshop, 'title' | 'start' | 'durationMinutes' | 'place'>,
  place: ConvocationPlace,
  standing?: Standing,
): string {
  const where = sessionAddress(session, place);
  if (standing?.kind === 'waiting') {
    return `Bonjour ${firstName}, vous êtes sur liste d’attente (n° ${standing.rank}) pour « ${session.title} » le ${sessionMoment(session)}. Nous vous prévenons si une place se libère. ${MISSION_LOCALE}`;
  }
  return `Bonjour ${firstName}, vous êtes inscrit·e à « ${session.title} » le ${sessionMoment(session)}${where ? `, ${where}` : ''}. En cas d’empêchement, merci de prévenir la Mission Locale. ${MISSION_LOCALE}`;
}
