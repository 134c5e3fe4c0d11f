/** Dated exceptions of a site, one row each: closed all day, closed some hours, extra opening. */
import type { ExceptionDraft, ExceptionMode } from './site-draft';
import { newRowKey } from './site-draft';

const MODE_LABELS: Record<ExceptionMode, string> = {
  ferme: 'Fermé toute la journée',
  'ferme-heures': 'Fermé de … à …',
  ouverture: 'Ouverture exceptionnelle',
};

interface ExceptionsEditorProps {
  rows: ExceptionDraft[];
  errors?: Record<string, string>;
  onChange(rows: ExceptionDraft[]): void;
}

export function ExceptionsEditor({ rows, errors = {}, onChange }: ExceptionsEditorProps) {
  function update(key: string, patch: Partial<ExceptionDraft>) {
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }
  return (
    <fieldset className="exceptions-editor">
      <legend>Exceptions (jours fermés, ouvertures exceptionnelles)</legend>
      {rows.length === 0 && <p className="muted">Aucune exception.</p>}
      {rows.map((row, index) => {
        const n = index + 1;
        const error = errors[row.key];
        return (
          <div
            key={row.key}
            className={`exception-row${error ? ' has-error' : ''}`}
            role="group"
            aria-label={`Exception ${n}`}
          >
            <label>
              Date
              <input
                autoComplete="off"
                type="date"
                value={row.date}
                aria-invalid={error ? true : undefined}
                onChange={(e) => update(row.key, { date: e.target.value })}
              />
            </label>
            <label>
              Type
              <select
                autoComplete="off"
                value={row.mode}
                onChange={(e) => update(row.key, { mode: e.target.value as ExceptionMode })}
              >
                {Object.entries(MODE_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            {row.mode !== 'ferme' && (
              <>
                <label>
                  De
                  <input
                    autoComplete="off"
                    type="time"
                    value={row.start}
                    onChange={(e) => update(row.key, { start: e.target.value })}
                  />
                </label>
                <label>
                  À
                  <input
                    autoComplete="off"
                    type="time"
                    value={row.end}
                    onChange={(e) => update(row.key, { end: e.target.value })}
                  />
                </label>
              </>
            )}
            <label className="exception-note">
              Motif
              <input
                autoComplete="off"
                value={row.note}
                maxLength={200}
                placeholder="Férié, salle prise…"
                onChange={(e) => update(row.key, { note: e.target.value })}
              />
            </label>
            <button
              type="button"
              className="button-link"
              onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
              aria-label={`Supprimer l'exception ${n}`}
            >
              Supprimer
            </button>
            {error && <p className="field-error exception-error">{error}</p>}
          </div>
        );
      })}
      <button
        type="button"
        className="button-secondary"
        onClick={() =>
          onChange([
            ...rows,
            { key: newRowKey(), date: '', mode: 'ferme', start: '', end: '', note: '' },
          ])
        }
      >
        Ajouter une exception
      </button>
    </fieldset>
  );
}
