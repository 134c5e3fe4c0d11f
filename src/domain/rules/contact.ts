/**
 * The last contact with a young person, for the portefeuille's "sans contact depuis N jours":
 * an event in which the young person took part. A relance (an attempt that may have gone
 * unanswered) is not a contact.
 */
import type { EventKind, YouthEvent } from '../schemas/event';
import { daysBetween } from '../time';

export const CONTACT_EVENT_KINDS: readonly EventKind[] = [
  'entretien-individuel',
  'contact-telephonique',
  'visite',
  'atelier',
  'information-collective',
  'mediation',
  'autre',
];

const CONTACT_KINDS = new Set<string>(CONTACT_EVENT_KINDS);

export function isContact(kind: EventKind): boolean {
  return CONTACT_KINDS.has(kind);
}

/** Day (`YYYY-MM-DD`) of the last contact of each young person. */
export function lastContactByYouth(
  events: Iterable<Pick<YouthEvent, 'youthId' | 'kind' | 'at'>>,
): Map<string, string> {
  const last = new Map<string, string>();
  for (const event of events) {
    if (!CONTACT_KINDS.has(event.kind)) continue;
    const day = event.at.slice(0, 10);
    const known = last.get(event.youthId);
    if (known === undefined || day > known) last.set(event.youthId, day);
  }
  return last;
}

/** Days since the last contact, or undefined when there never was one. */
export function daysWithoutContact(
  lastContact: string | undefined,
  onDay: string,
): number | undefined {
  return lastContact ? daysBetween(lastContact, onDay) : undefined;
}
