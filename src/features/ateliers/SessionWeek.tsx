/**
 * The sessions of a week, site by site (the siège first, as the directory orders them), Monday
 * to Saturday, Sunday only when it holds a session. A site without a session this week is left
 * out unless it is the one chosen.
 */
import type { Site } from '../../domain/schemas/site';
import type { Workshop } from '../../domain/schemas/workshop';
import {
  daysOfWeek,
  dayOf,
  formatDayHeading,
  formatDayShortHeading,
  type Clock,
} from '../../domain/time';
import { SessionItem } from './SessionItem';

export interface SessionWeekProps {
  weekStart: string;
  sessions: readonly Workshop[];
  sites: readonly Site[];
  /** The chosen site, or every site. */
  siteId?: string;
  selectedId?: string;
  clock: Clock;
  onSelect(id: string): void;
}

export function SessionWeek(props: SessionWeekProps) {
  const bySite = new Map<string, Workshop[]>();
  for (const session of props.sessions) {
    const site = session.siteId ?? '';
    bySite.set(site, [...(bySite.get(site) ?? []), session]);
  }
  const shown = props.sites.filter((site) =>
    props.siteId ? site.id === props.siteId : bySite.has(site.id),
  );
  const days = daysOfWeek(props.weekStart).filter(
    (day, index) => index < 6 || props.sessions.some((s) => s.start && dayOf(s.start) === day),
  );
  if (shown.length === 0) {
    return <p className="muted">Aucune session cette semaine.</p>;
  }
  return (
    <div className="session-week">
      {shown.map((site) => {
        const sessions = bySite.get(site.id) ?? [];
        return (
          <section key={site.id} className="session-site" aria-labelledby={`site-${site.id}`}>
            <h2 id={`site-${site.id}`}>
              {site.name}{' '}
              <span className="muted">
                · {sessions.length} session{sessions.length > 1 ? 's' : ''}
              </span>
            </h2>
            <div className="session-days">
              {days.map((day) => {
                const list = sessions.filter((s) => s.start && dayOf(s.start) === day);
                return (
                  <section
                    key={day}
                    className="session-day"
                    aria-label={`${site.name}, ${formatDayHeading(day)}`}
                  >
                    <h3 aria-hidden="true">{formatDayShortHeading(day)}</h3>
                    {list.length === 0 ? (
                      <p className="muted session-none">—</p>
                    ) : (
                      <ul className="session-list">
                        {list.map((session) => (
                          <li key={session.id}>
                            <SessionItem
                              session={session}
                              selected={session.id === props.selectedId}
                              clock={props.clock}
                              onSelect={props.onSelect}
                            />
                          </li>
                        ))}
                      </ul>
                    )}
                  </section>
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}
