/**
 * The situations of a young person as a timeline (emploi, alternance, formation, immersion…),
 * each Prévu, En cours or Terminé, with its phase changed in one step.
 */
import { useState, type FormEvent } from 'react';
import { useClock } from '../../../app/clock-context';
import {
  optionsOf,
  SITUATION_PHASE_LABELS,
  SITUATION_SUBTYPE_LABELS,
  WORKING_TIME_LABELS,
  SITUATION_TYPE_LABELS,
} from '../../../domain/labels';
import type { PathwayRecord } from '../../../domain/schemas/pathway';
import { formatDayShort, today } from '../../../domain/time';
import { SelectField, TextField } from '../../../ui/Field';
import { PendingMarker } from '../../../ui/PendingMarker';
import { useFormValues } from '../../../ui/useFormValues';
import { pendingEntry, usePendingState } from '../../../ui/usePending';
import { useDossierActions } from '../useDossierActions';
import {
  newSituationForm,
  situationFrom,
  SUBTYPES_BY_SITUATION,
  WITH_WORKING_TIME,
  validateSituationForm,
  type SituationFormValues,
} from './pathway-forms';
import { FormActions } from '../../../ui/FormActions';
import { useTypedInput } from '../../../app/pwa/useUnsavedChanges';

interface Props {
  youthId: string;
  userId: string;
  situations: readonly PathwayRecord[];
}

function periodText(record: PathwayRecord): string {
  const start = record.startDate ? formatDayShort(record.startDate) : '?';
  if (record.endDate) return `du ${start} au ${formatDayShort(record.endDate)}`;
  return record.phase === 'prevu' ? `à partir du ${start}` : `depuis le ${start}`;
}

function SituationForm(props: {
  onSave(values: SituationFormValues): Promise<void>;
  onCancel(): void;
}) {
  const typed = useTypedInput('la situation');
  const clock = useClock();
  const { values, setErrors, field } = useFormValues(() => newSituationForm(clock));
  const subtypes = SUBTYPES_BY_SITUATION[values.situationType] ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateSituationForm(values, clock);
    setErrors(found);
    if (Object.keys(found).length === 0) await props.onSave(values);
  }

  return (
    <form
      onChange={typed.onChange}
      autoComplete="off"
      className="card inline-form"
      aria-label="Nouvelle situation"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <div className="form-grid">
        <SelectField
          label="Situation"
          placeholder="Choisir"
          options={optionsOf(SITUATION_TYPE_LABELS)}
          {...field('situationType')}
        />
        {subtypes.length > 0 && (
          <SelectField
            label="Contrat"
            placeholder="Non précisé"
            options={subtypes.map((s) => ({
              value: s,
              label: SITUATION_SUBTYPE_LABELS[s as keyof typeof SITUATION_SUBTYPE_LABELS],
            }))}
            {...field('situationSubtype')}
          />
        )}
        {WITH_WORKING_TIME.includes(values.situationSubtype) && (
          <SelectField
            label="Temps de travail"
            placeholder="Non précisé"
            options={optionsOf(WORKING_TIME_LABELS)}
            {...field('workingTime')}
          />
        )}
        <SelectField label="État" options={optionsOf(SITUATION_PHASE_LABELS)} {...field('phase')} />
        <TextField label="Début" type="date" {...field('startDate')} />
        <TextField label="Fin" type="date" {...field('endDate')} />
        <TextField label="Employeur, organisme ou précision" {...field('label')} />
      </div>
      <FormActions submitLabel="Enregistrer la situation" onCancel={props.onCancel} />
    </form>
  );
}

export function SituationsPanel({ youthId, userId, situations }: Props) {
  const clock = useClock();
  const actions = useDossierActions();
  const pending = usePendingState();
  const [adding, setAdding] = useState(false);

  return (
    <section aria-labelledby="situations-title" className="panel">
      <div className="panel-header">
        <h2 id="situations-title">Situations</h2>
        {!adding && (
          <button type="button" className="button-secondary" onClick={() => setAdding(true)}>
            Ajouter une situation
          </button>
        )}
      </div>
      {adding && (
        <SituationForm
          onCancel={() => setAdding(false)}
          onSave={async (values) => {
            await actions.addPathway(situationFrom(values, { youthId, authorId: userId }));
            setAdding(false);
          }}
        />
      )}
      {situations.length === 0 ? (
        <p className="muted">Aucune situation renseignée.</p>
      ) : (
        <ol className="timeline situations">
          {situations.map((situation) => (
            <li key={situation.id} className={`phase-${situation.phase ?? 'inconnue'}`}>
              <div className="timeline-header">
                <strong>
                  {situation.situationType
                    ? SITUATION_TYPE_LABELS[situation.situationType]
                    : 'Situation'}
                  {situation.situationSubtype &&
                    ` — ${SITUATION_SUBTYPE_LABELS[situation.situationSubtype]}`}
                  {situation.workingTime &&
                    ` ${WORKING_TIME_LABELS[situation.workingTime].toLowerCase()}`}
                </strong>
                <span>{periodText(situation)}</span>
                {situation.label && <span className="muted">{situation.label}</span>}
                <PendingMarker entry={pendingEntry(pending, 'pathway', situation.id)} />
              </div>
              <label className="phase-select">
                <span className="visually-hidden">
                  État de la situation{' '}
                  {situation.situationType ? SITUATION_TYPE_LABELS[situation.situationType] : ''}{' '}
                  {periodText(situation)}
                </span>
                <select
                  autoComplete="off"
                  value={situation.phase ?? ''}
                  className={`phase-badge phase-${situation.phase ?? 'inconnue'}`}
                  onChange={(e) => {
                    const phase = e.target.value as NonNullable<PathwayRecord['phase']>;
                    // Ending a situation without an end date ends it today.
                    const end =
                      phase === 'termine' && !situation.endDate ? today(clock) : undefined;
                    void actions.setSituationPhase(situation.id, phase, end);
                  }}
                >
                  {!situation.phase && <option value="">Non précisé</option>}
                  {optionsOf(SITUATION_PHASE_LABELS).map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </label>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
