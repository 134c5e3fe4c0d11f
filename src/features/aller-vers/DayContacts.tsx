/** The contacts made today on this tablet (and synced from the team), newest first. */
import { useMemo } from 'react';
import type { Youth } from '../../domain/schemas/youth';
import { ContactActions } from './ContactActions';
import { PersonSummary } from './PersonSummary';
import { isContactOfDay, useAppointmentsOf } from './useAllerVers';
import { useClock } from '../../app/clock-context';
import { today } from '../../domain/time';

interface DayContactsProps {
  dossiers: readonly Youth[];
  siteNames: ReadonlyMap<string, string>;
}

export function dayContacts(dossiers: readonly Youth[], day: string): Youth[] {
  // Ids are UUID v7: their order is the order of creation.
  return dossiers.filter((y) => isContactOfDay(y, day)).sort((a, b) => b.id.localeCompare(a.id));
}

export function DayContacts({ dossiers, siteNames }: DayContactsProps) {
  const day = today(useClock());
  const contacts = useMemo(() => dayContacts(dossiers, day), [dossiers, day]);
  const appointments = useAppointmentsOf(contacts.map((c) => c.id)).data ?? [];
  const planned = new Map(
    appointments.filter((a) => a.status === 'planifie').map((a) => [a.youthId, a]),
  );
  if (contacts.length === 0) {
    return <p className="empty">Aucun contact aujourd’hui pour l’instant.</p>;
  }
  return (
    <ul className="contact-list">
      {contacts.map((youth) => (
        <li key={youth.id} className="contact-card">
          <PersonSummary youth={youth} siteName={siteNames.get(youth.siteId)} />
          <p className="consent-line">
            {youth.consent?.recontactAgreed
              ? `Accepte d’être recontacté·e${youth.phone ? ` · ${youth.phone}` : ''}`
              : 'Ne souhaite pas être recontacté·e'}
          </p>
          <ContactActions youth={youth} appointment={planned.get(youth.id)} siteNames={siteNames} />
        </li>
      ))}
    </ul>
  );
}
