/**
 * Demandes and propositions, kept apart: what the young person asks for, and what the adviser
 * proposes. A proposition's result moves only along the state machine (en attente → acceptée /
 * refusée par le jeune / refusée par le tiers → réalisée / abandonnée): only the allowed next
 * results are offered.
 */
import { useState, type FormEvent } from 'react';
import { useClock } from '../../../app/clock-context';
import {
  optionsOf,
  PROPOSITION_RESULT_LABELS,
  PROPOSITION_TYPE_LABELS,
  THEME_LABELS,
} from '../../../domain/labels';
import { nextResults } from '../../../domain/rules/proposition';
import type { PathwayRecord } from '../../../domain/schemas/pathway';
import { formatDayShort, today } from '../../../domain/time';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field';
import { PendingMarker } from '../../../ui/PendingMarker';
import { useFormValues } from '../../../ui/useFormValues';
import { pendingEntry, usePendingState } from '../../../ui/usePending';
import { useDossierActions } from '../useDossierActions';
import {
  demandeFrom,
  newPropositionForm,
  propositionFrom,
  validateDemandeForm,
  validatePropositionForm,
  type DemandeFormValues,
  type PropositionFormValues,
} from './pathway-forms';
import { FormActions } from '../../../ui/FormActions';
import { useTypedInput } from '../../../app/pwa/useUnsavedChanges';

interface Props {
  youthId: string;
  userId: string;
  demandes: readonly PathwayRecord[];
  propositions: readonly PathwayRecord[];
  canSeeSensitive: boolean;
}

function DemandeForm(props: {
  onSave(values: DemandeFormValues): Promise<void>;
  onCancel(): void;
}) {
  const typed = useTypedInput('la demande');
  const clock = useClock();
  const form = useFormValues<DemandeFormValues>(() => ({
    theme: '',
    label: '',
    startDate: today(clock),
  }));
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateDemandeForm(form.values);
    form.setErrors(found);
    if (Object.keys(found).length === 0) await props.onSave(form.values);
  }
  return (
    <form
      onChange={typed.onChange}
      autoComplete="off"
      className="card inline-form"
      aria-label="Nouvelle demande"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <SelectField
        label="Thème"
        placeholder="Choisir"
        options={optionsOf(THEME_LABELS)}
        {...form.field('theme')}
      />
      <TextField label="Ce que le jeune demande" {...form.field('label')} />
      <TextField label="Date" type="date" {...form.field('startDate')} />
      <FormActions submitLabel="Enregistrer la demande" onCancel={props.onCancel} />
    </form>
  );
}

function PropositionForm(props: {
  canSeeSensitive: boolean;
  onSave(values: PropositionFormValues): Promise<void>;
  onCancel(): void;
}) {
  const typed = useTypedInput('la proposition');
  const clock = useClock();
  const form = useFormValues(() => newPropositionForm(clock));
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validatePropositionForm(form.values);
    form.setErrors(found);
    if (Object.keys(found).length === 0) await props.onSave(form.values);
  }
  return (
    <form
      onChange={typed.onChange}
      autoComplete="off"
      className="card inline-form"
      aria-label="Nouvelle proposition"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <SelectField label="Thème" options={optionsOf(THEME_LABELS)} {...form.field('theme')} />
      <SelectField
        label="Type de proposition"
        placeholder="Choisir"
        options={optionsOf(PROPOSITION_TYPE_LABELS)}
        {...form.field('propositionType')}
      />
      <TextField label="Partenaire, employeur ou organisme" {...form.field('partner')} />
      <TextField label="Intitulé" hint="Poste, formation, action…" {...form.field('label')} />
      <div className="form-grid">
        <TextField label="Date de la proposition" type="date" {...form.field('startDate')} />
        <TextField
          label="Fin prévue"
          type="date"
          hint="Pour une PMSMP, une formation…"
          {...form.field('endDate')}
        />
      </div>
      {props.canSeeSensitive && (
        <TextAreaField label="Commentaire" rows={2} {...form.field('comment')} />
      )}
      <FormActions submitLabel="Enregistrer la proposition" onCancel={props.onCancel} />
    </form>
  );
}

export function PropositionsPanel({
  youthId,
  userId,
  demandes,
  propositions,
  canSeeSensitive,
}: Props) {
  const actions = useDossierActions();
  const pending = usePendingState();
  const [adding, setAdding] = useState<'demande' | 'proposition'>();
  const [refusal, setRefusal] = useState<string>();
  const context = { youthId, authorId: userId };

  return (
    <div className="two-columns">
      <section aria-labelledby="demandes-title" className="panel">
        <div className="panel-header">
          <h2 id="demandes-title">Demandes du jeune</h2>
          <button type="button" className="button-secondary" onClick={() => setAdding('demande')}>
            Ajouter une demande
          </button>
        </div>
        {adding === 'demande' && (
          <DemandeForm
            onCancel={() => setAdding(undefined)}
            onSave={async (values) => {
              await actions.addPathway(demandeFrom(values, context));
              setAdding(undefined);
            }}
          />
        )}
        {demandes.length === 0 && <p className="muted">Aucune demande enregistrée.</p>}
        <ul className="record-list">
          {demandes.map((demande) => (
            <li key={demande.id}>
              <strong>{demande.theme ? THEME_LABELS[demande.theme] : 'Demande'}</strong>
              {demande.label && <> — {demande.label}</>}
              <span className="muted">
                {' '}
                · {demande.startDate ? formatDayShort(demande.startDate) : ''}
              </span>
              <PendingMarker entry={pendingEntry(pending, 'pathway', demande.id)} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="propositions-title" className="panel">
        <div className="panel-header">
          <h2 id="propositions-title">Propositions du conseiller</h2>
          <button
            type="button"
            className="button-secondary"
            onClick={() => setAdding('proposition')}
          >
            Ajouter une proposition
          </button>
        </div>
        {adding === 'proposition' && (
          <PropositionForm
            canSeeSensitive={canSeeSensitive}
            onCancel={() => setAdding(undefined)}
            onSave={async (values) => {
              await actions.addPathway(propositionFrom(values, context));
              setAdding(undefined);
            }}
          />
        )}
        {refusal && (
          <p className="form-error" role="alert">
            {refusal}
          </p>
        )}
        {propositions.length === 0 && (
          <p className="muted">Aucune proposition pour l&apos;instant.</p>
        )}
        <ul className="record-list">
          {propositions.map((proposition) => {
            const result = proposition.result ?? 'en-attente';
            const label = proposition.propositionType
              ? PROPOSITION_TYPE_LABELS[proposition.propositionType]
              : 'Proposition';
            return (
              <li key={proposition.id}>
                <div>
                  <strong>{label}</strong>
                  {proposition.partner && <> — {proposition.partner}</>}
                  {proposition.label && <> ({proposition.label})</>}
                  <span className="muted">
                    {' '}
                    · {proposition.theme ? THEME_LABELS[proposition.theme] : ''} ·{' '}
                    {proposition.startDate ? formatDayShort(proposition.startDate) : ''}
                    {proposition.endDate ? ` → ${formatDayShort(proposition.endDate)}` : ''}
                  </span>
                  <PendingMarker entry={pendingEntry(pending, 'pathway', proposition.id)} />
                </div>
                <div className="result-line">
                  <span className={`result-badge result-${result}`}>
                    {PROPOSITION_RESULT_LABELS[result]}
                  </span>
                  {nextResults(result).length > 0 && (
                    <span role="group" aria-label={`Résultat de la proposition ${label}`}>
                      {nextResults(result).map((to) => (
                        <button
                          key={to}
                          type="button"
                          className="chip-button"
                          onClick={() => {
                            setRefusal(undefined);
                            actions
                              .setPropositionResult(proposition, to)
                              .catch((error: Error) => setRefusal(error.message));
                          }}
                        >
                          {PROPOSITION_RESULT_LABELS[to]}
                        </button>
                      ))}
                    </span>
                  )}
                </div>
                {canSeeSensitive && proposition.comment && (
                  <p className="report">{proposition.comment}</p>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
