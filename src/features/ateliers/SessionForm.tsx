/**
 * Planning a session of an action of the catalogue, or a weekly series of them (« tous les
 * mardis de 14 h à 16 h pendant 6 semaines »). On « Planifier » the draft is checked (French
 * errors on the fields, what was typed stays), then the sessions are written on the device.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { seriesStarts } from '../../domain/rules/workshops';
import type { Site } from '../../domain/schemas/site';
import type { StaffMember } from '../../domain/schemas/staff';
import type { Workshop } from '../../domain/schemas/workshop';
import { formatDateTime, parseDay, weekdayName, weekdayOf, type Clock } from '../../domain/time';
import type { NewDocument } from '../../db/writes';
import { useTypedInput } from '../../app/pwa/useUnsavedChanges';
import { CheckboxField, SelectField, TextField } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import {
  sessionsOf,
  validateSessionDraft,
  withAction,
  type SessionDraft,
  type SessionDraftErrors,
} from './session-draft';

export interface SessionFormProps {
  initial: SessionDraft;
  actions: readonly Workshop[];
  sites: readonly Site[];
  staff: readonly StaffMember[];
  clock: Clock;
  onSubmit(sessions: NewDocument<'workshops'>[]): Promise<void>;
  onCancel(): void;
}

export function SessionForm(props: SessionFormProps) {
  const typed = useTypedInput('la session');
  const [draft, setDraft] = useState(props.initial);
  const [errors, setErrors] = useState<SessionDraftErrors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  // After a refused « Planifier », the first field in error takes the focus (and the screen).
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const offered = props.actions.filter((a) => !a.archived || a.id === draft.actionId);
  const action = props.actions.find((a) => a.id === draft.actionId);

  function update<K extends keyof SessionDraft>(key: K, value: SessionDraft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
  }

  async function save() {
    const found = validateSessionDraft(draft, props.clock);
    setErrors(found);
    if (Object.keys(found).length > 0 || !action) return;
    setBusy(true);
    setFailure(null);
    try {
      await props.onSubmit(sessionsOf(draft, action, props.clock));
      typed.saved();
    } catch (error) {
      setFailure(`La session n’a pas pu être enregistrée : ${String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  const staffOptions = props.staff
    .filter((s) => s.active !== false)
    .map((s) => ({ value: s.id, label: s.name }));
  const preview =
    draft.series && parseDay(draft.day)
      ? seriesStarts(
          {
            from: draft.day,
            weekday: weekdayOf(draft.day),
            time: draft.startTime,
            count: Number(draft.count),
          },
          props.clock,
        )
      : [];

  return (
    <form
      ref={formRef}
      className="session-form card"
      noValidate
      autoComplete="off"
      onChange={typed.onChange}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 tabIndex={-1} ref={titleRef}>
        Planifier une session
      </h2>
      <SelectField
        label="Action"
        required
        value={draft.actionId}
        placeholder="Choisir dans le catalogue"
        options={offered.map((a) => ({ value: a.id, label: a.title }))}
        onChange={(e) =>
          setDraft((current) =>
            withAction(
              current,
              props.actions.find((a) => a.id === e.target.value),
            ),
          )
        }
        error={errors.actionId}
        hint={action?.partner ? `Avec ${action.partner}` : undefined}
      />
      <div className="form-row">
        <SelectField
          label="Site organisateur"
          required
          value={draft.siteId}
          placeholder="Choisir un site"
          options={props.sites.map((s) => ({ value: s.id, label: s.name }))}
          onChange={(e) => update('siteId', e.target.value)}
          error={errors.siteId}
        />
        <TextField
          label="Lieu extérieur"
          hint="Si la session ne se tient pas au site : entreprise, mairie…"
          value={draft.place}
          maxLength={200}
          onChange={(e) => update('place', e.target.value)}
          error={errors.place}
        />
      </div>
      <div className="form-row">
        <TextField
          label={draft.series ? 'Première date' : 'Date'}
          type="date"
          required
          value={draft.day}
          onChange={(e) => update('day', e.target.value)}
          error={errors.day}
        />
        <TextField
          label="Début"
          type="time"
          step={300}
          required
          value={draft.startTime}
          onChange={(e) => update('startTime', e.target.value)}
          error={errors.startTime}
        />
        <TextField
          label="Fin"
          type="time"
          step={300}
          required
          value={draft.endTime}
          onChange={(e) => update('endTime', e.target.value)}
          error={errors.endTime}
        />
      </div>
      <div className="form-row">
        <TextField
          label="Places"
          type="number"
          inputMode="numeric"
          min={1}
          max={500}
          required
          value={draft.capacity}
          onChange={(e) => update('capacity', e.target.value)}
          error={errors.capacity}
        />
        <TextField
          label="Date limite d’inscription"
          type="date"
          value={draft.signUpDeadline}
          onChange={(e) => update('signUpDeadline', e.target.value)}
          error={errors.signUpDeadline}
        />
      </div>
      <div className="form-row">
        <SelectField
          label="Animateur·rice"
          required
          value={draft.facilitatorId}
          placeholder="Choisir"
          options={staffOptions}
          onChange={(e) => update('facilitatorId', e.target.value)}
          error={errors.facilitatorId}
        />
        <SelectField
          label="Co-animateur·rice"
          value={draft.coFacilitatorId}
          placeholder="Personne"
          options={staffOptions.filter((s) => s.value !== draft.facilitatorId)}
          onChange={(e) => update('coFacilitatorId', e.target.value)}
        />
      </div>
      <CheckboxField
        label={
          parseDay(draft.day)
            ? `Répéter chaque ${weekdayName(weekdayOf(draft.day))}`
            : 'Répéter chaque semaine'
        }
        checked={draft.series}
        onChange={(e) => update('series', e.target.checked)}
      />
      {draft.series && (
        <>
          <TextField
            label="Nombre de séances"
            type="number"
            inputMode="numeric"
            min={2}
            max={52}
            value={draft.count}
            onChange={(e) => update('count', e.target.value)}
            error={errors.count}
          />
          {preview.length > 0 && (
            <p className="muted" aria-live="polite">
              {preview.length} séances, du {formatDateTime(preview[0]!)} au{' '}
              {formatDateTime(preview[preview.length - 1]!)}.
            </p>
          )}
        </>
      )}
      {failure && <p role="alert">{failure}</p>}
      <FormActions
        submitLabel={draft.series ? 'Planifier la série' : 'Planifier la session'}
        busy={busy}
        busyLabel="Enregistrement…"
        onCancel={props.onCancel}
      />
    </form>
  );
}
