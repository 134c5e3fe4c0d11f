/**
 * The fleet's month: one row per vehicle, one column per day, each day said in words for screen
 * readers and with a letter and a colour on screen (never the colour alone): réservé, prêté,
 * en conflit, rendu, indisponible. Built from what the device knows (its loans and every
 * vehicle's calendar).
 */
import { unavailabilityDuring, type Span } from '../../domain/rules/mobility';
import type { CalendarState, MobilityRecord } from '../../domain/schemas/mobility';
import { addDays, formatDayLong, parseDay } from '../../domain/time';
import { TableScroll } from '../../ui/TableScroll';

type DayState = CalendarState | 'indisponible' | 'libre' | 'en-retard';

const DAY_LABELS: Record<DayState, [string, string]> = {
  libre: ['', 'libre'],
  reserve: ['R', 'réservé'],
  'en-cours': ['P', 'prêté'],
  rendu: ['✓', 'prêté, rendu'],
  'en-conflit': ['!', 'réservation en conflit'],
  'en-retard': ['T', 'en retard, pas encore rendu'],
  indisponible: ['I', 'indisponible'],
};

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

export function monthTitle(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

function daysOf(month: string): string[] {
  const days: string[] = [];
  for (let day = `${month}-01`; day.startsWith(month); day = addDays(day, 1)) days.push(day);
  return days;
}

function stateOn(
  vehicle: MobilityRecord,
  day: string,
  spans: readonly Span[],
  today: string,
): DayState {
  const span = spans.find(
    (s) => s.vehicleId === vehicle.id && s.startDate <= day && day <= s.endDate,
  );
  if (span) return span.state;
  // Out and not back after its last day: late from the next day until today.
  const late = spans.some(
    (s) => s.vehicleId === vehicle.id && s.state === 'en-cours' && s.endDate < day && day <= today,
  );
  if (late) return 'en-retard';
  if (unavailabilityDuring(vehicle, { startDate: day, endDate: day })) return 'indisponible';
  return 'libre';
}

export function FleetCalendar(props: {
  month: string;
  vehicles: readonly MobilityRecord[];
  spans: readonly Span[];
  today: string;
  onSelect(vehicleId: string): void;
}) {
  const days = daysOf(props.month);
  return (
    <>
      <TableScroll label={`Planning des véhicules, ${monthTitle(props.month)}`}>
        <table className="fleet-calendar">
          <caption>Planning des véhicules — {monthTitle(props.month)}</caption>
          <thead>
            <tr>
              <th scope="col">Véhicule</th>
              {days.map((day) => (
                <th
                  key={day}
                  scope="col"
                  className={day === props.today ? 'is-today' : undefined}
                  aria-label={formatDayLong(day)}
                >
                  {Number(day.slice(8))}
                  <span className="weekday" aria-hidden="true">
                    {['D', 'L', 'M', 'M', 'J', 'V', 'S'][parseDay(day)!.getDay()]}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.vehicles.map((vehicle) => (
              <tr key={vehicle.id}>
                <th scope="row">
                  <button
                    type="button"
                    className="button-link"
                    onClick={() => props.onSelect(vehicle.id)}
                  >
                    {vehicle.label ?? 'Véhicule'}
                  </button>
                </th>
                {days.map((day) => {
                  const state = stateOn(vehicle, day, props.spans, props.today);
                  const [letter, words] = DAY_LABELS[state];
                  return (
                    <td
                      key={day}
                      className={`day is-${state}${day === props.today ? ' is-today' : ''}`}
                    >
                      <span aria-hidden="true">{letter}</span>
                      <span className="visually-hidden">{words}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <ul className="calendar-legend" aria-label="Légende">
        {(['reserve', 'en-cours', 'en-retard', 'rendu', 'en-conflit', 'indisponible'] as const).map(
          (state) => (
            <li key={state}>
              <span className={`day is-${state}`} aria-hidden="true">
                {DAY_LABELS[state][0]}
              </span>{' '}
              {DAY_LABELS[state][1]}
            </li>
          ),
        )}
      </ul>
    </>
  );
}
