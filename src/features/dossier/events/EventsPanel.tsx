/**
 * The events of a dossier: one-click buttons to record each kind, and the timeline, most recent
 * first. Events are append-only: « Corriger » records a new event that supersedes the old one,
 * and both stay visible, the old one marked as corrected.
 */
import { useState } from 'react';
import { useClock } from '../../../app/clock-context';
import { EVENT_KIND_LABELS, EVENT_THEME_LABELS } from '../../../domain/labels';
import { EVENT_KINDS, type EventKind, type YouthEvent } from '../../../domain/schemas/event';
import type { Site } from '../../../domain/schemas/site';
import { ACTION_KIND_LABELS, isActionKind } from '../../../domain/rules/workshops';
import type { Workshop } from '../../../domain/schemas/workshop';
import { formatDateTime, formatDuration } from '../../../domain/time';
import { PendingMarker } from '../../../ui/PendingMarker';
import { pendingEntry, usePendingState } from '../../../ui/usePending';
import { useDossierActions } from '../useDossierActions';
import { EventForm } from './EventForm';
import { correctionForm, eventFrom, newEventForm, type EventFormValues } from './event-form';

interface Props {
  youthId: string;
  youthSiteId: string;
  events: readonly YouthEvent[];
  sites: readonly Site[];
  names: ReadonlyMap<string, string>;
  userId: string;
  canSeeSensitive: boolean;
  /**
   * The sessions the young person attended, from their attendance (« réalisé »): shown in the
   * timeline as they are, never as a separate event to type (nothing is counted twice).
   */
  attended?: readonly Workshop[];
}

type Editing = { kind: EventKind } | { corrects: YouthEvent };

type TimelineItem = YouthEvent | { session: Workshop; at: string };

/** Events and sessions attended, most recent first. */
function timelineOf(events: readonly YouthEvent[], attended: readonly Workshop[]): TimelineItem[] {
  const sessions = attended
    .filter((s) => s.start)
    .map((session) => ({ session, at: session.start!.slice(0, 16) }));
  return [...events, ...sessions].sort((a, b) => b.at.localeCompare(a.at));
}

export function EventsPanel(props: Props) {
  const clock = useClock();
  const actions = useDossierActions();
  const pending = usePendingState();
  const [editing, setEditing] = useState<Editing>();
  const [announce, setAnnounce] = useState('');
  const byId = new Map(props.events.map((e) => [e.id, e]));
  const correctedBy = new Map(
    props.events.filter((e) => e.supersedes).map((e) => [e.supersedes!, e]),
  );
  const siteName = (id: string | undefined) =>
    id ? (props.sites.find((s) => s.id === id)?.name ?? 'Site inconnu') : 'Extérieur';

  const initial: EventFormValues | undefined = editing
    ? 'corrects' in editing
      ? correctionForm(editing.corrects)
      : newEventForm(editing.kind, props.youthSiteId, clock)
    : undefined;

  async function save(values: EventFormValues) {
    await actions.addEvent(
      eventFrom(values, {
        youthId: props.youthId,
        authorId: props.userId,
        supersedes: editing && 'corrects' in editing ? editing.corrects.id : undefined,
      }),
    );
    setEditing(undefined);
    setAnnounce(`${EVENT_KIND_LABELS[values.kind]} enregistré sur cet appareil.`);
  }

  return (
    <section aria-labelledby="events-title" className="panel">
      <h2 id="events-title">Événements</h2>
      <div className="quick-add" role="group" aria-label="Ajouter un événement">
        <span className="quick-add-label">Ajouter :</span>
        {EVENT_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="chip-button"
            aria-pressed={editing !== undefined && 'kind' in editing && editing.kind === kind}
            onClick={() => setEditing({ kind })}
          >
            {EVENT_KIND_LABELS[kind]}
          </button>
        ))}
      </div>
      <p className="visually-hidden" role="status">
        {announce}
      </p>
      {editing && initial && (
        <EventForm
          key={'corrects' in editing ? editing.corrects.id : editing.kind}
          initial={initial}
          corrects={'corrects' in editing ? editing.corrects : undefined}
          sites={props.sites}
          canSeeSensitive={props.canSeeSensitive}
          clock={clock}
          onSave={save}
          onCancel={() => setEditing(undefined)}
        />
      )}
      {props.events.length === 0 && (props.attended ?? []).length === 0 ? (
        <p className="muted">Aucun événement pour l&apos;instant.</p>
      ) : (
        <ol className="timeline">
          {timelineOf(props.events, props.attended ?? []).map((item) => {
            if ('session' in item) {
              const session = item.session;
              const kind = isActionKind(session.kind)
                ? ACTION_KIND_LABELS[session.kind]
                : 'Atelier';
              return (
                <li key={`session-${session.id}`} className="timeline-session">
                  <article aria-label={`${kind} du ${formatDateTime(session.start!)}`}>
                    <header className="timeline-header">
                      <strong>{kind}</strong>
                      <span>{formatDateTime(session.start!)}</span>
                      {session.durationMinutes !== undefined && (
                        <span className="muted">{formatDuration(session.durationMinutes)}</span>
                      )}
                      <span className="muted">{siteName(session.siteId)}</span>
                      <span className="muted">présent·e (émargement)</span>
                    </header>
                    <p>{session.title}</p>
                  </article>
                </li>
              );
            }
            const event = item;
            const correction = correctedBy.get(event.id);
            const corrected = event.supersedes ? byId.get(event.supersedes) : undefined;
            return (
              <li key={event.id} className={correction ? 'is-superseded' : undefined}>
                <article
                  aria-label={`${EVENT_KIND_LABELS[event.kind]} du ${formatDateTime(event.at)}`}
                >
                  <header className="timeline-header">
                    <strong>{EVENT_KIND_LABELS[event.kind]}</strong>
                    <span>{formatDateTime(event.at)}</span>
                    {event.durationMinutes !== undefined && (
                      <span className="muted">{formatDuration(event.durationMinutes)}</span>
                    )}
                    <span className="muted">{siteName(event.placeSiteId)}</span>
                    <span className="muted">
                      par {props.names.get(event.authorId) ?? 'inconnu·e'}
                    </span>
                    <PendingMarker entry={pendingEntry(pending, 'events', event.id)} />
                    {/* Accueil never sees compte-rendus: a correction from it would drop them. */}
                    {!correction && props.canSeeSensitive && (
                      <button
                        type="button"
                        className="button-link timeline-action"
                        onClick={() => setEditing({ corrects: event })}
                      >
                        Corriger
                      </button>
                    )}
                  </header>
                  {correction && (
                    <p className="superseded-note">
                      Corrigé : remplacé par la correction datée du {formatDateTime(correction.at)}.
                    </p>
                  )}
                  {event.supersedes && (
                    <p className="correction-note">
                      Correction de l&apos;événement du{' '}
                      {corrected ? formatDateTime(corrected.at) : '(événement introuvable)'}.
                    </p>
                  )}
                  {event.themes && event.themes.length > 0 && (
                    <ul className="tags" aria-label="Thèmes">
                      {event.themes.map((theme) => (
                        <li key={theme} className="tag">
                          {EVENT_THEME_LABELS[theme]}
                        </li>
                      ))}
                    </ul>
                  )}
                  {props.canSeeSensitive && event.report && (
                    <p className="report">{event.report}</p>
                  )}
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
