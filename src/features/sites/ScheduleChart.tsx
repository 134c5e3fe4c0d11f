/**
 * A site's week at a glance: one line per day, a bar per opening slot on a 7 h–20 h scale.
 * Screen readers get the schedule in words.
 */
import { formatSchedule, type ScheduleSlot } from '../../domain/rules/schedule';
import { minutesOfDay, WEEKDAY_NAMES } from '../../domain/time';

const SCALE_START = 7 * 60;
const SCALE_END = 20 * 60;
const TICKS = [8, 10, 12, 14, 16, 18];

function percent(time: string): number {
  const minutes = Math.min(Math.max(minutesOfDay(time) ?? SCALE_START, SCALE_START), SCALE_END);
  return ((minutes - SCALE_START) / (SCALE_END - SCALE_START)) * 100;
}

export function ScheduleChart({ slots }: { slots: readonly ScheduleSlot[] }) {
  const weekend = slots.some((s) => s.weekday >= 6);
  const days = WEEKDAY_NAMES.slice(0, weekend ? 7 : 5);
  const text = slots.length > 0 ? formatSchedule(slots) : 'Aucun horaire';
  return (
    <div className="schedule-chart" role="img" aria-label={`Horaires : ${text}`}>
      {days.map((name, index) => (
        <div className="schedule-row" key={name} aria-hidden="true">
          <span className="schedule-day">{name.slice(0, 3)}.</span>
          <span className="schedule-track">
            {TICKS.map((hour) => (
              <span
                key={hour}
                className="schedule-tick"
                style={{ left: `${percent(`${String(hour).padStart(2, '0')}:00`)}%` }}
              />
            ))}
            {slots
              .filter((s) => s.weekday === index + 1)
              .map((s) => (
                <span
                  key={`${s.start}-${s.end}`}
                  className="schedule-bar"
                  style={{
                    left: `${percent(s.start)}%`,
                    width: `${Math.max(percent(s.end) - percent(s.start), 0.5)}%`,
                  }}
                />
              ))}
          </span>
        </div>
      ))}
      <div className="schedule-row schedule-scale" aria-hidden="true">
        <span className="schedule-day" />
        <span className="schedule-track">
          {TICKS.map((hour) => (
            <span
              key={hour}
              className="schedule-hour"
              style={{ left: `${percent(`${String(hour).padStart(2, '0')}:00`)}%` }}
            >
              {hour} h
            </span>
          ))}
        </span>
      </div>
    </div>
  );
}
