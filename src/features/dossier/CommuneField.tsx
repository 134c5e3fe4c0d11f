/**
 * Commune of residence with autocomplete over the 104 communes of the territory (ARIA 1.2
 * combobox: type, ↓/↑ to move, Entrée to choose, Échap to close). Once a commune is chosen, its
 * EPCI and rural zoning are shown, and in Alençon the QPV of residence is asked.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import {
  COMMUNES,
  describeResidence,
  findCommune,
  QPVS,
  RURAL_ZONING_LABELS,
  type Commune,
} from '../../domain/territory/territory';
import { SelectField } from '../../ui/Field';
import { foldText } from '../../domain/text';

const MAX_SUGGESTIONS = 8;
const ALENCON = '61001';

const SEARCHABLE = COMMUNES.map((commune) => ({
  commune,
  folded: ` ${foldText(`${commune.name} ${commune.postalCodes.join(' ')}`)}`,
})).sort((a, b) => b.commune.population - a.commune.population);

export function suggestCommunes(query: string): Commune[] {
  const tokens = foldText(query).split(' ').filter(Boolean);
  if (tokens.length === 0) return [];
  return SEARCHABLE.filter(({ folded }) => tokens.every((t) => folded.includes(` ${t}`)))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ commune }) => commune);
}

interface Props {
  communeInsee: string;
  qpvCode: string;
  error?: string;
  onChange(communeInsee: string, qpvCode: string): void;
}

export function CommuneField({ communeInsee, qpvCode, error, onChange }: Props) {
  const id = useId();
  const chosen = findCommune(communeInsee);
  const [typed, setTyped] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const text = typed ?? (chosen ? `${chosen.name} (${chosen.postalCodes[0] ?? ''})` : '');
  const suggestions = useMemo(() => (typed === null ? [] : suggestCommunes(typed)), [typed]);
  const expanded = open && suggestions.length > 0;
  const residence = describeResidence(communeInsee, qpvCode);

  function choose(commune: Commune) {
    setTyped(null);
    setOpen(false);
    onChange(commune.insee, commune.insee === ALENCON ? qpvCode : '');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && suggestions.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && suggestions.length > 0) {
      event.preventDefault();
      setActive((i) => (i - 1 + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault();
      choose(suggestions[active]!);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="commune-field">
      <div className={`field combobox${error ? ' has-error' : ''}`}>
        <label htmlFor={id}>Commune de résidence</label>
        <p id={hintId} className="field-hint">
          Tapez le début du nom ou le code postal ; laissez vide si le jeune habite hors du
          territoire.
        </p>
        <input
          id={id}
          name="communeInsee"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          aria-activedescendant={expanded ? `${id}-option-${active}` : undefined}
          aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          autoComplete="off"
          value={text}
          onChange={(e) => {
            setTyped(e.target.value);
            setActive(0);
            setOpen(true);
            if (!e.target.value.trim()) onChange('', '');
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            if (typed === null || !typed.trim()) return;
            // A name typed in full counts as chosen; anything else stays as typed and is
            // reported on save.
            const exact = suggestions.find((c) => foldText(c.name) === foldText(typed));
            if (exact) choose(exact);
            else if (!findCommune(communeInsee) || foldText(typed) !== foldText(chosen?.name ?? ''))
              onChange('?', '');
          }}
        />
        <ul id={`${id}-list`} role="listbox" className="combobox-list" hidden={!expanded}>
          {suggestions.map((commune, index) => (
            <li
              key={commune.insee}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'is-active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(commune);
              }}
            >
              {commune.name} <span className="muted">{commune.postalCodes.join(', ')}</span>
            </li>
          ))}
        </ul>
        {error && (
          <p id={errorId} className="field-error">
            {error}
          </p>
        )}
      </div>
      {residence.commune && (
        <p className="residence" aria-live="polite">
          EPCI : <strong>{residence.epci?.name ?? '—'}</strong> · Zonage rural :{' '}
          <strong>{RURAL_ZONING_LABELS[residence.ruralZoning]}</strong>
          {residence.qpv && (
            <>
              {' '}
              · QPV : <strong>{residence.qpv.name}</strong>
            </>
          )}
        </p>
      )}
      {communeInsee === ALENCON && (
        <SelectField
          label="Quartier prioritaire (QPV)"
          name="qpvCode"
          value={qpvCode}
          placeholder="Hors QPV"
          options={QPVS.map((q) => ({ value: q.code, label: q.name }))}
          onChange={(e) => onChange(communeInsee, e.target.value)}
        />
      )}
    </div>
  );
}
