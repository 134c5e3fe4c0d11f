/**
 * Opening or changing a dispositif: CEJ (6–12 months, up to 18 with an extension; 15–20 h a
 * week) or PACEA (up to 24 months, in phases with objectives). A second dispositif at the same
 * time is refused, with the way out: end the running one the day before.
 */
import { useState, type FormEvent } from 'react';
import {
  CEJ_MAX_WEEKLY_HOURS,
  CEJ_MIN_WEEKLY_HOURS,
  isExtendedCej,
} from '../../../domain/rules/dispositif';
import { optionsOf, PACEA_STEP_LABELS, PHASE_EVALUATION_LABELS } from '../../../domain/labels';
import { PACEA_STEPS, type PathwayRecord } from '../../../domain/schemas/pathway';
import { addDays, formatDayShort } from '../../../domain/time';
import { lastDayOf } from '../../../domain/rules/dispositif';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field';
import {
  hasDispositifErrors,
  validateDispositifForm,
  type DispositifErrors,
  type DispositifFormValues,
  type PhaseValues,
} from './dispositif-form';
import { FormActions } from '../../../ui/FormActions';
import { useTypedInput } from '../../../app/pwa/useUnsavedChanges';

interface Props {
  initial: DispositifFormValues;
  editing?: PathwayRecord;
  others: readonly PathwayRecord[];
  onSave(values: DispositifFormValues): Promise<void>;
  /** Ends another dispositif on a day (to make room for this one). */
  onEndOther(other: PathwayRecord, lastDay: string): Promise<void>;
  onCancel(): void;
}

export function DispositifForm({ initial, editing, others, onSave, onEndOther, onCancel }: Props) {
  const typed = useTypedInput('le dispositif');
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<DispositifErrors>({});
  const set = (patch: Partial<DispositifFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const setPhase = (index: number, patch: Partial<PhaseValues>) =>
    set({ phases: values.phases.map((p, i) => (i === index ? { ...p, ...patch } : p)) });
  const overlapping = errors.overlap
    ? others.find(
        (o) =>
          o.id !== editing?.id &&
          o.startDate !== undefined &&
          o.startDate < values.startDate &&
          (lastDayOf(o) ?? '9999-12-31') >= values.startDate,
      )
    : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateDispositifForm(values, others, editing?.id, editing?.endedOn);
    setErrors(found);
    if (!hasDispositifErrors(found)) await onSave(values);
  }

  const title = editing ? `Modifier le ${values.programme}` : `Ouvrir un ${values.programme}`;
  return (
    <form
      onChange={typed.onChange}
      autoComplete="off"
      className="card inline-form"
      aria-label={title}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h3>{title}</h3>
      {errors.overlap && (
        <div className="form-error" role="alert">
          <p>{errors.overlap}</p>
          {overlapping && (
            <button
              type="button"
              className="button-secondary"
              onClick={() =>
                void onEndOther(overlapping, addDays(values.startDate, -1)).then(() =>
                  setErrors((e) => ({ ...e, overlap: undefined })),
                )
              }
            >
              Terminer le {overlapping.programme} le {formatDayShort(addDays(values.startDate, -1))}
            </button>
          )}
        </div>
      )}
      <div className="form-grid">
        {!editing && (
          <SelectField
            label="Dispositif"
            name="programme"
            value={values.programme}
            options={[
              { value: 'CEJ', label: "CEJ — Contrat d'engagement jeune" },
              { value: 'PACEA', label: 'PACEA' },
            ]}
            onChange={(e) => set({ programme: e.target.value as 'CEJ' | 'PACEA' })}
          />
        )}
        <TextField
          label="Début"
          type="date"
          name="startDate"
          value={values.startDate}
          error={errors.startDate}
          onChange={(e) => set({ startDate: e.target.value })}
        />
        <TextField
          label="Fin prévue"
          type="date"
          name="endDate"
          value={values.endDate}
          error={errors.endDate}
          hint={
            values.programme === 'CEJ'
              ? isExtendedCej({
                  id: '',
                  programme: values.programme,
                  startDate: values.startDate,
                  endDate: values.endDate,
                })
                ? 'Prolongation : 18 mois au plus.'
                : '6 à 12 mois, 18 avec une prolongation.'
              : '24 mois au plus.'
          }
          onChange={(e) => set({ endDate: e.target.value })}
        />
        {values.programme === 'CEJ' && (
          <TextField
            label="Engagement (heures / semaine)"
            type="number"
            min={CEJ_MIN_WEEKLY_HOURS}
            max={CEJ_MAX_WEEKLY_HOURS}
            name="weeklyHoursCommitment"
            value={values.weeklyHoursCommitment}
            error={errors.weeklyHoursCommitment}
            onChange={(e) => set({ weeklyHoursCommitment: e.target.value })}
          />
        )}
      </div>
      {values.programme === 'PACEA' && (
        <fieldset className="phases">
          <legend>Phases</legend>
          {values.phases.map((phase, index) => (
            <div key={index} className="phase card">
              <div className="form-grid">
                <TextField
                  label={`Phase ${index + 1} — intitulé`}
                  value={phase.label}
                  error={errors.phases?.[index]}
                  onChange={(e) => setPhase(index, { label: e.target.value })}
                />
                <SelectField
                  label={`Phase ${index + 1} — étape du PACEA`}
                  placeholder="Non précisée"
                  options={optionsOf(PACEA_STEP_LABELS)}
                  value={phase.step}
                  onChange={(e) => setPhase(index, { step: e.target.value })}
                />
                <TextField
                  label="Début"
                  type="date"
                  value={phase.startDate}
                  onChange={(e) => setPhase(index, { startDate: e.target.value })}
                />
                <TextField
                  label="Fin"
                  type="date"
                  value={phase.endDate}
                  onChange={(e) => setPhase(index, { endDate: e.target.value })}
                />
              </div>
              <TextAreaField
                label="Objectifs"
                rows={2}
                value={phase.objectives}
                onChange={(e) => setPhase(index, { objectives: e.target.value })}
              />
              <div className="form-grid">
                <SelectField
                  label={`Phase ${index + 1} — évaluation de fin de phase`}
                  placeholder="Pas encore faite"
                  options={optionsOf(PHASE_EVALUATION_LABELS)}
                  value={phase.evaluation}
                  onChange={(e) => setPhase(index, { evaluation: e.target.value })}
                />
                <TextField
                  label="Commentaire d'évaluation"
                  value={phase.evaluationComment}
                  onChange={(e) => setPhase(index, { evaluationComment: e.target.value })}
                />
              </div>
              <button
                type="button"
                className="button-link"
                onClick={() => set({ phases: values.phases.filter((_, i) => i !== index) })}
              >
                Retirer la phase {index + 1}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button-secondary"
            onClick={() =>
              set({
                phases: [
                  ...values.phases,
                  {
                    label: `Phase ${values.phases.length + 1}`,
                    step: PACEA_STEPS[values.phases.length] ?? '',
                    objectives: '',
                    evaluation: '',
                    evaluationComment: '',
                    startDate: values.phases.at(-1)?.endDate
                      ? addDays(values.phases.at(-1)!.endDate, 1)
                      : values.startDate,
                    endDate: '',
                  },
                ],
              })
            }
          >
            Ajouter une phase
          </button>
        </fieldset>
      )}
      <FormActions submitLabel="Enregistrer" onCancel={onCancel} />
    </form>
  );
}
