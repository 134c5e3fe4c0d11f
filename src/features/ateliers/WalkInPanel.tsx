/**
 * « Venu·e sans inscription »: the names typed, the tablet offers the dossiers that look alike
 * (the aller-vers « c'est peut-être… », same matcher, same list); one tap on the right person
 * adds them to the émargement, present. Nobody alike: a new dossier at premier accueil, with
 * the RGPD information read and the young person's consent, then present.
 */
import { useDeferredValue, useMemo, useState, type FormEvent } from 'react';
import { useClock } from '../../app/clock-context';
import { useTypedInput } from '../../app/pwa/useUnsavedChanges';
import type { Match, PeopleIndex } from '../../domain/rules/matching';
import type { Youth } from '../../domain/schemas/youth';
import { TextField } from '../../ui/Field';
import { parseBirth } from '../aller-vers/contact-form';
import { ConsentSection } from '../aller-vers/ConsentSection';
import { Suggestions } from '../aller-vers/Suggestions';
import { emptyWalkIn, validateNewDossier, type WalkInErrors, type WalkInValues } from './walk-in';
import '../aller-vers/aller-vers.css';

const MIN_NAME_TO_MATCH = 2;
const MAX_SUGGESTIONS = 5;

function useMatches(people: PeopleIndex<Youth>, values: WalkInValues): Match<Youth>[] {
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

export function WalkInPanel(props: {
  people: PeopleIndex<Youth>;
  siteNames: ReadonlyMap<string, string>;
  onChooseExisting(youth: Youth): Promise<void>;
  onCreate(values: WalkInValues): Promise<void>;
  onClose(): void;
}) {
  const typed = useTypedInput('la personne venue sans inscription');
  const clock = useClock();
  const [values, setValues] = useState<WalkInValues>(emptyWalkIn);
  const [errors, setErrors] = useState<WalkInErrors>({});
  const [newDossier, setNewDossier] = useState(false);
  const [busy, setBusy] = useState(false);
  const matches = useMatches(props.people, values);

  function set<K extends keyof WalkInValues>(field: K, value: WalkInValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  }

  async function run(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
      typed.saved();
    } finally {
      setBusy(false);
    }
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    const found = validateNewDossier(values, clock);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.querySelector<HTMLElement>(`.walk-in-panel [data-field="${first}"]`)?.focus();
      return;
    }
    await run(() => props.onCreate(values));
  }

  return (
    <section className="walk-in-panel card" aria-labelledby="walk-in-title">
      <div className="section-header">
        <h2 id="walk-in-title">Venu·e sans inscription</h2>
        <button type="button" className="button-secondary" onClick={props.onClose}>
          Fermer
        </button>
      </div>
      <form
        onChange={typed.onChange}
        autoComplete="off"
        noValidate
        onSubmit={(e) => void create(e)}
      >
        <div className="field-row">
          <TextField
            label="Prénom"
            required
            autoCapitalize="words"
            data-field="firstName"
            value={values.firstName}
            onChange={(e) => set('firstName', e.target.value)}
            error={errors.firstName}
          />
          <TextField
            label="Nom"
            autoCapitalize="words"
            data-field="lastName"
            value={values.lastName}
            onChange={(e) => set('lastName', e.target.value)}
            error={errors.lastName}
          />
          <TextField
            label="Année ou date de naissance"
            inputMode="numeric"
            placeholder="2006 ou 12/04/2006"
            data-field="birth"
            value={values.birth}
            onChange={(e) => set('birth', e.target.value)}
            error={errors.birth}
          />
        </div>
        <Suggestions
          matches={matches}
          siteNames={props.siteNames}
          mustCheck={false}
          onChoose={(youth) => void run(() => props.onChooseExisting(youth))}
        />
        {!newDossier ? (
          <button
            type="button"
            className="button-secondary walk-in-new"
            onClick={() => setNewDossier(true)}
          >
            Personne ne correspond : nouveau dossier (premier accueil)
          </button>
        ) : (
          <ConsentSection
            heading="h3"
            agreement="l’ouverture de son dossier"
            values={values}
            errors={errors}
            onAcknowledged={(acknowledged) => set('rgpdAcknowledged', acknowledged)}
            onRecontact={(recontact) => set('recontact', recontact)}
          >
            <button type="submit" className="button-primary button-large" disabled={busy}>
              Ouvrir le dossier et noter présent·e
            </button>
          </ConsentSection>
        )}
      </form>
    </section>
  );
}
