/**
 * Booking or moving a rendez-vous. On "Enregistrer" the form checks the draft (French errors on
 * the fields), then asks the agenda for warnings (adviser or young person already booked, site
 * closed or outside its hours): a warning is shown once and the rendez-vous can be saved anyway.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppointmentSlot, AppointmentWarning } from '../../domain/rules/appointments';
import type { Site } from '../../domain/schemas/site';
import type { StaffMember } from '../../domain/schemas/staff';
import { SelectField, TextField } from '../../ui/Field';
import {
  slotOf,
  validateDraft,
  type AppointmentDraft,
  type DraftErrors,
} from './appointment-draft';
import { DURATION_OPTIONS, warningText } from './labels';
import { advisersOf } from '../shared/useDirectory';
import { YouthPicker } from './YouthPicker';

export interface AppointmentFormProps {
  title: string;
  initial: AppointmentDraft;
  sites: readonly Site[];
  staff: readonly StaffMember[];
  /** Moving: the young person stays the same. */
  youthLocked?: boolean;
  submitLabel?: string;
  check(slot: AppointmentSlot): Promise<AppointmentWarning[]>;
  nameOf(youthId: string): string;
  onSubmit(slot: ReturnType<typeof slotOf>): Promise<void>;
  onCancel(): void;
}

export function AppointmentForm(props: AppointmentFormProps) {
  const { initial, sites, staff, check, onSubmit } = props;
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [warnings, setWarnings] = useState<AppointmentWarning[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const warningRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => titleRef.current?.focus(), []);
  useEffect(() => {
    if (warnings?.length) warningRef.current?.focus();
  }, [warnings]);

  function update<K extends keyof AppointmentDraft>(key: K, value: AppointmentDraft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
    setWarnings(null);
  }

  async function save(force: boolean) {
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const slot = slotOf(draft);
    setBusy(true);
    setFailure(null);
    try {
      if (!force) {
        const list = await check({ ...slot, status: 'planifie' });
        if (list.length > 0) {
          setWarnings(list);
          return;
        }
      }
      await onSubmit(slot);
    } catch (error) {
      setFailure(`Le rendez-vous n'a pas pu être enregistré : ${String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  const siteAdvisers = advisersOf(staff, draft.siteId);
  const adviserOptions = (
    siteAdvisers.some((s) => s.id === draft.staffId)
      ? siteAdvisers
      : [...siteAdvisers, ...staff.filter((s) => s.id === draft.staffId)]
  ).map((s) => ({ value: s.id, label: s.name }));

  return (
    <form
      className="appointment-form card"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void save(false);
      }}
    >
      <h2 tabIndex={-1} ref={titleRef}>
        {props.title}
      </h2>
      <YouthPicker
        value={draft.youthId}
        onChange={(youthId) => update('youthId', youthId)}
        error={errors.youthId}
        locked={props.youthLocked}
      />
      <div className="form-row">
        <SelectField
          label="Lieu"
          required
          value={draft.siteId}
          placeholder="Choisir un site"
          options={sites.map((s) => ({ value: s.id, label: s.name }))}
          onChange={(e) => update('siteId', e.target.value)}
          error={errors.siteId}
        />
        <SelectField
          label="Conseiller·ère"
          required
          value={draft.staffId}
          placeholder="Choisir"
          options={adviserOptions}
          onChange={(e) => update('staffId', e.target.value)}
          error={errors.staffId}
        />
      </div>
      <div className="form-row">
        <TextField
          label="Date"
          type="date"
          required
          value={draft.day}
          onChange={(e) => update('day', e.target.value)}
          error={errors.day}
        />
        <TextField
          label="Heure"
          type="time"
          step={300}
          required
          value={draft.time}
          onChange={(e) => update('time', e.target.value)}
          error={errors.time}
        />
        <SelectField
          label="Durée"
          value={draft.durationMinutes}
          options={DURATION_OPTIONS}
          onChange={(e) => update('durationMinutes', e.target.value)}
          error={errors.durationMinutes}
        />
      </div>
      <TextField
        label="Objet"
        value={draft.subject}
        maxLength={200}
        placeholder="Entretien de suivi, point CV, bilan PMSMP…"
        onChange={(e) => update('subject', e.target.value)}
        error={errors.subject}
      />
      {warnings && warnings.length > 0 && (
        <div className="warning-box" role="alert" tabIndex={-1} ref={warningRef}>
          <p>
            <strong>Attention</strong>
          </p>
          <ul>
            {warnings.map((warning) => (
              <li key={warning.code}>{warningText(warning, props.nameOf)}</li>
            ))}
          </ul>
          <div className="form-actions">
            <button
              type="button"
              className="button-primary"
              disabled={busy}
              onClick={() => void save(true)}
            >
              Enregistrer quand même
            </button>
            <button type="button" className="button-secondary" onClick={() => setWarnings(null)}>
              Modifier
            </button>
          </div>
        </div>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {!warnings?.length && (
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? 'Vérification…' : (props.submitLabel ?? 'Enregistrer le rendez-vous')}
          </button>
          <button type="button" className="button-secondary" onClick={props.onCancel}>
            Fermer sans enregistrer
          </button>
        </div>
      )}
    </form>
  );
}
