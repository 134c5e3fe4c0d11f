/**
 * The agenda of a week, Monday first (French weeks): one column per day with its rendez-vous,
 * Monday to Saturday (permanences may open on Saturday), and Sunday only when it holds
 * something: a rendez-vous, or an opening of the chosen site.
 */
import { openingsOn } from '../../domain/rules/schedule';
import { daysOfWeek, formatDayHeading, formatDayShortHeading, isoWeekOf } from '../../domain/time';
import { AppointmentList, OpeningLine, type AgendaViewProps } from './DayView';

export function WeekView(
  props: AgendaViewProps & { weekStart: string; onOpenDay(day: string): void },
) {
  const byDay = new Map<string, typeof props.appointments>();
  for (const appointment of props.appointments) {
    const day = appointment.start.slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), appointment]);
  }
  const days = daysOfWeek(props.weekStart).filter(
    (day, index) =>
      index < 6 ||
      byDay.has(day) ||
      (props.site !== undefined && openingsOn(props.site, day).intervals.length > 0),
  );
  return (
    <section className="week-view" aria-label={`Semaine ${isoWeekOf(props.weekStart)}`}>
      {days.map((day) => {
        const list = byDay.get(day) ?? [];
        return (
          <section key={day} className="week-day" aria-label={formatDayHeading(day)}>
            <h2>
              {/* The visible « lun. 30 » starts the accessible name (WCAG 2.5.3). */}
              <button
                type="button"
                className="button-link week-day-link"
                onClick={() => props.onOpenDay(day)}
              >
                {formatDayShortHeading(day)}
                <span className="visually-hidden">, voir le {formatDayHeading(day)}</span>
              </button>
              <span className="muted week-day-count">
                {list.length > 0 ? `${list.length} rdv` : ''}
              </span>
            </h2>
            {props.site && <OpeningLine short site={props.site} day={day} />}
            <AppointmentList {...props} appointments={list} className="week-list" compact />
          </section>
        );
      })}
    </section>
  );
}
