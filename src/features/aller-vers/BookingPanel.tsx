/**
 * A first rendez-vous at the nearest permanence, in two taps: the permanence is proposed
 * (nearest-permanence.ts, the adviser may choose another) with its next free times; one tap on
 * a time books it on the device.
 */
import { useMemo, useState } from 'react';
import { NEAREST_REASON_LABELS, nearestPermanence } from '../../domain/rules/nearest-permanence';
import type { Appointment } from '../../domain/schemas/appointment';
import type { Youth } from '../../domain/schemas/youth';
import { formatDateTime, today } from '../../domain/time';
import { useAppStore } from '../../stores/store';
import { SelectField } from '../../ui/Field';
import { useSites, useStaff } from '../shared/useDirectory';
import { adviserFor } from './booking';
import { nextFreeTimes } from './slots';
import { useBookedTimes, useOutreachActions } from './useAllerVers';
import { useClock } from '../../app/clock-context';

const NOTHING_BOOKED: ReadonlySet<string> = new Set();

interface BookingPanelProps {
  youth: Youth;
  onBooked(appointment: Appointment): void;
  onCancel(): void;
}

export function BookingPanel({ youth, onBooked, onCancel }: BookingPanelProps) {
  const user = useAppStore((s) => s.user);
  const loadedSites = useSites().data;
  const sites = useMemo(() => loadedSites ?? [], [loadedSites]);
  const staff = useStaff().data ?? [];
  const { bookAppointment } = useOutreachActions();
  const nearest = useMemo(
    () =>
      nearestPermanence(sites, {
        place: youth.outreach?.place,
        communeInsee: youth.communeInsee,
        qpvCode: youth.qpvCode,
      }),
    [sites, youth],
  );
  const [chosenSiteId, setChosenSiteId] = useState<string>();
  const siteId = chosenSiteId ?? nearest?.site.id;
  const site = sites.find((s) => s.id === siteId);
  const booked = useBookedTimes(siteId);
  // The times already taken only refine the proposal: while they load, the openings show.
  const day = today(useClock());
  const times = useMemo(
    () => (site ? nextFreeTimes(site, day, booked.data ?? NOTHING_BOOKED) : []),
    [site, day, booked.data],
  );
  const [error, setError] = useState<string>();

  async function book(start: string) {
    if (!site || !user) return;
    try {
      onBooked(await bookAppointment(youth, site, start, adviserFor(site, staff, user)));
    } catch (cause) {
      setError(`Le rendez-vous n’a pas pu être enregistré : ${String(cause)}`);
    }
  }

  const receiving = sites.filter((s) => s.kind !== 'aller-vers' && s.active !== false);
  return (
    <section className="booking" aria-label={`Rendez-vous pour ${youth.firstName}`}>
      {nearest && !chosenSiteId && (
        <p>
          Proposé : <strong>{nearest.site.name}</strong>{' '}
          <span className="muted">({NEAREST_REASON_LABELS[nearest.reason]})</span>
        </p>
      )}
      <SelectField
        label="Permanence"
        value={siteId ?? ''}
        onChange={(e) => setChosenSiteId(e.target.value)}
        options={receiving.map((s) => ({ value: s.id, label: s.name }))}
      />
      <p className="booking-times-title">Premier rendez-vous libre :</p>
      {times.length === 0 ? (
        <p className="muted">
          {site
            ? 'Aucun horaire d’ouverture dans les 4 semaines : choisissez une autre permanence.'
            : 'Les permanences arrivent à la prochaine synchronisation.'}
        </p>
      ) : (
        <div className="booking-times">
          {times.map((start) => (
            <button
              key={start}
              type="button"
              className="button-primary"
              onClick={() => void book(start)}
            >
              {formatDateTime(start)}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button-link" onClick={onCancel}>
        Annuler
      </button>
    </section>
  );
}
