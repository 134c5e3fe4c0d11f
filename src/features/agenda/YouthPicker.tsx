/**
 * Choosing the young person of a rendez-vous: type a few letters of the name, pick in the list.
 * Searches the dossiers on this device, so it works offline.
 */
import { useId, useState } from 'react';
import { Link } from 'wouter';
import { ageOf } from '../../domain/rules/age';
import { formatDayShort, type Clock } from '../../domain/time';
import type { Youth } from '../../domain/schemas/youth';
import { useYouth } from '../dossier/useDossier';
import { MAX_RESULTS, useYouthSearch } from './useYouthSearch';
import { fullName } from '../../domain/rules/names';
import { useClock } from '../../app/clock-context';
import { counted } from '../../domain/plural';

interface YouthPickerProps {
  value: string;
  onChange(youthId: string): void;
  error?: string;
  /** The choice cannot be changed (moving a rendez-vous). */
  locked?: boolean;
  label?: string;
}

export function describeYouth(youth: Youth, clock: Clock): string {
  const age = ageOf(youth.birthDate, clock);
  const born =
    youth.birthDate && youth.birthDate.length === 10
      ? ` · né·e le ${formatDayShort(youth.birthDate)}`
      : '';
  return `${age ? `${age.approximate ? '~' : ''}${age.years} ans` : 'âge inconnu'}${born}`;
}

export function YouthPicker({ value, onChange, error, locked, label = 'Jeune' }: YouthPickerProps) {
  const id = useId();
  const clock = useClock();
  const [query, setQuery] = useState('');
  const chosen = useYouth(value || undefined);
  const results = useYouthSearch(query);

  if (value) {
    const youth = chosen.data;
    return (
      <div className="field">
        <span className="field-label" id={`${id}-label`}>
          {label}
        </span>
        <div className="youth-chosen" aria-labelledby={`${id}-label`}>
          <strong>{youth ? fullName(youth) : 'Dossier choisi'}</strong>
          {youth && <span className="muted">{describeYouth(youth, clock)}</span>}
          {!locked && (
            <button type="button" className="button-link" onClick={() => onChange('')}>
              Changer de jeune
            </button>
          )}
        </div>
      </div>
    );
  }

  const shown = results.data.slice(0, MAX_RESULTS);
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        <span aria-hidden="true"> *</span>
      </label>
      <p id={`${id}-hint`} className="field-hint">
        Tapez quelques lettres du nom ou du prénom.
      </p>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {query.trim().length > 0 && (
        <>
          <p className="muted youth-results-count" aria-live="polite">
            {results.data.length === 0
              ? 'Aucun dossier ne correspond sur cet appareil.'
              : `${counted(results.data.length, 'dossier')}${results.data.length > MAX_RESULTS ? ` (les ${MAX_RESULTS} premiers)` : ''}`}
          </p>
          <ul className="youth-results" aria-label="Dossiers trouvés">
            {shown.map((youth) => (
              <li key={youth.id}>
                <button type="button" onClick={() => onChange(youth.id)}>
                  <strong>
                    {youth.lastName} {youth.firstName}
                  </strong>{' '}
                  <span className="muted">{describeYouth(youth, clock)}</span>
                </button>
              </li>
            ))}
          </ul>
          {results.data.length === 0 && (
            <p>
              <Link href="/dossiers/nouveau">Créer un dossier (premier accueil)</Link>
            </p>
          )}
        </>
      )}
    </div>
  );
}
