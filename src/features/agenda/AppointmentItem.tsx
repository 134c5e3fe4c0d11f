/** One rendez-vous in a list of the agenda: time, young person, status, where and with whom. */
import { awaitsOutcome } from '../../domain/rules/appointments';
import type { Appointment } from '../../domain/schemas/appointment';
import type { Clock } from '../../domain/time';
import { APPOINTMENT_STATUS_LABELS } from '../../domain/labels';
import { formatSlot } from './labels';

export function StatusBadge({ appointment, clock }: { appointment: Appointment; clock: Clock }) {
  if (awaitsOutcome(appointment, clock)) {
    return <span className="status-badge status-a-renseigner">À renseigner</span>;
  }
  return (
    <span className={`status-badge status-${appointment.status}`}>
      {APPOINTMENT_STATUS_LABELS[appointment.status]}
    </span>
  );
}

interface AppointmentItemProps {
  appointment: Appointment;
  youthName: string;
  details: string;
  selected: boolean;
  compact?: boolean;
  clock: Clock;
  onSelect(id: string): void;
}

export function AppointmentItem(props: AppointmentItemProps) {
  const { appointment, compact } = props;
  const freed = appointment.status === 'annule' || appointment.status === 'reporte';
  return (
    <button
      type="button"
      className={`appointment-item${compact ? ' is-compact' : ''}${freed ? ' is-freed' : ''}`}
      aria-pressed={props.selected}
      onClick={() => props.onSelect(appointment.id)}
    >
      <span className="appointment-time">{formatSlot(appointment)}</span>
      <span className="appointment-youth">
        {props.youthName}
        {appointment.walkIn && <span className="tag">sans rendez-vous</span>}
      </span>
      <StatusBadge appointment={appointment} clock={props.clock} />
      {!compact && <span className="appointment-details muted">{props.details}</span>}
    </button>
  );
}
