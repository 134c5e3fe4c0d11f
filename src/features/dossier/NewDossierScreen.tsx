/**
 * Premier accueil: a new dossier jeune, created on the device (works offline), then opened.
 * Route `/dossiers/nouveau`.
 */
import { useMemo } from 'react';
import { Link, useLocation } from 'wouter';
import { useClock } from '../../app/clock-context';
import { canSeeSensitive } from '../../domain/rules/visibility';
import { useAppStore } from '../../stores/store';
import { DossierForm } from './DossierForm';
import { emptyDossierForm, youthFieldsFrom } from './dossier-form';
import { useDossierActions } from './useDossierActions';
import { useSites, useStaff } from '../shared/useDirectory';
import './dossier.css';

export function NewDossierScreen() {
  const user = useAppStore((s) => s.user)!;
  const [, navigate] = useLocation();
  const sites = useSites();
  const staff = useStaff();
  const actions = useDossierActions();
  const clock = useClock();
  const sensitive = canSeeSensitive(user.role);
  const initial = useMemo(
    () =>
      emptyDossierForm({
        siteId: user.siteIds[0] ?? '',
        referentId: user.role === 'conseiller' ? user.id : '',
      }),
    [user],
  );

  if (!sites.data || !staff.data) {
    return (
      <p role="status" className="muted">
        Chargement…
      </p>
    );
  }
  return (
    <section aria-labelledby="new-dossier-title" className="dossier-screen">
      <p className="breadcrumb">
        <Link href="/">← Portefeuille</Link>
      </p>
      <h1 id="new-dossier-title">Premier accueil — nouveau dossier jeune</h1>
      <DossierForm
        creating
        initial={initial}
        canSeeSensitive={sensitive}
        sites={sites.data.filter((site) => site.active !== false)}
        staff={staff.data}
        clock={clock}
        submitLabel="Créer le dossier"
        onCancel={() => navigate('/')}
        onSubmit={async (values) => {
          const created = await actions.createYouth(
            youthFieldsFrom(values, { canSeeSensitive: sensitive, clock }),
          );
          navigate(`/dossiers/${created.id}`);
        }}
      />
    </section>
  );
}
