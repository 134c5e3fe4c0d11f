/**
 * The form « Clôturer le dispositif » of a CEJ or a PACEA: the actual end date and the exit
 * reason. A refused closing keeps what was typed and says why under the field, in French.
 */
import { useState, type FormEvent } from 'react';
import { useUnsavedChanges } from '../../../app/pwa/useUnsavedChanges';
import { DISPOSITIF_EXIT_REASON_LABELS, optionsOf } from '../../../domain/labels';
import type { PathwayRecord } from '../../../domain/schemas/pathway';
import { SelectField, TextField } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { validateClosing, type ClosingErrors, type ClosingValues } from './dispositif-closing';

interface Props {
  dispositif: PathwayRecord;
  initial: ClosingValues;
  onSave(values: ClosingValues): Promise<void>;
  onCancel(): void;
}

export function DispositifClosing({ dispositif, initial, onSave, onCancel }: Props) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ClosingErrors>({});
  const [saving, setSaving] = useState(false);
  const changed = values.endedOn !== initial.endedOn || values.exitReason !== initial.exitReason;
  useUnsavedChanges(changed && !saving, 'la clôture du dispositif');
  const title = `Clôturer le ${dispositif.programme ?? 'dispositif'}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateClosing(values, dispositif);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      await onSave(values);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      autoComplete="off"
      className="card inline-form"
      aria-label={title}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h4>{title}</h4>
      <div className="form-grid">
        <TextField
          label="Date de fin réelle"
          type="date"
          name="endedOn"
          required
          value={values.endedOn}
          error={errors.endedOn}
          onChange={(e) => setValues((v) => ({ ...v, endedOn: e.target.value }))}
        />
        <SelectField
          label="Motif de sortie"
          name="exitReason"
          required
          placeholder="Choisir un motif"
          options={optionsOf(DISPOSITIF_EXIT_REASON_LABELS)}
          value={values.exitReason}
          error={errors.exitReason}
          onChange={(e) => setValues((v) => ({ ...v, exitReason: e.target.value }))}
        />
      </div>
      <FormActions
        submitLabel="Clôturer"
        onCancel={onCancel}
        busy={saving}
        busyLabel="Enregistrement…"
      />
    </form>
  );
}
