/** The period of the report: a year, a quarter, a month or free dates. */
import { SelectField, TextField } from '../../ui/Field';
import { PERIOD_KIND_LABELS, yearsUpTo, type PeriodChoice, type PeriodKind } from './period-choice';

export function PeriodPicker({
  choice,
  currentYear,
  error,
  onChange,
}: {
  choice: PeriodChoice;
  currentYear: number;
  error?: string;
  onChange: (choice: PeriodChoice) => void;
}) {
  const set = (patch: Partial<PeriodChoice>) => onChange({ ...choice, ...patch });
  const years = yearsUpTo(currentYear).map((y) => ({ value: String(y), label: String(y) }));
  return (
    <fieldset className="statistics-period">
      <legend>Période</legend>
      <div className="form-grid">
        <SelectField
          label="Découpage"
          value={choice.kind}
          options={Object.entries(PERIOD_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          onChange={(e) => set({ kind: e.target.value as PeriodKind })}
        />
        {(choice.kind === 'annee' || choice.kind === 'trimestre') && (
          <SelectField
            label="Année"
            value={String(choice.year)}
            options={years}
            onChange={(e) => set({ year: Number(e.target.value) })}
          />
        )}
        {choice.kind === 'trimestre' && (
          <SelectField
            label="Trimestre"
            value={String(choice.quarter)}
            options={[1, 2, 3, 4].map((q) => ({
              value: String(q),
              label: `${q === 1 ? '1er' : `${q}e`} trimestre`,
            }))}
            onChange={(e) => set({ quarter: Number(e.target.value) })}
          />
        )}
        {choice.kind === 'mois' && (
          <TextField
            label="Mois"
            type="month"
            required
            value={choice.month}
            onChange={(e) => e.target.value && set({ month: e.target.value })}
          />
        )}
        {choice.kind === 'dates' && (
          <>
            <TextField
              label="Du"
              type="date"
              required
              value={choice.from}
              error={error}
              onChange={(e) => set({ from: e.target.value })}
            />
            <TextField
              label="Au"
              type="date"
              required
              value={choice.to}
              onChange={(e) => set({ to: e.target.value })}
            />
          </>
        )}
      </div>
    </fieldset>
  );
}
