/** Routes `/sites/nouveau` and `/sites/:id`: the site form for direction and admin. */
import { useLocation, useParams } from 'wouter';
import { SiteForm } from './SiteForm';
import { draftFromSite, emptySiteDraft } from './site-draft';
import { useSiteActions } from './useSiteActions';
import { useSite } from '../shared/useDirectory';
import './sites.css';

export function SiteFormScreen() {
  const { id } = useParams<{ id?: string }>();
  const [, navigate] = useLocation();
  const creating = !id || id === 'nouveau';
  const site = useSite(creating ? undefined : id);
  const actions = useSiteActions();

  if (!creating && site.isLoading) return <p role="status">Chargement du site…</p>;
  if (!creating && !site.data)
    return <p role="alert">Ce site n&apos;existe pas sur cet appareil.</p>;
  return (
    <SiteForm
      key={site.data?.id ?? 'nouveau'}
      title={creating ? 'Nouveau site' : `Modifier : ${site.data!.name}`}
      initial={creating ? emptySiteDraft() : draftFromSite(site.data!)}
      onCancel={() => navigate('/sites')}
      onSubmit={async (fields) => {
        if (creating) await actions.create(fields);
        else await actions.update(site.data!.id, fields);
        navigate('/sites');
      }}
    />
  );
}
