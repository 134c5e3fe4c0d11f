/**
 * What happened to a rendez-vous: Présent (and the entretien individuel recorded in the same
 * step), Absent, Annulé (with its reason), Reporté (with the new slot, checked like a booking),
 * Non précisé.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppointmentSlot, AppointmentWarning } from '../../domain/rules/appointments';
import { APPOINTMENT_STATUSES, type Appointment } from '../../domain/schemas/appointment';
import { EVENT_THEMES, type YouthEvent } from '../../domain/schemas/event';
import { minutesOfDay, parseDay } from '../../domain/time';
import { OUTCOME_IN_FUTURE_TEXT, outcomeDateProblem } from '../../domain/rules/happened';
import { useClock } from '../../app/clock-context';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { APPOINTMENT_STATUS_LABELS, EVENT_THEME_LABELS } from '../../domain/labels';
import { DURATION_OPTIONS } from './labels';
import { SaveFooter, useWarnedSave, WarningList } from './WarnedSave';
import type { Outcome } from './useAppointmentActions';
import { useTypedInput } from '../../app/pwa/useUnsavedChanges';

type Status = Appointment['status'];
type Theme = NonNullable<YouthEvent['themes']>[number];

export interface OutcomeFormProps {
  appointment: Appointment;
  /** Preselected status (e.g. "present" from the permanence's quick button). */
  initialStatus?: Status;
  check(slot: AppointmentSlot): Promise<AppointmentWarning[]>;
  nameOf(youthId: string): string;
  onSubmit(outcome: Outcome): Promise<void>;
  onCancel(): void;
}

export function OutcomeForm({ appointment, ...props }: OutcomeFormProps) {
  const typed = useTypedInput('le compte-rendu du rendez-vous');
  const clock = useClock();
  const [status, setStatus] = useState<Status>(props.initialStatus ?? appointment.status);
  const [withEntretien, setWithEntretien] = useState(!appointment.eventId);
  const [duration, setDuration] = useState(String(appointment.durationMinutes ?? 45));
  const [themes, setThemes] = useState<Theme[]>([]);
  const [report, setReport] = useState('');
  const [reason, setReason] = useState('');
  const [nextDay, setNextDay] = useState('');
  const [nextTime, setNextTime] = useState(appointment.start.slice(11, 16));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const {
    warnings,
    setWarnings,
    busy,
    failure,
    save: saveWarned,
  } = useWarnedSave('Enregistrement impossible');
  const firstRef = useRef<HTMLFieldSetElement>(null);

  useEffect(() => {
    firstRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, []);

  function outcome(): Outcome | undefined {
    const found: Record<string, string> = {};
    // Présent or Absent once the day came: never an entretien dated in the future.
    if (outcomeDateProblem({ status, start: appointment.start }, clock))
      found.status = OUTCOME_IN_FUTURE_TEXT;
    if (status === 'present' && withEntretien && !appointment.eventId) {
      if (themes.length === 0) found.themes = "Choisissez au moins un thème de l'entretien.";
    }
    if (status === 'reporte') {
      if (!nextDay || !parseDay(nextDay)) found.nextDay = 'Indiquez la nouvelle date.';
      if (!nextTime || minutesOfDay(nextTime) === undefined)
        found.nextTime = 'Indiquez la nouvelle heure.';
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return undefined;
    switch (status) {
      case 'present':
        return withEntretien && !appointment.eventId
          ? {
              status,
              entretien: { durationMinutes: Number(duration), themes, report },
            }
          : { status };
      case 'annule':
        return { status, cancellationReason: reason };
      case 'reporte':
        return {
          status,
          next: {
            start: `${nextDay}T${nextTime}`,
            durationMinutes: appointment.durationMinutes ?? 45,
          },
        };
      default:
        return { status };
    }
  }

  async function save(force: boolean) {
    const chosen = outcome();
    if (!chosen) return;
    const check =
      chosen.status === 'reporte'
        ? () =>
            props.check({
              // Its own slot is freed once reported: `id` keeps it out of the overlaps.
              ...appointment,
              start: chosen.next.start,
              status: 'planifie',
            })
        : undefined;
    await saveWarned(force, check, () => props.onSubmit(chosen));
  }

  return (
    <form
      onChange={typed.onChange}
      autoComplete="off"
      className="outcome-form"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void save(false);
      }}
    >
      <fieldset
        className="status-choice"
        ref={firstRef}
        aria-describedby={errors.status ? `status-error-${appointment.id}` : undefined}
      >
        <legend>Le rendez-vous</legend>
        {APPOINTMENT_STATUSES.map((value) => (
          <label key={value} className={`status-option status-${value}`}>
            <input
              autoComplete="off"
              type="radio"
              name={`status-${appointment.id}`}
              value={value}
              checked={status === value}
              onChange={() => {
                setStatus(value);
                setWarnings(null);
                setErrors((current) => ({ ...current, status: '' }));
              }}
            />
            {APPOINTMENT_STATUS_LABELS[value]}
          </label>
        ))}
      </fieldset>
      {errors.status && (
        <p id={`status-error-${appointment.id}`} className="field-error" role="alert">
          {errors.status}
        </p>
      )}

      {status === 'present' && appointment.eventId && (
        <p className="muted">L&apos;entretien de ce rendez-vous est déjà enregistré.</p>
      )}
      {status === 'present' && !appointment.eventId && (
        <div className="entretien-fields">
          <CheckboxField
            label="Enregistrer l'entretien individuel maintenant"
            checked={withEntretien}
            onChange={(e) => setWithEntretien(e.target.checked)}
          />
          {withEntretien && (
            <>
              <SelectField
                label="Durée de l'entretien"
                value={duration}
                options={DURATION_OPTIONS}
                onChange={(e) => setDuration(e.target.value)}
              />
              <fieldset
                className={`theme-choice${errors.themes ? ' has-error' : ''}`}
                aria-describedby={errors.themes ? `themes-error-${appointment.id}` : undefined}
              >
                <legend>Thèmes abordés *</legend>
                {EVENT_THEMES.map((theme) => (
                  <label key={theme}>
                    <input
                      autoComplete="off"
                      type="checkbox"
                      checked={themes.includes(theme)}
                      onChange={(e) =>
                        setThemes((current) =>
                          e.target.checked
                            ? [...current, theme]
                            : current.filter((t) => t !== theme),
                        )
                      }
                    />
                    {EVENT_THEME_LABELS[theme]}
                  </label>
                ))}
                {errors.themes && (
                  <p id={`themes-error-${appointment.id}`} className="field-error">
                    {errors.themes}
                  </p>
                )}
              </fieldset>
              <TextAreaField
                label="Compte-rendu"
                rows={4}
                maxLength={20000}
                value={report}
                onChange={(e) => setReport(e.target.value)}
              />
            </>
          )}
        </div>
      )}
      {status === 'annule' && (
        <TextField
          label="Motif de l'annulation"
          value={reason}
          maxLength={200}
          onChange={(e) => setReason(e.target.value)}
        />
      )}
      {status === 'reporte' && (
        <div className="form-row">
          <TextField
            label="Nouvelle date"
            type="date"
            required
            value={nextDay}
            onChange={(e) => {
              setNextDay(e.target.value);
              setWarnings(null);
            }}
            error={errors.nextDay}
          />
          <TextField
            label="Nouvelle heure"
            type="time"
            step={300}
            required
            value={nextTime}
            onChange={(e) => {
              setNextTime(e.target.value);
              setWarnings(null);
            }}
            error={errors.nextTime}
          />
        </div>
      )}
      {warnings && warnings.length > 0 && (
        <div className="warning-box" role="alert">
          <WarningList warnings={warnings} nameOf={props.nameOf} />
          <button
            type="button"
            className="button-primary"
            disabled={busy}
            onClick={() => void save(true)}
          >
            Reporter quand même
          </button>
        </div>
      )}
      <SaveFooter
        failure={failure}
        showActions={!warnings?.length}
        busy={busy}
        submitLabel="Enregistrer"
        onCancel={props.onCancel}
      />
    </form>
  );
}
