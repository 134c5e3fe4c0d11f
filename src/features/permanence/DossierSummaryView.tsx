/** The dossier in one glance, for the adviser receiving the young person. */
import type { DossierSummary } from '../../domain/rules/dossier-summary';
import type { CejWeek } from '../../domain/rules/cej-hours';
import { formatDateTime, formatDayShort, formatHours } from '../../domain/time';
import { EVENT_KIND_LABELS, EVENT_THEME_LABELS } from '../../domain/labels';
import { propositionText, SITUATION_LABELS } from './labels';

const EXCERPT_LENGTH = 110;

export function CejHoursBar({ week }: { week: CejWeek }) {
  const ratio = week.commitment > 0 ? Math.min(week.hours / week.commitment, 1) : 0;
  const short = week.hours < week.commitment;
  return (
    <div
      className={`cej-bar${short ? ' is-short' : ''}`}
      role="img"
      aria-label={`Heures CEJ cette semaine : ${formatHours(week.hours)} sur ${formatHours(week.commitment)} d'engagement`}
    >
      <span className="cej-bar-track">
        <span className="cej-bar-fill" style={{ width: `${ratio * 100}%` }} />
      </span>
      <span className="cej-bar-text" aria-hidden="true">
        {formatHours(week.hours)} / {formatHours(week.commitment)}
      </span>
    </div>
  );
}

function excerpt(text: string | undefined): string {
  if (!text) return '';
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
}

export function DossierSummaryView({ summary }: { summary: DossierSummary | undefined }) {
  if (!summary) return <p className="muted">Lecture du dossier…</p>;
  const { dispositif, cejWeek, situation } = summary;
  return (
    <div className="dossier-summary">
      <div className="summary-block">
        <h3>Dispositif</h3>
        {dispositif ? (
          <p>
            <strong>{dispositif.programme}</strong>
            {dispositif.startDate && ` depuis le ${formatDayShort(dispositif.startDate)}`}
            {dispositif.endDate && ` (jusqu'au ${formatDayShort(dispositif.endDate)})`}
            {dispositif.phase && (
              <>
                <br />
                <span className="muted">{dispositif.phase}</span>
              </>
            )}
          </p>
        ) : (
          <p className="muted">Aucun dispositif en cours</p>
        )}
        {cejWeek && (
          <>
            <h3>Heures CEJ cette semaine</h3>
            <CejHoursBar week={cejWeek} />
          </>
        )}
        {situation?.situationType && (
          <>
            <h3>Situation</h3>
            <p>{SITUATION_LABELS[situation.situationType]}</p>
          </>
        )}
      </div>
      <div className="summary-block">
        <h3>Propositions en cours ({summary.openPropositions.length})</h3>
        {summary.openPropositions.length === 0 ? (
          <p className="muted">Aucune</p>
        ) : (
          <ul>
            {summary.openPropositions.slice(0, 3).map((p) => (
              <li key={p.id}>{propositionText(p)}</li>
            ))}
          </ul>
        )}
        {summary.nextAppointment && (
          <p className="muted">
            Prochain rendez-vous : {formatDateTime(summary.nextAppointment.start)}
          </p>
        )}
      </div>
      <div className="summary-block summary-events">
        <h3>Derniers événements</h3>
        {summary.lastEvents.length === 0 ? (
          <p className="muted">Aucun événement</p>
        ) : (
          <ul>
            {summary.lastEvents.map((event) => (
              <li key={event.id}>
                <strong>{formatDayShort(event.at.slice(0, 10))}</strong>{' '}
                {EVENT_KIND_LABELS[event.kind]}
                {event.themes && event.themes.length > 0 && (
                  <span className="muted">
                    {' '}
                    — {event.themes.map((t) => EVENT_THEME_LABELS[t]).join(', ')}
                  </span>
                )}
                {event.report && <span className="event-excerpt">{excerpt(event.report)}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
