/**
 * What can follow a contact: a first rendez-vous at the nearest permanence, or the dossier at
 * premier accueil (its screen is the dossier's, at /dossiers/:id). Used for the day's contacts,
 * search results and a person recognised among the suggestions.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import type { Appointment } from '../../domain/schemas/appointment';
import type { Youth } from '../../domain/schemas/youth';
import { formatDateTime } from '../../domain/time';
import { BookingPanel } from './BookingPanel';
import { useOutreachActions } from './useAllerVers';

interface ContactActionsProps {
  youth: Youth;
  /** The rendez-vous already planned for this young person, if any. */
  appointment?: Appointment;
  siteNames: ReadonlyMap<string, string>;
}

export function ContactActions({ youth, appointment, siteNames }: ContactActionsProps) {
  const [booking, setBooking] = useState(false);
  const [message, setMessage] = useState<string>();
  const { startPremierAccueil } = useOutreachActions();

  if (booking) {
    return (
      <BookingPanel
        youth={youth}
        onCancel={() => setBooking(false)}
        onBooked={(booked) => {
          setBooking(false);
          setMessage(
            `Rendez-vous enregistré : ${formatDateTime(booked.start)}, ${siteNames.get(booked.siteId) ?? ''}.`,
          );
        }}
      />
    );
  }
  return (
    <div className="contact-actions-row">
      {appointment && (
        <p className="appointment-line">
          Rendez-vous {formatDateTime(appointment.start)} — {siteNames.get(appointment.siteId)}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {message}
      </p>
      {message && <p className="confirmation">{message}</p>}
      <div className="action-buttons">
        {!appointment && (
          <button type="button" className="button-secondary" onClick={() => setBooking(true)}>
            Rendez-vous à la permanence
          </button>
        )}
        {youth.status === 'contact-aller-vers' ? (
          <button
            type="button"
            className="button-secondary"
            onClick={() =>
              void startPremierAccueil(youth).then(() =>
                setMessage(`${youth.firstName} passe en premier accueil.`),
              )
            }
          >
            Passer en premier accueil
          </button>
        ) : null}
        <Link href={`/dossiers/${youth.id}`} className="button-link">
          Ouvrir le dossier
        </Link>
      </div>
    </div>
  );
}
