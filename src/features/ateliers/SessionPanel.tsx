/**
 * The chosen session: what, when, where, who runs it, places, deadline, and its cancellation
 * (with a reason, only before it starts: the shared rule cancellationProblem).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ERROR_CODES } from '../../domain/errors';
import {
  ACTION_KIND_LABELS,
  cancellationProblem,
  isActionKind,
  isActionTheme,
  sessionStarted,
  THEME_LABELS,
} from '../../domain/rules/workshops';
import type { Site } from '../../domain/schemas/site';
import type { StaffMember } from '../../domain/schemas/staff';
import type { Workshop } from '../../domain/schemas/workshop';
import { dayOf, formatDateTime, formatDayFull, formatDayLong, type Clock } from '../../domain/time';
import { TextField } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { sessionTimes } from './SessionItem';
import { SessionSignUps } from './SessionSignUps';

export function SessionPanel(props: {
  session: Workshop;
  action?: Workshop;
  sites: ReadonlyMap<string, Site>;
  staff: ReadonlyMap<string, StaffMember>;
  clock: Clock;
  onCancelSession(reason: string): Promise<void>;
  onClose(): void;
}) {
  const { session } = props;
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const nameOf = (id: string) => props.staff.get(id)?.name ?? 'Collègue inconnu·e';
  const animateurs = [session.facilitatorId, ...(session.coFacilitatorIds ?? [])].filter(
    (id): id is string => Boolean(id),
  );
  const held = sessionStarted(session, props.clock);
  // On a tablet in portrait the panel opens below the week: taking the focus brings it in view.
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  async function cancel(event: FormEvent) {
    event.preventDefault();
    const problem = cancellationProblem({ ...session, cancellationReason: reason }, props.clock);
    setError(problem ? ERROR_CODES[problem].fr : undefined);
    if (problem) return;
    setBusy(true);
    try {
      await props.onCancelSession(reason);
      setCancelling(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="session-panel card">
      <div className="section-header">
        <h2 tabIndex={-1} ref={titleRef}>
          {session.title}
        </h2>
        <button type="button" className="button-secondary" onClick={props.onClose}>
          Fermer
        </button>
      </div>
      <dl className="session-facts">
        <dt>Quand</dt>
        <dd>
          {session.start ? `${formatDayFull(dayOf(session.start))}, ${sessionTimes(session)}` : '—'}
        </dd>
        <dt>Où</dt>
        <dd>
          {[props.sites.get(session.siteId ?? '')?.name, session.place]
            .filter(Boolean)
            .join(' — ') || '—'}
        </dd>
        <dt>Type et thème</dt>
        <dd>
          {[
            isActionKind(session.kind) ? ACTION_KIND_LABELS[session.kind] : undefined,
            isActionTheme(session.theme) ? THEME_LABELS[session.theme] : undefined,
          ]
            .filter(Boolean)
            .join(' · ')}
        </dd>
        {props.action?.partner && (
          <>
            <dt>Partenaire</dt>
            <dd>{props.action.partner}</dd>
          </>
        )}
        <dt>Animation</dt>
        <dd>{animateurs.length ? animateurs.map(nameOf).join(', ') : '—'}</dd>
        <dt>Places</dt>
        <dd>{session.capacity ?? '—'}</dd>
        {session.closedAt && (
          <>
            <dt>Clôturée</dt>
            <dd>le {formatDateTime(session.closedAt)}</dd>
          </>
        )}
        <dt>Inscriptions jusqu’au</dt>
        <dd>
          {session.signUpDeadline ? formatDayLong(session.signUpDeadline) : 'jour de la session'}
        </dd>
      </dl>
      {session.cancelled ? (
        <p className="notice" role="status">
          Session annulée{session.cancellationReason ? ` : ${session.cancellationReason}` : ''}.
        </p>
      ) : held ? (
        <p className="muted">Cette session a commencé : elle ne s’annule plus.</p>
      ) : cancelling ? (
        <form className="cancel-form" noValidate onSubmit={(e) => void cancel(e)}>
          <TextField
            label="Motif de l’annulation"
            required
            value={reason}
            maxLength={200}
            onChange={(e) => setReason(e.target.value)}
            error={error}
          />
          <FormActions
            submitLabel="Annuler la session"
            busy={busy}
            cancelLabel="Garder la session"
            onCancel={() => setCancelling(false)}
          />
        </form>
      ) : (
        <button type="button" className="button-secondary" onClick={() => setCancelling(true)}>
          Annuler cette session…
        </button>
      )}
      <SessionSignUps session={session} site={props.sites.get(session.siteId ?? '')} held={held} />
    </div>
  );
}
