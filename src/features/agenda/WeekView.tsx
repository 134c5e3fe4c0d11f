/**
 * The agenda of a week, Monday first (French weeks): one column per day with its rendez-vous.
 * Saturday and Sunday only appear when something happens or the site opens then.
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
      index < 5 ||
      byDay.has(day) ||
      (props.site !== undefined && openingsOn(props.site, day).intervals.length > 0),
  );
  return (
    <section className="week-view" aria-label={`Semaine ${isoWeekOf(props.weekStart)}`}>
      {days.map((day) => {
        const list = byDay.get(day) ?? [];
        return (
          <section key={day} className="week-day" aria-label={formatDayHeading(day)}>
            <h3>
              <button
                type="button"
                className="button-link week-day-link"
                onClick={() => props.onOpenDay(day)}
                aria-label={`Voir le ${formatDayHeading(day)}`}
              >
                {formatDayShortHeading(day)}
              </button>
              <span className="muted week-day-count">
                {list.length > 0 ? `${list.length} rdv` : ''}
              </span>
            </h3>
            {props.site && <OpeningLine short site={props.site} day={day} />}
            <AppointmentList {...props} appointments={list} className="week-list" compact />
          </section>
        );
      })}
    </section>
  );
}
