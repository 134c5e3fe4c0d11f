/**
 * A young person arrives without a rendez-vous: find the dossier, say why, and the visit is
 * added to the day (flagged "sans rendez-vous") at the current time, ready to be marked present.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { SelectField, TextField } from '../../ui/Field';
import { DURATION_OPTIONS } from '../agenda/labels';
import { YouthPicker } from '../agenda/YouthPicker';
import { FormActions } from '../../ui/FormActions';
import { useTypedInput } from '../../app/pwa/useUnsavedChanges';

export interface WalkIn {
  youthId: string;
  subject: string;
  durationMinutes: number;
}

interface WalkInFormProps {
  onSubmit(walkIn: WalkIn): Promise<void>;
  onCancel(): void;
}

export function WalkInForm({ onSubmit, onCancel }: WalkInFormProps) {
  const typed = useTypedInput('le passage sans rendez-vous');
  const [youthId, setYouthId] = useState('');
  const [subject, setSubject] = useState('Accueil sans rendez-vous');
  const [duration, setDuration] = useState('30');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!youthId) {
      setError('Choisissez le jeune accueilli.');
      return;
    }
    setBusy(true);
    try {
      await onSubmit({ youthId, subject: subject.trim(), durationMinutes: Number(duration) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onChange={typed.onChange}
      autoComplete="off"
      className="walk-in-form card no-print"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h2>Accueillir sans rendez-vous</h2>
      <YouthPicker
        value={youthId}
        onChange={(id) => {
          setYouthId(id);
          setError(undefined);
        }}
        error={error}
      />
      <p className="muted">
        Première venue ? <Link href="/dossiers/nouveau">Créer le dossier (premier accueil)</Link>
      </p>
      <div className="form-row">
        <TextField
          label="Objet"
          value={subject}
          maxLength={200}
          onChange={(e) => setSubject(e.target.value)}
        />
        <SelectField
          label="Durée prévue"
          value={duration}
          options={DURATION_OPTIONS}
          onChange={(e) => setDuration(e.target.value)}
        />
      </div>
      <FormActions
        submitLabel="Ajouter à la journée"
        onCancel={onCancel}
        cancelLabel="Fermer sans enregistrer"
        busy={busy}
      />
    </form>
  );
}
