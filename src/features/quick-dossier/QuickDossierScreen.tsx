/**
 * Quick entry of a dossier jeune (nom, prénom, date de naissance, téléphone, site): the
 * smallest honest path to create and correct a dossier on this device, online or not, until the
 * full dossier screens replace it. It declares its unsaved input, so an update of the app
 * never reloads it away.
 */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'wouter';
import { useUnsavedChanges } from '../../app/pwa/useUnsavedChanges';
import { SelectField, TextField } from '../../ui/Field';
import {
  useMySites,
  useSaveQuickDossier,
  useYouth,
  type QuickDossierValues,
} from './useQuickDossier';
import { validateQuickDossier, type QuickDossierErrors } from './validate';
import './quick-dossier.css';

const EMPTY: QuickDossierValues = {
  lastName: '',
  firstName: '',
  birthDate: '',
  phone: '',
  siteId: '',
};

export function QuickDossierScreen() {
  const { id } = useParams<{ id?: string }>();
  const youth = useYouth(id);
  if (!id) return <QuickDossierForm key="new" initial={EMPTY} />;
  if (youth.data === null) return <p role="alert">Ce dossier n’est pas sur cet appareil.</p>;
  if (!youth.data) return <p role="status">Ouverture du dossier…</p>;
  // Keyed by dossier: the form starts from the stored values once, and live updates of the
  // record never erase what is being typed.
  return (
    <QuickDossierForm
      key={id}
      id={id}
      initial={{
        lastName: youth.data.lastName,
        firstName: youth.data.firstName,
        birthDate: youth.data.birthDate ?? '',
        phone: youth.data.phone ?? '',
        siteId: youth.data.siteId,
      }}
    />
  );
}

function QuickDossierForm({ id, initial }: { id?: string; initial: QuickDossierValues }) {
  const sites = useMySites();
  const save = useSaveQuickDossier();
  const [typed, setValues] = useState<QuickDossierValues>(initial);
  const [saved, setSaved] = useState<QuickDossierValues>(initial);
  const [errors, setErrors] = useState<QuickDossierErrors>({});
  const [message, setMessage] = useState<{ text: string; id?: string; name: string } | null>(null);
  const values = { ...typed, siteId: typed.siteId || sites[0]?.id || '' };

  const dirty = (Object.keys(typed) as (keyof QuickDossierValues)[]).some(
    (key) => typed[key] !== saved[key],
  );
  const name = `${values.firstName} ${values.lastName}`.trim();
  useUnsavedChanges(dirty, name ? `dossier de ${name}` : 'nouveau dossier');

  const set = (key: keyof QuickDossierValues) => (value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setMessage(null);
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateQuickDossier(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const savedId = await save(id, values);
    const next = id ? values : EMPTY;
    setValues(next);
    setSaved(next);
    setMessage({
      text: `Dossier de ${name} enregistré sur cet appareil : il part au siège dès que possible.`,
      id: id ? undefined : savedId,
      name,
    });
  };

  return (
    <section aria-labelledby="quick-title" className="quick-dossier">
      <h1 id="quick-title">{id ? `Dossier de ${name || '…'}` : 'Nouveau dossier jeune'}</h1>
      <p className="muted">
        Saisie rapide : enregistrée sur cet appareil, même sans réseau, puis envoyée au siège.
      </p>
      <form className="card" noValidate onSubmit={(e) => void onSubmit(e)}>
        <TextField
          label="Nom"
          required
          autoComplete="off"
          value={values.lastName}
          error={errors.lastName}
          onChange={(e) => set('lastName')(e.target.value)}
        />
        <TextField
          label="Prénom"
          required
          autoComplete="off"
          value={values.firstName}
          error={errors.firstName}
          onChange={(e) => set('firstName')(e.target.value)}
        />
        <TextField
          label="Date de naissance"
          type="date"
          value={values.birthDate}
          error={errors.birthDate}
          onChange={(e) => set('birthDate')(e.target.value)}
        />
        <TextField
          label="Téléphone"
          type="tel"
          autoComplete="off"
          value={values.phone}
          error={errors.phone}
          onChange={(e) => set('phone')(e.target.value)}
        />
        <SelectField
          label="Site de rattachement"
          required
          value={values.siteId}
          error={errors.siteId}
          options={sites.map((site) => ({ value: site.id, label: site.name }))}
          onChange={(e) => set('siteId')(e.target.value)}
        />
        <button type="submit" className="button-primary">
          Enregistrer
        </button>
        {message && (
          <p role="status" className="quick-saved">
            {message.text}{' '}
            {message.id && (
              <Link href={`/saisie-rapide/${message.id}`}>Ouvrir le dossier de {message.name}</Link>
            )}
          </p>
        )}
      </form>
    </section>
  );
}
