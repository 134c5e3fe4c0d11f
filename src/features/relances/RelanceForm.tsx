/** Logging one relance: how (téléphone, SMS, courrier, e-mail), when to look again, a note. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { RELANCE_CHANNELS, type YouthEvent } from '../../domain/schemas/event';
import { parseDay } from '../../domain/time';
import { TextAreaField, TextField } from '../../ui/Field';
import { RELANCE_CHANNEL_LABELS } from '../../domain/labels';
import type { RelanceInput } from './useRelanceActions';
import { FormActions } from '../../ui/FormActions';
import { useTypedInput } from '../../app/pwa/useUnsavedChanges';

type Channel = NonNullable<YouthEvent['channel']>;

interface RelanceFormProps {
  youthId: string;
  youthName: string;
  defaultFollowUp: string;
  onSubmit(input: RelanceInput): Promise<void>;
  onCancel(): void;
}

export function RelanceForm({ youthId, youthName, defaultFollowUp, ...props }: RelanceFormProps) {
  const typed = useTypedInput('la relance en cours');
  const [channel, setChannel] = useState<Channel | ''>('');
  const [followUpOn, setFollowUpOn] = useState(defaultFollowUp);
  const [report, setReport] = useState('');
  const [errors, setErrors] = useState<{ channel?: string; followUpOn?: string }>({});
  const [busy, setBusy] = useState(false);
  const legendRef = useRef<HTMLFieldSetElement>(null);

  useEffect(() => legendRef.current?.querySelector('input')?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!channel) found.channel = 'Choisissez comment le jeune a été relancé.';
    if (!parseDay(followUpOn)) found.followUpOn = 'Indiquez le jour où revoir ce dossier.';
    setErrors(found);
    if (!channel || Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await props.onSubmit({ youthId, channel, followUpOn, report });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onChange={typed.onChange}
      autoComplete="off"
      className="relance-form"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <fieldset
        ref={legendRef}
        className={`status-choice${errors.channel ? ' has-error' : ''}`}
        aria-describedby={errors.channel ? `channel-error-${youthId}` : undefined}
      >
        <legend>Relance de {youthName} par</legend>
        {RELANCE_CHANNELS.map((value) => (
          <label key={value} className="status-option">
            <input
              autoComplete="off"
              type="radio"
              name={`channel-${youthId}`}
              value={value}
              checked={channel === value}
              onChange={() => setChannel(value)}
            />
            {RELANCE_CHANNEL_LABELS[value]}
          </label>
        ))}
        {errors.channel && (
          <p id={`channel-error-${youthId}`} className="field-error">
            {errors.channel}
          </p>
        )}
      </fieldset>
      <div className="form-row">
        <TextField
          label="À revoir le"
          type="date"
          value={followUpOn}
          onChange={(e) => setFollowUpOn(e.target.value)}
          error={errors.followUpOn}
        />
      </div>
      <TextAreaField
        label="Note"
        rows={2}
        maxLength={20000}
        placeholder="Message laissé sur le répondeur, SMS envoyé…"
        value={report}
        onChange={(e) => setReport(e.target.value)}
      />
      <FormActions
        submitLabel="Enregistrer la relance"
        onCancel={props.onCancel}
        cancelLabel="Fermer sans enregistrer"
        busy={busy}
      />
    </form>
  );
}
