/**
 * The premier contact, made to be filled in under a minute with one thumb: large fields, one-tap
 * tiles for the place, the need and the consent, the save button always within reach at the
 * bottom. While the names are typed, the dossiers that look alike are offered ("c'est
 * peut-être…"); a probable duplicate must be looked at before a new dossier is made.
 */
import { useDeferredValue, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  PROBABLE_DUPLICATE_THRESHOLD,
  type Match,
  type PeopleIndex,
} from '../../domain/rules/matching';
import { OUTREACH_NEEDS, type Youth } from '../../domain/schemas/youth';
import { TextField } from '../../ui/Field';
import { ChoiceGroup } from './ChoiceGroup';
import {
  birthHint,
  emptyContact,
  OTHER_PLACE,
  parseBirth,
  QPV_PLACES,
  validateContact,
  type ContactErrors,
  type ContactFormValues,
  type PlaceChoice,
} from './contact-form';
import { NEED_LABELS } from './labels';
import { ConsentSection } from './ConsentSection';
import { Suggestions } from './Suggestions';
import { useClock } from '../../app/clock-context';
import { useTypedInput } from '../../app/pwa/useUnsavedChanges';

const PLACE_CHOICES = [
  ...QPV_PLACES.map((place) => ({ value: place, label: place })),
  { value: OTHER_PLACE, label: 'Autre lieu' },
] as const;
const NEED_CHOICES = OUTREACH_NEEDS.map((need) => ({ value: need, label: NEED_LABELS[need] }));
const MIN_NAME_TO_MATCH = 2;
const MAX_SUGGESTIONS = 5;

const AGE_WARNINGS = {
  'too-young': 'Moins de 16 ans : la Mission Locale accompagne à partir de 16 ans.',
  'too-old': 'Plus de 25 ans : hors du public de la Mission Locale, sauf CEJ avec RQTH.',
  'too-old-cej-rqth': 'Plus de 29 ans : hors du public de la Mission Locale.',
} as const;

interface ContactFormProps {
  people: PeopleIndex<Youth>;
  siteNames: ReadonlyMap<string, string>;
  /** Resolves true once stored on the device. */
  onSave(values: ContactFormValues): Promise<boolean>;
  /** A suggestion was recognised: the place and need typed so far go with it. */
  onChooseExisting(youth: Youth, values: ContactFormValues): void;
}

function focusField(field: string): void {
  document.querySelector<HTMLElement>(`[data-field="${field}"]`)?.focus();
}

function useSuggestions(people: PeopleIndex<Youth>, values: ContactFormValues): Match<Youth>[] {
  const firstName = useDeferredValue(values.firstName);
  const lastName = useDeferredValue(values.lastName);
  const birth = useDeferredValue(values.birth);
  return useMemo(() => {
    if (firstName.trim().length < MIN_NAME_TO_MATCH && lastName.trim().length < MIN_NAME_TO_MATCH)
      return [];
    const birthDate = parseBirth(birth);
    return people.find(
      { firstName, lastName, ...(birthDate ? { birthDate } : {}) },
      { limit: MAX_SUGGESTIONS },
    );
  }, [people, firstName, lastName, birth]);
}

export function ContactForm({ people, siteNames, onSave, onChooseExisting }: ContactFormProps) {
  const typed = useTypedInput('le premier contact');
  const clock = useClock();
  const [values, setValues] = useState<ContactFormValues>(() => emptyContact());
  const [errors, setErrors] = useState<ContactErrors>({});
  const [mustCheck, setMustCheck] = useState(false);
  const [saving, setSaving] = useState(false);
  const suggestionsRef = useRef<HTMLElement>(null);
  const matches = useSuggestions(people, values);
  const probableDuplicate = matches.some((m) => m.score >= PROBABLE_DUPLICATE_THRESHOLD);
  const hint = birthHint(values.birth, clock);

  function set<K extends keyof ContactFormValues>(field: K, value: ContactFormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
    if (field === 'firstName' || field === 'lastName' || field === 'birth') setMustCheck(false);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateContact(values, clock);
    setErrors(found);
    const firstInvalid = Object.keys(found)[0];
    if (firstInvalid) {
      focusField(firstInvalid);
      return;
    }
    if (probableDuplicate && !mustCheck) {
      setMustCheck(true);
      suggestionsRef.current?.focus();
      return;
    }
    setSaving(true);
    try {
      if (!(await onSave(values))) return;
      // The next contact is likely made at the same place.
      setValues(emptyContact(values.place, values.otherPlace));
      typed.saved();
      setMustCheck(false);
      focusField('firstName');
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      onChange={typed.onChange}
      autoComplete="off"
      className="contact-form"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <div className="contact-fields">
        <div className="field-row">
          <TextField
            label="Prénom"
            required
            autoComplete="off"
            autoCapitalize="words"
            data-field="firstName"
            value={values.firstName}
            onChange={(e) => set('firstName', e.target.value)}
            error={errors.firstName}
          />
          <TextField
            label="Nom (facultatif)"
            autoComplete="off"
            autoCapitalize="words"
            value={values.lastName}
            onChange={(e) => set('lastName', e.target.value)}
          />
        </div>
        <div className="field-row">
          <TextField
            label="Année ou date de naissance"
            required
            inputMode="numeric"
            placeholder="2006 ou 12/04/2006"
            data-field="birth"
            value={values.birth}
            onChange={(e) => set('birth', e.target.value)}
            error={errors.birth}
            hint={
              hint
                ? `${hint.approximate ? 'environ ' : ''}${hint.years} ans${hint.warning ? ` — ${AGE_WARNINGS[hint.warning]}` : ''}`
                : undefined
            }
          />
          <TextField
            label="Téléphone (facultatif)"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            data-field="phone"
            value={values.phone}
            onChange={(e) => set('phone', e.target.value)}
            error={errors.phone}
          />
        </div>
      </div>

      <Suggestions
        ref={suggestionsRef}
        matches={matches}
        siteNames={siteNames}
        mustCheck={mustCheck}
        onChoose={(youth) => onChooseExisting(youth, values)}
      />

      <div className="contact-choices">
        <ChoiceGroup
          legend="Lieu de la rencontre"
          name="place"
          choices={PLACE_CHOICES}
          value={values.place}
          onChange={(place: PlaceChoice) => set('place', place)}
          error={errors.place}
        />
        {values.place === OTHER_PLACE && (
          <TextField
            label="Précisez le lieu"
            placeholder="Forum emploi, marché de Sées…"
            data-field="otherPlace"
            maxLength={200}
            value={values.otherPlace}
            onChange={(e) => set('otherPlace', e.target.value)}
            error={errors.otherPlace}
          />
        )}
        <ChoiceGroup
          legend="Besoin exprimé"
          name="need"
          choices={NEED_CHOICES}
          value={values.need}
          onChange={(need) => set('need', need)}
          error={errors.need}
          columns={4}
        />
        <ConsentSection
          heading="h2"
          agreement="que ce contact soit enregistré"
          values={values}
          errors={errors}
          onAcknowledged={(acknowledged) => set('rgpdAcknowledged', acknowledged)}
          onRecontact={(recontact) => set('recontact', recontact)}
        >
          {values.recontact === 'non' && values.phone.trim() && (
            <p className="field-hint">
              Sans accord pour être recontacté·e, le téléphone n’est pas gardé.
            </p>
          )}
        </ConsentSection>
      </div>

      <div className="contact-actions">
        <button type="submit" className="button-primary button-large" disabled={saving}>
          {mustCheck ? 'Enregistrer quand même' : 'Enregistrer le contact'}
        </button>
      </div>
    </form>
  );
}
