/** The agenda of one day: its opening hours at the chosen site, then the rendez-vous in order. */
import { formatOpenings, openingsOn } from '../../domain/rules/schedule';
import type { Appointment } from '../../domain/schemas/appointment';
import type { Site } from '../../domain/schemas/site';
import type { StaffMember } from '../../domain/schemas/staff';
import type { Youth } from '../../domain/schemas/youth';
import { formatDayHeading, type Clock } from '../../domain/time';
import { AppointmentItem } from './AppointmentItem';
import { youthName } from './useAppointments';

export interface AgendaViewProps {
  appointments: readonly Appointment[];
  youths: ReadonlyMap<string, Youth>;
  sites: ReadonlyMap<string, Site>;
  staff: ReadonlyMap<string, StaffMember>;
  /** The site filtered on, whose opening hours are shown. */
  site?: Site;
  selectedId?: string;
  clock: Clock;
  onSelect(id: string): void;
}

export function OpeningLine({
  site,
  day,
  short = false,
}: {
  site: Site;
  day: string;
  /** Without the site's name (the week view repeats it for every day). */
  short?: boolean;
}) {
  const openings = openingsOn(site, day);
  const notes = openings.exceptions.map((e) => e.note).filter(Boolean);
  const prefix = short ? '' : `${site.name} : `;
  const text =
    openings.intervals.length === 0 ? 'fermé' : `ouvert ${formatOpenings(openings.intervals)}`;
  return (
    <p className={`opening-line${openings.intervals.length === 0 ? ' is-closed' : ''}`}>
      {short ? text.charAt(0).toUpperCase() + text.slice(1) : `${prefix}${text}`}
      {notes.length > 0 && ` (${notes.join(', ')})`}
    </p>
  );
}

function detailsOf(
  appointment: Appointment,
  sites: ReadonlyMap<string, Site>,
  staff: ReadonlyMap<string, StaffMember>,
): string {
  return [
    staff.get(appointment.staffId)?.name ?? 'Conseiller·ère inconnu·e',
    sites.get(appointment.siteId)?.name ?? 'Site inconnu',
    appointment.subject,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The rendez-vous of a day, in order, each a button that selects it. */
export function AppointmentList(
  props: AgendaViewProps & { className: string; label?: string; compact?: boolean },
) {
  return (
    <ol className={props.className} aria-label={props.label}>
      {props.appointments.map((appointment) => (
        <li key={appointment.id}>
          <AppointmentItem
            compact={props.compact}
            appointment={appointment}
            youthName={youthName(props.youths, appointment.youthId)}
            details={detailsOf(appointment, props.sites, props.staff)}
            selected={props.selectedId === appointment.id}
            clock={props.clock}
            onSelect={props.onSelect}
          />
        </li>
      ))}
    </ol>
  );
}

export function DayView(props: AgendaViewProps & { day: string }) {
  const { appointments, day } = props;
  return (
    <section className="day-view" aria-labelledby="day-view-title">
      <h2 id="day-view-title">{formatDayHeading(day)}</h2>
      {props.site && <OpeningLine site={props.site} day={day} />}
      {appointments.length === 0 ? (
        <p className="empty">Aucun rendez-vous ce jour-là.</p>
      ) : (
        <AppointmentList
          {...props}
          className="day-list"
          label={`Rendez-vous du ${formatDayHeading(day)}`}
        />
      )}
    </section>
  );
}
