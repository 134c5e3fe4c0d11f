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
import { DURATION_OPTIONS } from './labels';
import { SaveFooter, useWarnedSave, WarningList } from './WarnedSave';
import { advisersOf } from '../shared/useDirectory';
import { YouthPicker } from './YouthPicker';
import { useTypedInput } from '../../app/pwa/useUnsavedChanges';

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
  const typed = useTypedInput('le rendez-vous');
  const { initial, sites, staff, check, onSubmit } = props;
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const {
    warnings,
    setWarnings,
    busy,
    failure,
    save: saveWarned,
  } = useWarnedSave("Le rendez-vous n'a pas pu être enregistré");
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
    await saveWarned(
      force,
      () => check({ ...slot, status: 'planifie' }),
      () => onSubmit(slot),
    );
  }

  const siteAdvisers = advisersOf(staff, draft.siteId);
  const adviserOptions = (
    siteAdvisers.some((s) => s.id === draft.staffId)
      ? siteAdvisers
      : [...siteAdvisers, ...staff.filter((s) => s.id === draft.staffId)]
  ).map((s) => ({ value: s.id, label: s.name }));

  return (
    <form
      onChange={typed.onChange}
      autoComplete="off"
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
          <WarningList warnings={warnings} nameOf={props.nameOf} />
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
      <SaveFooter
        failure={failure}
        showActions={!warnings?.length}
        busy={busy}
        submitLabel={busy ? 'Vérification…' : (props.submitLabel ?? 'Enregistrer le rendez-vous')}
        onCancel={props.onCancel}
      />
    </form>
  );
}
