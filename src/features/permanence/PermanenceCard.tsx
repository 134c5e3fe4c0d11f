/**
 * One rendez-vous of the permanence: who, when, the dossier in one glance, and the actions of
 * the day — Présent (with the entretien), Absent, the next rendez-vous.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { ageOf } from '../../domain/rules/age';
import type { DossierSummary } from '../../domain/rules/dossier-summary';
import type { Appointment } from '../../domain/schemas/appointment';
import type { Site } from '../../domain/schemas/site';
import type { StaffMember } from '../../domain/schemas/staff';
import type { Youth } from '../../domain/schemas/youth';
import type { Clock } from '../../domain/time';
import { AppointmentPanel, type PanelMode } from '../agenda/AppointmentPanel';
import { StatusBadge } from '../agenda/AppointmentItem';
import { formatSlot } from '../agenda/labels';
import type { AppointmentActions } from '../agenda/useAppointmentActions';
import { DossierSummaryView } from './DossierSummaryView';
import { outcomeDateProblem } from '../../domain/rules/happened';

export interface PermanenceCardProps {
  appointment: Appointment;
  youth: Youth | undefined;
  summary: DossierSummary | undefined;
  sites: readonly Site[];
  staff: readonly StaffMember[];
  actions: AppointmentActions;
  clock: Clock;
  nameOf(youthId: string): string;
  /** Opened with this panel mode (a walk-in just added opens on "Présent"). */
  openAs?: PanelMode;
}

export function PermanenceCard(props: PermanenceCardProps) {
  const { appointment, youth, actions } = props;
  const [open, setOpen] = useState<{ mode: PanelMode; status?: Appointment['status'] } | null>(
    props.openAs ? { mode: props.openAs, status: 'present' } : null,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const name = props.nameOf(appointment.youthId);
  const age = youth ? ageOf(youth.birthDate, props.clock) : undefined;
  const adviser = props.staff.find((s) => s.id === appointment.staffId)?.name;
  const freed = appointment.status === 'annule' || appointment.status === 'reporte';
  // Présent / Absent are offered while the outcome is still to be given, once the day came.
  const outcomePending = appointment.status === 'planifie' || appointment.status === 'non-precise';
  const awaiting =
    outcomePending &&
    !outcomeDateProblem({ status: 'present', start: appointment.start }, props.clock);

  return (
    <article
      className={`permanence-card card${freed ? ' is-freed' : ''}`}
      aria-labelledby={`card-${appointment.id}`}
    >
      <header className="permanence-card-header">
        <span className="permanence-time">{formatSlot(appointment)}</span>
        <h2 id={`card-${appointment.id}`}>
          {name}
          {age && (
            <span className="muted permanence-age">
              {' '}
              {age.approximate ? '~' : ''}
              {age.years} ans
            </span>
          )}
        </h2>
        {appointment.walkIn && <span className="tag">sans rendez-vous</span>}
        <StatusBadge appointment={appointment} clock={props.clock} />
      </header>
      <p className="muted permanence-subject">
        {[appointment.subject, adviser && `avec ${adviser}`].filter(Boolean).join(' · ')}
      </p>
      <DossierSummaryView summary={props.summary} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {open ? (
        <AppointmentPanel
          appointment={appointment}
          youthName={name}
          sites={props.sites}
          staff={props.staff}
          actions={actions}
          nameOf={props.nameOf}
          initialMode={open.mode}
          initialStatus={open.status}
          onClose={() => setOpen(null)}
        />
      ) : (
        <div className="panel-actions no-print">
          {awaiting ? (
            <>
              <button
                type="button"
                className="button-primary"
                onClick={() => setOpen({ mode: 'outcome', status: 'present' })}
                aria-label={`Présent : ${name}`}
              >
                Présent
              </button>
              <button
                type="button"
                className="button-secondary"
                onClick={() =>
                  void actions
                    .recordOutcome(appointment, { status: 'absent' })
                    .then(() => setNotice(`${name} noté·e absent·e.`))
                    .catch((error: unknown) =>
                      setNotice(error instanceof Error ? error.message : String(error)),
                    )
                }
                aria-label={`Absent : ${name}`}
              >
                Absent
              </button>
            </>
          ) : null}
          <button
            type="button"
            className="button-secondary"
            onClick={() => setOpen({ mode: 'outcome' })}
          >
            {outcomePending ? 'Autre statut…' : 'Modifier le statut'}
          </button>
          <button
            type="button"
            className={awaiting ? 'button-secondary' : 'button-primary'}
            onClick={() => setOpen({ mode: 'next' })}
            aria-label={`Prochain rendez-vous : ${name}`}
          >
            Prochain rendez-vous
          </button>
          <Link href={`/dossiers/${appointment.youthId}`}>Ouvrir le dossier</Link>
        </div>
      )}
    </article>
  );
}
