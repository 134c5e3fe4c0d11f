/**
 * Editing a site: name, kind, address, commune, the weekly schedule typed in words (read back
 * live as a chart, with what was not understood), and the dated exceptions.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { parseSchedule } from '../../domain/rules/schedule';
import { SITE_KINDS } from '../../domain/schemas/site';
import { COMMUNES, QPVS } from '../../domain/territory/territory';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { ExceptionsEditor } from './ExceptionsEditor';
import { SITE_KIND_LABELS, scheduleIssueText } from './labels';
import { ScheduleChart } from './ScheduleChart';
import { readSiteDraft, type SiteDraft, type SiteDraftErrors, type SiteFields } from './site-draft';
import { FormActions } from '../../ui/FormActions';
import { useTypedInput } from '../../app/pwa/useUnsavedChanges';

const COMMUNE_OPTIONS = [...COMMUNES]
  .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
  .map((c) => ({ value: c.insee, label: c.name }));

interface SiteFormProps {
  title: string;
  initial: SiteDraft;
  onSubmit(fields: SiteFields): Promise<void>;
  onCancel(): void;
}

export function SiteForm({ title, initial, onSubmit, onCancel }: SiteFormProps) {
  const typed = useTypedInput('le site');
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<SiteDraftErrors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const preview = useMemo(() => parseSchedule(draft.scheduleText), [draft.scheduleText]);

  function update<K extends keyof SiteDraft>(key: K, value: SiteDraft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = readSiteDraft(draft);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSubmit(result.fields);
    } catch (error) {
      setFailure(`Le site n'a pas pu être enregistré : ${String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onChange={typed.onChange}
      autoComplete="off"
      className="site-form card"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h1>{title}</h1>
      <div className="form-row">
        <TextField
          label="Nom"
          required
          value={draft.name}
          maxLength={120}
          onChange={(e) => update('name', e.target.value)}
          error={errors.name}
        />
        <SelectField
          label="Type de site"
          value={draft.kind}
          options={SITE_KINDS.map((k) => ({ value: k, label: SITE_KIND_LABELS[k] }))}
          onChange={(e) => update('kind', e.target.value as SiteDraft['kind'])}
        />
      </div>
      <TextField
        label="Adresse"
        value={draft.address}
        maxLength={200}
        onChange={(e) => update('address', e.target.value)}
        error={errors.address}
      />
      <div className="form-row">
        <SelectField
          label="Commune"
          value={draft.communeInsee}
          placeholder="Choisir la commune"
          options={COMMUNE_OPTIONS}
          onChange={(e) => update('communeInsee', e.target.value)}
        />
        {draft.kind === 'permanence-qpv' && (
          <SelectField
            label="Quartier prioritaire (QPV)"
            value={draft.qpvCode}
            placeholder="Choisir le QPV"
            options={QPVS.map((q) => ({ value: q.code, label: q.name }))}
            onChange={(e) => update('qpvCode', e.target.value)}
          />
        )}
      </div>
      <TextAreaField
        label="Horaires d'ouverture"
        hint="Par exemple : « mardi 9 h–12 h 30 et 13 h 30–17 h, jeudi 14 h–17 h » ou « du lundi au vendredi 8 h 30–12 h 45 »."
        rows={2}
        value={draft.scheduleText}
        onChange={(e) => update('scheduleText', e.target.value)}
        error={errors.schedule?.join(' ')}
      />
      <div className="schedule-preview" aria-live="polite">
        <p className="muted">Ce que Relais a compris :</p>
        <ScheduleChart slots={preview.slots} />
        {preview.issues.length > 0 && !errors.schedule && (
          <ul className="schedule-issues">
            {preview.issues.map((issue, i) => (
              <li key={i}>{scheduleIssueText(issue)}</li>
            ))}
          </ul>
        )}
      </div>
      <ExceptionsEditor
        rows={draft.exceptions}
        errors={errors.exceptions}
        onChange={(rows) => update('exceptions', rows)}
      />
      <CheckboxField
        label="Site actif (proposé dans l'agenda)"
        checked={draft.active}
        onChange={(e) => update('active', e.target.checked)}
      />
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {Object.keys(errors).length > 0 && (
        <p className="form-error" role="alert">
          Le site n&apos;est pas enregistré : corrigez les champs signalés.
        </p>
      )}
      <FormActions
        submitLabel="Enregistrer le site"
        onCancel={onCancel}
        cancelLabel="Fermer sans enregistrer"
        busy={busy}
      />
    </form>
  );
}
