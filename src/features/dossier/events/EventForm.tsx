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
import { CheckboxGroupField, SelectField, TextAreaField, TextField } from '../../../ui/Field';
import { useFormValues } from '../../../ui/useFormValues';
import { EXTERIEUR, validateEventForm, type EventFormValues } from './event-form';
import { FormActions } from '../../../ui/FormActions';
import { useTypedInput } from '../../../app/pwa/useUnsavedChanges';

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
  const typed = useTypedInput('l’événement');
  const { values, set, setErrors, field } = useFormValues(initial);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);

  // The compte-rendu is what is left to type: the cursor waits there.
  useEffect(() => {
    const report = formRef.current?.elements.namedItem('report');
    if (report instanceof HTMLElement) report.focus();
  }, []);

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
      onChange={typed.onChange}
      autoComplete="off"
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
        <SelectField label="Type" options={optionsOf(EVENT_KIND_LABELS)} {...field('kind')} />
        <TextField label="Date" type="date" {...field('date')} />
        <TextField label="Heure" type="time" {...field('time')} />
        <SelectField
          label="Lieu"
          options={[
            ...sites.map((site) => ({ value: site.id, label: site.name })),
            { value: EXTERIEUR, label: 'Extérieur' },
          ]}
          {...field('place')}
        />
        <TextField label="Durée (minutes)" inputMode="numeric" {...field('duration')} />
        {values.kind === 'relance' && (
          <>
            <SelectField
              label="Canal de la relance"
              placeholder="Choisir"
              options={optionsOf(RELANCE_CHANNEL_LABELS)}
              {...field('channel')}
            />
            <TextField label="Relancer à nouveau le" type="date" {...field('followUpOn')} />
          </>
        )}
      </div>
      <CheckboxGroupField
        legend="Thèmes abordés"
        name="themes"
        className="themes"
        options={optionsOf(EVENT_THEME_LABELS)}
        values={values.themes}
        onChange={(themes) => set('themes', themes)}
      />
      <TextAreaField
        label="Compte-rendu"
        rows={4}
        hint={
          canSeeSensitive
            ? undefined
            : "Réservé aux conseiller·ères : vous ne pourrez pas le relire après l'enregistrement."
        }
        {...field('report')}
      />
      {saveError && (
        <p className="form-error" role="alert">
          L&apos;enregistrement sur cet appareil a échoué : {saveError}
        </p>
      )}
      <FormActions
        submitLabel="Enregistrer"
        onCancel={onCancel}
        busy={saving}
        busyLabel="Enregistrement…"
      />
    </form>
  );
}
