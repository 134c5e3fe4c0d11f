/** Adding or editing an action of the catalogue: title, theme, kind, partner, defaults. */
import { useState, type FormEvent } from 'react';
import { ACTION_KIND_LABELS, THEME_LABELS } from '../../domain/rules/workshops';
import { ACTION_KINDS, ACTION_THEMES } from '../../domain/schemas/workshop';
import type { NewDocument } from '../../db/writes';
import { useTypedInput } from '../../app/pwa/useUnsavedChanges';
import { SelectField, TextField } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import {
  actionOf,
  validateActionDraft,
  type ActionDraft,
  type ActionDraftErrors,
} from './action-draft';

export function ActionForm(props: {
  title: string;
  initial: ActionDraft;
  onSubmit(action: NewDocument<'workshops'>): Promise<void>;
  onCancel(): void;
}) {
  const typed = useTypedInput('l’action');
  const [draft, setDraft] = useState(props.initial);
  const [errors, setErrors] = useState<ActionDraftErrors>({});
  const [busy, setBusy] = useState(false);
  const update = <K extends keyof ActionDraft>(key: K, value: string) =>
    setDraft((current) => ({ ...current, [key]: value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    const found = validateActionDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await props.onSubmit(actionOf(draft));
      typed.saved();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="action-form card"
      noValidate
      autoComplete="off"
      onChange={typed.onChange}
      onSubmit={(e) => void save(e)}
    >
      <h2>{props.title}</h2>
      <TextField
        label="Titre"
        required
        value={draft.title}
        maxLength={200}
        onChange={(e) => update('title', e.target.value)}
        error={errors.title}
      />
      <div className="form-row">
        <SelectField
          label="Thème"
          required
          value={draft.theme}
          placeholder="Choisir"
          options={ACTION_THEMES.map((t) => ({ value: t, label: THEME_LABELS[t] }))}
          onChange={(e) => update('theme', e.target.value)}
          error={errors.theme}
        />
        <SelectField
          label="Type d’action"
          required
          value={draft.actionKind}
          options={ACTION_KINDS.map((k) => ({ value: k, label: ACTION_KIND_LABELS[k] }))}
          onChange={(e) => update('actionKind', e.target.value)}
          error={errors.actionKind}
        />
      </div>
      <TextField
        label="Partenaire"
        hint="L’organisme qui co-anime, s’il y en a un."
        value={draft.partner}
        maxLength={200}
        onChange={(e) => update('partner', e.target.value)}
        error={errors.partner}
      />
      <div className="form-row">
        <TextField
          label="Durée par défaut (minutes)"
          type="number"
          inputMode="numeric"
          min={15}
          max={480}
          step={15}
          value={draft.defaultDurationMinutes}
          onChange={(e) => update('defaultDurationMinutes', e.target.value)}
          error={errors.defaultDurationMinutes}
        />
        <TextField
          label="Places par défaut"
          type="number"
          inputMode="numeric"
          min={1}
          max={500}
          value={draft.defaultCapacity}
          onChange={(e) => update('defaultCapacity', e.target.value)}
          error={errors.defaultCapacity}
        />
      </div>
      <FormActions submitLabel="Enregistrer l’action" busy={busy} onCancel={props.onCancel} />
    </form>
  );
}
