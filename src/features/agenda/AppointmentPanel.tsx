/**
 * One rendez-vous opened: what is known of it, and what can be done — record what happened
 * (with the entretien when present), move it, book the next one. Shared by the agenda and the
 * permanence screen.
 */
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { nextOpeningDays } from '../../domain/rules/schedule';
import type { Appointment } from '../../domain/schemas/appointment';
import type { Site } from '../../domain/schemas/site';
import type { StaffMember } from '../../domain/schemas/staff';
import { addDays, dayOf, formatDateTime, formatDayHeading, timeOf } from '../../domain/time';
import { AppointmentForm } from './AppointmentForm';
import { draftFrom, emptyDraft } from './appointment-draft';
import { APPOINTMENT_STATUS_LABELS } from '../../domain/labels';
import { formatSlot } from './labels';
import { OutcomeForm } from './OutcomeForm';
import type { AppointmentActions } from './useAppointmentActions';
import './agenda.css';

export type PanelMode = 'view' | 'outcome' | 'move' | 'next';

export interface AppointmentPanelProps {
  appointment: Appointment;
  youthName: string;
  sites: readonly Site[];
  staff: readonly StaffMember[];
  actions: AppointmentActions;
  nameOf(youthId: string): string;
  initialMode?: PanelMode;
  initialStatus?: Appointment['status'];
  onClose(): void;
  /** Called with the rendez-vous just booked (to show it). */
  onBooked?(appointment: Appointment): void;
}

/** The day proposed for the next rendez-vous: the site's first opening a week later or after. */
export function nextRendezVousDay(appointment: Appointment, site: Site | undefined): string {
  const weekLater = addDays(dayOf(appointment.start), 7);
  return (site && nextOpeningDays(site, weekLater, 1)[0]) ?? weekLater;
}

export function AppointmentPanel(props: AppointmentPanelProps) {
  const { appointment, actions } = props;
  const [mode, setMode] = useState<PanelMode>(props.initialMode ?? 'view');
  const [notice, setNotice] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const site = props.sites.find((s) => s.id === appointment.siteId);
  const adviser = props.staff.find((s) => s.id === appointment.staffId);

  useEffect(() => {
    if (mode === 'view') headingRef.current?.focus();
  }, [mode, appointment.id]);

  const title = `${props.youthName} — ${formatDayHeading(dayOf(appointment.start))}, ${formatSlot(appointment)}`;

  if (mode === 'move' || mode === 'next') {
    const moving = mode === 'move';
    return (
      <AppointmentForm
        title={moving ? `Déplacer le rendez-vous de ${props.youthName}` : 'Prochain rendez-vous'}
        initial={
          moving
            ? draftFrom(appointment)
            : emptyDraft({
                youthId: appointment.youthId,
                siteId: appointment.siteId,
                staffId: appointment.staffId,
                day: nextRendezVousDay(appointment, site),
                time: timeOf(appointment.start),
                subject: 'Entretien de suivi',
              })
        }
        youthLocked
        sites={props.sites}
        staff={props.staff}
        check={(slot) => actions.check({ ...slot, ...(moving ? { id: appointment.id } : {}) })}
        nameOf={props.nameOf}
        submitLabel={moving ? 'Déplacer le rendez-vous' : undefined}
        onCancel={() => setMode('view')}
        onSubmit={async (slot) => {
          if (moving) {
            await actions.move(appointment, slot);
            setNotice(`Rendez-vous déplacé au ${formatDateTime(slot.start)}.`);
          } else {
            const booked = await actions.book({ ...slot, status: 'planifie' });
            props.onBooked?.(booked);
            setNotice(`Prochain rendez-vous enregistré : ${formatDateTime(slot.start)}.`);
          }
          setMode('view');
        }}
      />
    );
  }

  return (
    <section className="appointment-panel card" aria-labelledby={`panel-${appointment.id}`}>
      <h2 id={`panel-${appointment.id}`} tabIndex={-1} ref={headingRef}>
        {title}
      </h2>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <dl className="facts">
        <dt>Statut</dt>
        <dd>{APPOINTMENT_STATUS_LABELS[appointment.status]}</dd>
        <dt>Lieu</dt>
        <dd>{site?.name ?? 'Site inconnu'}</dd>
        <dt>Conseiller·ère</dt>
        <dd>{adviser?.name ?? 'Inconnu·e'}</dd>
        {appointment.subject && (
          <>
            <dt>Objet</dt>
            <dd>{appointment.subject}</dd>
          </>
        )}
        {appointment.previousStart && (
          <>
            <dt>Initialement prévu</dt>
            <dd>{formatDateTime(appointment.previousStart)}</dd>
          </>
        )}
        {appointment.walkIn && (
          <>
            <dt>Accueil</dt>
            <dd>Sans rendez-vous</dd>
          </>
        )}
        {appointment.cancellationReason && (
          <>
            <dt>Motif d&apos;annulation</dt>
            <dd>{appointment.cancellationReason}</dd>
          </>
        )}
        <dt>Entretien</dt>
        <dd>{appointment.eventId ? 'Enregistré' : 'Pas encore enregistré'}</dd>
      </dl>
      {mode === 'outcome' ? (
        <OutcomeForm
          appointment={appointment}
          initialStatus={props.initialStatus}
          check={actions.check}
          nameOf={props.nameOf}
          onCancel={() => setMode('view')}
          onSubmit={async (outcome) => {
            const result = await actions.recordOutcome(appointment, outcome);
            const label = APPOINTMENT_STATUS_LABELS[outcome.status];
            setNotice(
              'event' in result && result.event
                ? `${label} : entretien individuel enregistré.`
                : 'next' in result && result.next
                  ? `Reporté au ${formatDateTime(result.next.start)}.`
                  : `Statut enregistré : ${label}.`,
            );
            setMode('view');
          }}
        />
      ) : (
        <div className="panel-actions">
          <button type="button" className="button-primary" onClick={() => setMode('outcome')}>
            Renseigner le rendez-vous
          </button>
          <button type="button" className="button-secondary" onClick={() => setMode('next')}>
            Prendre le prochain rendez-vous
          </button>
          <button type="button" className="button-secondary" onClick={() => setMode('move')}>
            Déplacer
          </button>
          <Link href={`/dossiers/${appointment.youthId}`}>Ouvrir le dossier</Link>
          <button type="button" className="button-link" onClick={props.onClose}>
            Fermer
          </button>
        </div>
      )}
    </section>
  );
}
