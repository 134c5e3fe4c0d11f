/** One session in a list: time, title, where, places; cancelled or past said in words. */
import { sessionEnd, sessionStarted } from '../../domain/rules/workshops';
import type { Site } from '../../domain/schemas/site';
import type { Workshop } from '../../domain/schemas/workshop';
import { formatTimeOfDay, timeOf, type Clock } from '../../domain/time';

export function sessionTimes(session: Workshop): string {
  if (!session.start) return '';
  return `${formatTimeOfDay(timeOf(session.start))}–${formatTimeOfDay(timeOf(sessionEnd(session)))}`;
}

export function SessionItem(props: {
  session: Workshop;
  selected?: boolean;
  clock: Clock;
  /** Shown when the list mixes sites (« mes sessions »). */
  site?: Site;
  onSelect(id: string): void;
}) {
  const { session } = props;
  const status = session.cancelled
    ? 'Annulée'
    : sessionStarted(session, props.clock)
      ? 'Passée'
      : undefined;
  return (
    <button
      type="button"
      className={`session-item${session.cancelled ? ' is-cancelled' : ''}`}
      aria-current={props.selected || undefined}
      onClick={() => props.onSelect(session.id)}
    >
      <span className="session-time">{sessionTimes(session)}</span>{' '}
      <span className="session-title">{session.title}</span>
      <span className="session-meta muted">
        {[
          props.site?.name,
          session.place,
          session.capacity !== undefined ? `${session.capacity} places` : undefined,
        ]
          .filter(Boolean)
          .join(' · ')}
      </span>
      {status && <span className="badge">{status}</span>}
    </button>
  );
}
