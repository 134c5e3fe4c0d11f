/**
 * The dossier jeune form, for the premier accueil and for editing: identité, coordonnées,
 * situation personnelle, mobilité et freins, informations sensibles (for the roles allowed),
 * accompagnement, consentement. On a refused save, a summary lists the problems in French and
 * every field keeps what was typed.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useUnsavedChanges } from '../../app/pwa/useUnsavedChanges';
import {
  BARRIER_LABELS,
  DIPLOMA_OBTAINED_LABELS,
  DRIVING_LICENCE_LABELS,
  EDUCATION_LEVEL_LABELS,
  EXIT_REASON_LABELS,
  FAMILY_SITUATION_LABELS,
  GENDER_LABELS,
  optionsOf,
  ORIENTATION_LABELS,
  STATUS_LABELS,
} from '../../domain/labels';
import type { Site } from '../../domain/schemas/site';
import type { StaffMember } from '../../domain/schemas/staff';
import { today, type Clock } from '../../domain/time';
import {
  CheckboxField,
  CheckboxGroupField,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui/Field';
import { useFormValues } from '../../ui/useFormValues';
import { CommuneField } from './CommuneField';
import {
  AGE_WARNING_TEXT,
  ageInfo,
  FIELD_LABELS,
  hasDiplomaQuestion,
  validateDossierForm,
  type DossierField,
  type DossierFormValues,
} from './dossier-form';
import { FormActions } from '../../ui/FormActions';

interface Props {
  /** A new dossier (premier accueil): its consent is required whatever its status. */
  creating?: boolean;
  initial: DossierFormValues;
  /** The stored birth date is a year only (aller vers): the form asks to complete it. */
  birthYearOnly?: string;
  /** The dossier's date of entry (`createdOn`): ages are checked on that day. */
  entryDay?: string;
  canSeeSensitive: boolean;
  sites: readonly Site[];
  staff: readonly StaffMember[];
  clock: Clock;
  submitLabel: string;
  /** How the update prompt names this form while it holds unsaved input. */
  unsavedLabel?: string;
  onSubmit(values: DossierFormValues): Promise<void>;
  onCancel?(): void;
}

export function DossierForm(props: Props) {
  const { values, setValues, set, errors, setErrors, field } = useFormValues(props.initial);
  // Unsaved input holds back an app update and asks before the page is left (issue 6).
  const [savedValues, setSavedValues] = useState(props.initial);
  const dirty = JSON.stringify(values) !== JSON.stringify(savedValues);
  useUnsavedChanges(dirty, props.unsavedLabel ?? 'dossier jeune');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const age = ageInfo(values.birthDate || props.birthYearOnly || '', values.rqth, props.clock);
  const advisers = props.staff.filter(
    (s) => s.active && (s.role === 'conseiller' || s.id === values.referentId),
  );

  function focusField(field: DossierField) {
    const element = formRef.current?.elements.namedItem(field);
    if (element instanceof HTMLElement) element.focus();
    else if (element && 'length' in element) (element[0] as HTMLElement | undefined)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateDossierForm(values, props.clock, {
      birthYearKnown: Boolean(props.birthYearOnly),
      creating: props.creating,
      entryDay: props.entryDay,
    });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setSaving(true);
    setSaveError(undefined);
    try {
      await props.onSubmit(values);
      setSavedValues(values);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }

  const problems = Object.entries(errors) as [DossierField, string][];
  return (
    <form
      autoComplete="off"
      ref={formRef}
      className="dossier-form"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      {problems.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <h2>
            {problems.length > 1
              ? `${problems.length} points à corriger avant d'enregistrer`
              : "Un point à corriger avant d'enregistrer"}
          </h2>
          <ul>
            {problems.map(([field, message]) => (
              <li key={field}>
                <button type="button" className="button-link" onClick={() => focusField(field)}>
                  {FIELD_LABELS[field]} : {message}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <fieldset>
        <legend>Identité</legend>
        <div className="form-grid">
          <TextField label="Nom d'usage" required autoComplete="off" {...field('lastName')} />
          <TextField
            label="Nom de naissance"
            hint="S'il diffère du nom d'usage"
            autoComplete="off"
            {...field('birthName')}
          />
          <TextField label="Prénom" required autoComplete="off" {...field('firstName')} />
          <TextField
            label="N° de dossier i-milo"
            hint="S'il est connu : l'export i-milo s'en sert pour retrouver le dossier"
            autoComplete="off"
            {...field('imiloNumber')}
          />
          <TextField
            label="Date de naissance"
            type="date"
            required
            hint={
              props.birthYearOnly && !values.birthDate
                ? `Seule l'année est connue (${props.birthYearOnly}) : complétez la date.`
                : undefined
            }
            {...field('birthDate')}
          />
          <SelectField
            label="Genre"
            placeholder="Non renseigné"
            options={optionsOf(GENDER_LABELS)}
            {...field('gender')}
          />
        </div>
        {age.years !== undefined && (
          <p className={`age-line${age.warning ? ' is-warning' : ''}`} role="status">
            {age.approximate ? 'Environ ' : ''}
            {age.years} ans
            {age.warning && <> — {AGE_WARNING_TEXT[age.warning]}</>}
          </p>
        )}
      </fieldset>

      <fieldset>
        <legend>Coordonnées</legend>
        <div className="form-grid">
          <TextField label="Téléphone" type="tel" autoComplete="off" {...field('phone')} />
          <TextField label="E-mail" type="email" autoComplete="off" {...field('email')} />
          <TextField label="Adresse" autoComplete="off" {...field('address')} />
        </div>
        <CommuneField
          communeInsee={values.communeInsee}
          qpvCode={values.qpvCode}
          error={errors.communeInsee}
          onChange={(communeInsee, qpvCode) =>
            setValues((current) => ({ ...current, communeInsee, qpvCode }))
          }
        />
      </fieldset>

      <fieldset>
        <legend>Situation personnelle</legend>
        <div className="form-grid">
          <SelectField
            label="Niveau de formation"
            placeholder="Non renseigné"
            options={optionsOf(EDUCATION_LEVEL_LABELS)}
            {...field('educationLevel')}
          />
          {hasDiplomaQuestion(values.educationLevel) && (
            <SelectField
              label="Diplôme de ce niveau"
              placeholder="Non renseigné"
              options={optionsOf(DIPLOMA_OBTAINED_LABELS)}
              {...field('diplomaObtained')}
            />
          )}
          <SelectField
            label="Situation familiale"
            placeholder="Non renseignée"
            options={optionsOf(FAMILY_SITUATION_LABELS)}
            {...field('familySituation')}
          />
          <TextField label="Enfants à charge" inputMode="numeric" {...field('dependentChildren')} />
          <TextField
            label="Moyen de garde"
            hint="Crèche, assistante maternelle, famille…"
            {...field('childcare')}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>Mobilité et freins</legend>
        <div className="form-grid">
          <SelectField
            label="Permis de conduire"
            placeholder="Non renseigné"
            options={optionsOf(DRIVING_LICENCE_LABELS)}
            {...field('drivingLicence')}
          />
          <CheckboxField
            label="Dispose d'un véhicule"
            name="hasVehicle"
            checked={values.hasVehicle}
            onChange={(e) => set('hasVehicle', e.target.checked)}
          />
        </div>
        <CheckboxGroupField
          legend="Freins"
          name="barriers"
          options={optionsOf(BARRIER_LABELS)}
          values={values.barriers}
          onChange={(barriers) => set('barriers', barriers)}
        />
      </fieldset>

      {props.canSeeSensitive && (
        <fieldset className="sensitive">
          <legend>Informations sensibles</legend>
          <p className="field-hint">
            Visibles des conseiller·ères et de la direction seulement, jamais de l&apos;accueil.
          </p>
          <div className="checkbox-row">
            <CheckboxField
              label="RQTH (reconnaissance de travailleur handicapé)"
              name="rqth"
              checked={values.rqth}
              onChange={(e) => set('rqth', e.target.checked)}
            />
            <CheckboxField
              label="Suivi ASE (aide sociale à l'enfance)"
              name="ase"
              checked={values.ase}
              onChange={(e) => set('ase', e.target.checked)}
            />
            <CheckboxField
              label="Sous main de justice"
              name="justice"
              checked={values.justice}
              onChange={(e) => set('justice', e.target.checked)}
            />
          </div>
          <TextAreaField label="Notes" rows={3} {...field('notes')} />
        </fieldset>
      )}

      <fieldset>
        <legend>Accompagnement</legend>
        <div className="form-grid">
          <SelectField
            label="Site de rattachement"
            required
            placeholder="Choisir un site"
            options={props.sites.map((site) => ({ value: site.id, label: site.name }))}
            {...field('siteId')}
          />
          <SelectField
            label="Référent·e"
            placeholder="À désigner"
            options={advisers.map((s) => ({ value: s.id, label: s.name }))}
            {...field('referentId')}
          />
          <SelectField
            label="Venu·e à la Mission Locale par"
            placeholder="Non renseigné"
            options={optionsOf(ORIENTATION_LABELS)}
            {...field('orientation')}
          />
          <SelectField label="Statut" options={optionsOf(STATUS_LABELS)} {...field('status')} />
          {values.status === 'sorti' && (
            <>
              <SelectField
                label="Motif de sortie"
                required
                placeholder="Choisir un motif"
                options={optionsOf(EXIT_REASON_LABELS)}
                {...field('exitReason')}
              />
              <TextField label="Date de sortie" type="date" required {...field('exitDate')} />
            </>
          )}
        </div>
      </fieldset>

      <fieldset>
        <legend>Consentement</legend>
        <CheckboxField
          label="Le jeune adhère librement à l'accompagnement"
          name="freeAdherence"
          checked={values.freeAdherence}
          onChange={(e) => set('freeAdherence', e.target.checked)}
        />
        {errors.freeAdherence && <p className="field-error">{errors.freeAdherence}</p>}
        <CheckboxField
          label="Information RGPD donnée"
          name="rgpdInformed"
          checked={values.rgpdInformed}
          onChange={(e) => {
            const checked = e.target.checked;
            setValues((current) => ({
              ...current,
              rgpdInformed: checked,
              rgpdInformedOn:
                checked && !current.rgpdInformedOn ? today(props.clock) : current.rgpdInformedOn,
            }));
          }}
        />
        {errors.rgpdInformed && <p className="field-error">{errors.rgpdInformed}</p>}
        {values.rgpdInformed && (
          <div className="form-grid">
            <TextField
              label="Date de l'information RGPD"
              type="date"
              {...field('rgpdInformedOn')}
            />
          </div>
        )}
        <CheckboxField
          label="Accepte d'être recontacté·e"
          name="recontactAgreed"
          checked={values.recontactAgreed}
          onChange={(e) => set('recontactAgreed', e.target.checked)}
        />
      </fieldset>

      {saveError && (
        <p className="form-error" role="alert">
          L&apos;enregistrement sur cet appareil a échoué : {saveError}
        </p>
      )}
      <FormActions
        submitLabel={props.submitLabel}
        onCancel={props.onCancel}
        busy={saving}
        busyLabel="Enregistrement…"
      />
    </form>
  );
}
