/**
 * Aller vers: the adviser's screen in the street, on a tablet and usually offline. Three views
 * (a new contact, finding someone, the day's contacts), all read from and written to the
 * device's database; sync sends the contacts to the siège when the network comes back.
 */
import { useMemo, useState } from 'react';
import { useAppStore } from '../../stores/store';
import './aller-vers.css';
import { contactSiteId, placeOf, type ContactFormValues, type OutreachNeed } from './contact-form';
import { ContactForm } from './ContactForm';
import { DayContacts, dayContacts } from './DayContacts';
import { ExistingDossier } from './ExistingDossier';
import { SavedContactStatus } from './SavedContactStatus';
import { useSites } from '../shared/useDirectory';
import { useDeviceDossiers, useOutreachActions } from './useAllerVers';
import { YouthSearch } from './YouthSearch';
import { useClock } from '../../app/clock-context';
import { today } from '../../domain/time';

type View = 'contact' | 'search' | 'day';

export function AllerVersScreen() {
  const user = useAppStore((s) => s.user);
  const dossiers = useDeviceDossiers();
  const sites = useSites().data;
  const siteNames = useMemo(() => new Map((sites ?? []).map((s) => [s.id, s.name])), [sites]);
  const { recordContact } = useOutreachActions();
  const [view, setView] = useState<View>('contact');
  const [chosen, setChosen] = useState<{
    id: string;
    place: string;
    need: OutreachNeed | '';
  }>();
  const existingId = chosen?.id;
  // Read live, so the actions taken on it (premier accueil) show at once.
  const existing = dossiers.data?.find((youth) => youth.id === existingId);
  const [saved, setSaved] = useState<{ id: string; firstName: string }>();
  const [saveError, setSaveError] = useState<string>();
  const day = today(useClock());
  const todayCount = useMemo(
    () => dayContacts(dossiers.data ?? [], day).length,
    [dossiers.data, day],
  );

  async function save(values: ContactFormValues): Promise<boolean> {
    const siteId = contactSiteId(placeOf(values), sites ?? [], user?.siteIds ?? []);
    if (!siteId) {
      setSaveError('Votre compte n’est rattaché à aucun site : le contact ne peut pas être noté.');
      return false;
    }
    setSaveError(undefined);
    try {
      const youth = await recordContact(values, siteId);
      setSaved({ id: youth.id, firstName: youth.firstName });
      return true;
    } catch (error) {
      setSaveError(`Le contact n’a pas pu être enregistré : ${String(error)}`);
      return false;
    }
  }

  const tabs: [View, string][] = [
    ['contact', 'Nouveau contact'],
    ['search', 'Retrouver un jeune'],
    ['day', `Contacts du jour (${todayCount})`],
  ];
  return (
    <section className="aller-vers" aria-labelledby="aller-vers-title">
      <div className="aller-vers-header">
        <h1 id="aller-vers-title">Aller vers</h1>
        <div className="view-switch" role="group" aria-label="Vue">
          {tabs.map(([id, label]) => (
            <button
              key={id}
              type="button"
              aria-pressed={view === id}
              onClick={() => {
                setView(id);
                setChosen(undefined);
              }}
            >
              {label}
            </button>
          ))}
        </div>
      </div>
      <div role="status" aria-live="polite" className="save-status">
        {saved && view === 'contact' && (
          <SavedContactStatus youthId={saved.id} firstName={saved.firstName} />
        )}
      </div>
      {saveError && (
        <p className="form-error" role="alert">
          {saveError}
        </p>
      )}
      {dossiers.error && (
        <p role="alert">
          Impossible de lire les dossiers de la tablette : {dossiers.error.message}
        </p>
      )}

      {view === 'contact' && existing && chosen && (
        <ExistingDossier
          key={existing.id}
          youth={existing}
          meeting={chosen}
          siteNames={siteNames}
          onBack={() => setChosen(undefined)}
        />
      )}
      {view === 'contact' && (
        <div hidden={existingId !== undefined}>
          <ContactForm
            people={dossiers.people}
            siteNames={siteNames}
            onSave={save}
            onChooseExisting={(youth, values) => {
              setSaved(undefined);
              setChosen({ id: youth.id, place: placeOf(values), need: values.need });
            }}
          />
        </div>
      )}
      {view === 'search' && <YouthSearch search={dossiers.search} siteNames={siteNames} />}
      {view === 'day' && <DayContacts dossiers={dossiers.data ?? []} siteNames={siteNames} />}
    </section>
  );
}
