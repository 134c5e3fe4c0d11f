/**
 * "C'est peut-être…": the dossiers on the device that look like the person being recorded,
 * shown while the names are typed, before any new dossier is made.
 */
import { forwardRef } from 'react';
import type { Match } from '../../domain/rules/matching';
import type { Youth } from '../../domain/schemas/youth';
import { PersonSummary } from './PersonSummary';
import { fullName } from '../../domain/rules/names';
import { counted } from '../../domain/plural';

interface SuggestionsProps {
  matches: Match<Youth>[];
  siteNames: ReadonlyMap<string, string>;
  /** Set when "Enregistrer" was tapped with a probable duplicate shown. */
  mustCheck: boolean;
  onChoose(youth: Youth): void;
}

export const Suggestions = forwardRef<HTMLElement, SuggestionsProps>(function Suggestions(
  { matches, siteNames, mustCheck, onChoose },
  ref,
) {
  return (
    <section
      ref={ref}
      className={`suggestions${mustCheck ? ' must-check' : ''}`}
      aria-labelledby="suggestions-title"
      tabIndex={-1}
    >
      <h2 id="suggestions-title">C’est peut-être…</h2>
      <p className="muted" aria-live="polite">
        {matches.length === 0
          ? 'Aucun dossier ressemblant sur cette tablette pour l’instant.'
          : `${counted(matches.length, 'dossier ressemblant', 'dossiers ressemblants')} sur cette tablette.`}
      </p>
      {mustCheck && (
        <p className="form-error" role="alert">
          Vérifiez d’abord : ce jeune a peut-être déjà un dossier. Si ce n’est pas lui ou elle,
          touchez de nouveau « Enregistrer quand même ».
        </p>
      )}
      <ul className="match-list">
        {matches.map((match) => (
          <li key={match.candidate.id} className="match">
            <PersonSummary
              youth={match.candidate}
              siteName={siteNames.get(match.candidate.siteId)}
            />
            <span className="match-score">
              ressemblance {Math.round(match.score * 100)} %
              {match.inverted ? ' · nom et prénom inversés' : ''}
            </span>
            <button
              type="button"
              className="button-secondary"
              aria-label={`C’est cette personne : ${fullName(match.candidate)}`}
              onClick={() => onChoose(match.candidate)}
            >
              C’est cette personne
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
});
