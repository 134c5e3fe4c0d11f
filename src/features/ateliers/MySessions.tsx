/** « Mes sessions »: the sessions to come that the user runs or co-runs, day by day. */
import { runsSession } from '../../domain/rules/workshops';
import type { Site } from '../../domain/schemas/site';
import type { Workshop } from '../../domain/schemas/workshop';
import { dayOf, formatDayFull, type Clock } from '../../domain/time';
import { SessionItem } from './SessionItem';

export function MySessions(props: {
  sessions: readonly Workshop[];
  staffId: string;
  sites: ReadonlyMap<string, Site>;
  selectedId?: string;
  clock: Clock;
  onSelect(id: string): void;
}) {
  const mine = props.sessions.filter((s) => runsSession(s, props.staffId));
  if (mine.length === 0) {
    return <p className="muted">Vous n’animez aucune session dans les huit semaines à venir.</p>;
  }
  const days = [...new Set(mine.map((s) => dayOf(s.start!)))];
  return (
    <div className="my-sessions">
      {days.map((day) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`}>{formatDayFull(day)}</h2>
          <ul className="session-list">
            {mine
              .filter((s) => dayOf(s.start!) === day)
              .map((session) => (
                <li key={session.id}>
                  <SessionItem
                    session={session}
                    site={props.sites.get(session.siteId ?? '')}
                    selected={session.id === props.selectedId}
                    clock={props.clock}
                    onSelect={props.onSelect}
                  />
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
