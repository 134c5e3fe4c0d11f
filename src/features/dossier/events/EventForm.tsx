/**
 * Recording an event (or the correction of one) from the dossier. Opened prefilled by one click
 * on its kind, so an entretien takes three actions: the kind, the compte-rendu, « Enregistrer ».
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  EVENT_KIND_LABELS,
  EVENT_THEME_LABELS,
  optionsOf,
  RELANCE_CHANNEL_LABELS,
} from '../../../domain/labels';
import type { Site } from '../../../domain/schemas/site';
import { formatDateTime, type Clock } from '../../../domain/time';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../ui/Field';
import {
  EXTERIEUR,
  validateEventForm,
  type EventErrors,
  type EventField,
  type EventFormValues,
} from './event-form';

interface Props {
  initial: EventFormValues;
  /** The event being corrected, if this is a correction. */
  corrects?: { at: string };
  sites: readonly Site[];
  canSeeSensitive: boolean;
  clock: Clock;
  onSave(values: EventFormValues): Promise<void>;
  onCancel(): void;
}

export function EventForm({
  initial,
  corrects,
  sites,
  canSeeSensitive,
  clock,
  onSave,
  onCancel,
}: Props) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<EventErrors>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);

  // The compte-rendu is what is left to type: the cursor waits there.
  useEffect(() => {
    const report = formRef.current?.elements.namedItem('report');
    if (report instanceof HTMLElement) report.focus();
  }, []);

  const set = <K extends EventField>(field: K, value: EventFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const text = (field: EventField) => ({
    name: field,
    value: values[field] as string,
    error: errors[field],
    onChange: (e: { target: { value: string } }) => set(field, e.target.value as never),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateEventForm(values, clock);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      const element = formRef.current?.elements.namedItem(first);
      if (element instanceof HTMLElement) element.focus();
      return;
    }
    setSaving(true);
    try {
      await onSave(values);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
      setSaving(false);
    }
  }

  const title = corrects
    ? `Corriger l'événement du ${formatDateTime(corrects.at)}`
    : `Nouvel événement : ${EVENT_KIND_LABELS[values.kind].toLowerCase()}`;
  return (
    <form
      ref={formRef}
      className="card event-form"
      aria-label={title}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h3>{title}</h3>
      {corrects && (
        <p className="field-hint">
          L&apos;événement d&apos;origine reste dans l&apos;historique, marqué comme corrigé.
        </p>
      )}
      <div className="form-grid">
        <SelectField label="Type" options={optionsOf(EVENT_KIND_LABELS)} {...text('kind')} />
        <TextField label="Date" type="date" {...text('date')} />
        <TextField label="Heure" type="time" {...text('time')} />
        <SelectField
          label="Lieu"
          options={[
            ...sites.map((site) => ({ value: site.id, label: site.name })),
            { value: EXTERIEUR, label: 'Extérieur' },
          ]}
          {...text('place')}
        />
        <TextField label="Durée (minutes)" inputMode="numeric" {...text('duration')} />
        {values.kind === 'relance' && (
          <>
            <SelectField
              label="Canal de la relance"
              placeholder="Choisir"
              options={optionsOf(RELANCE_CHANNEL_LABELS)}
              {...text('channel')}
            />
            <TextField label="Relancer à nouveau le" type="date" {...text('followUpOn')} />
          </>
        )}
      </div>
      <fieldset className="checkbox-group themes">
        <legend>Thèmes abordés</legend>
        {optionsOf(EVENT_THEME_LABELS).map((theme) => (
          <CheckboxField
            key={theme.value}
            label={theme.label}
            name="themes"
            checked={values.themes.includes(theme.value)}
            onChange={(e) =>
              set(
                'themes',
                e.target.checked
                  ? [...values.themes, theme.value]
                  : values.themes.filter((t) => t !== theme.value),
              )
            }
          />
        ))}
      </fieldset>
      <TextAreaField
        label="Compte-rendu"
        rows={4}
        hint={
          canSeeSensitive
            ? undefined
            : "Réservé aux conseiller·ères : vous ne pourrez pas le relire après l'enregistrement."
        }
        {...text('report')}
      />
      {saveError && (
        <p className="form-error" role="alert">
          L&apos;enregistrement sur cet appareil a échoué : {saveError}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? 'Enregistrement…' : 'Enregistrer'}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
