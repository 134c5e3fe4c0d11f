/**
 * A dossier jeune: its header (who, age, statut, dispositif running, what is not sent yet) and
 * four sections, each with its own address so that other screens can link to them:
 * `/dossiers/:id` (suivi: events), `/dossiers/:id/parcours` (situations, demandes and
 * propositions), `/dossiers/:id/dispositifs` (CEJ, PACEA), `/dossiers/:id/identite` (the form),
 * and for the siège `/dossiers/:id/droits` (access journal, copy, erasure).
 */
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { useClock } from '../../app/clock-context';
import { canExerciseRights, canSeeSensitive } from '../../domain/rules/visibility';
import { useAppStore } from '../../stores/store';
import { usePendingState } from '../../ui/usePending';
import { DossierForm } from './DossierForm';
import { DossierHeader } from './DossierHeader';
import { dossierFormFrom, youthFieldsFrom } from './dossier-form';
import { EventsPanel } from './events/EventsPanel';
import { DispositifsPanel } from './pathway/DispositifsPanel';
import { PropositionsPanel } from './pathway/PropositionsPanel';
import { SituationsPanel } from './pathway/SituationsPanel';
import {
  useWorkshops,
  useYouth,
  useYouthAttendances,
  useYouthEvents,
  useYouthPathway,
} from './useDossier';
import { DossierSessions } from './DossierSessions';
import { isAttended } from '../../domain/rules/attendance';
import { useDossierActions } from './useDossierActions';
import { useDossierOpened } from './useDossierOpened';
import { RightsPanel } from './rights/RightsPanel';
import { YouthLoansPanel } from '../mobilite/YouthLoansPanel';
import { namesById, useSites, useStaff } from '../shared/useDirectory';
import './dossier.css';

const TABS = [
  { slug: '', label: 'Suivi' },
  { slug: 'parcours', label: 'Parcours' },
  { slug: 'dispositifs', label: 'Dispositifs' },
  { slug: 'identite', label: 'Identité et situation' },
  { slug: 'mobilite', label: 'Mobilité' },
  { slug: 'droits', label: 'Accès et droits', siegeOnly: true },
] as const;

export function DossierScreen() {
  const { id = '', tab = '' } = useParams<{ id: string; tab?: string }>();
  const user = useAppStore((s) => s.user)!;
  const clock = useClock();
  const youth = useYouth(id);
  const events = useYouthEvents(id);
  const pathway = useYouthPathway(id);
  const attendances = useYouthAttendances(id);
  const attendedIds = (attendances.data ?? []).filter(isAttended).map((a) => a.workshopId);
  const attended = useWorkshops(attendedIds);
  const sites = useSites();
  const staff = useStaff();
  const pending = usePendingState();
  const actions = useDossierActions();
  const [saved, setSaved] = useState('');
  const sensitive = canSeeSensitive(user.role);
  useDossierOpened(youth.data ? youth.data.id : undefined);

  if (youth.error) return <p role="alert">Impossible de lire ce dossier : {youth.error.message}</p>;
  if (youth.isLoading || youth.data === undefined) {
    return (
      <p role="status" className="muted">
        Ouverture du dossier…
      </p>
    );
  }
  if (youth.data === null) {
    return (
      <section className="dossier-screen">
        <h1>Dossier introuvable</h1>
        <p>
          Ce dossier n&apos;est pas sur cet appareil : il ne fait pas partie de vos sites ou de
          votre portefeuille, ou il n&apos;est pas encore arrivé par la synchronisation.
        </p>
        <Link href="/">Retour au portefeuille</Link>
      </section>
    );
  }
  const readError =
    events.error ?? pathway.error ?? attendances.error ?? staff.error ?? sites.error;
  const dossier = youth.data;
  const records = pathway.data ?? [];
  const ofKind = (kind: string) => records.filter((r) => r.kind === kind);
  const names = namesById(staff.data);
  const tabs = TABS.filter((t) => !('siegeOnly' in t) || canExerciseRights(user.role));
  const current = tabs.find((t) => t.slug === tab) ?? tabs[0]!;
  const needed = {
    '': [events.data, attendances.data],
    parcours: [pathway.data],
    dispositifs: [pathway.data, events.data, attendances.data],
    identite: [sites.data, staff.data],
    mobilite: [pathway.data, sites.data, staff.data],
    droits: [],
  }[current.slug];
  const tabLoading = needed.some((data) => data === undefined);

  return (
    <section className="dossier-screen" aria-labelledby="dossier-title">
      <p className="breadcrumb">
        <Link href="/">← Portefeuille</Link>
      </p>
      {dossier.mergedInto && (
        <p className="notice" role="note">
          Ce dossier a été fusionné :{' '}
          <Link href={`/dossiers/${dossier.mergedInto}`}>ouvrir le dossier conservé</Link>.
        </p>
      )}
      <DossierHeader
        youth={dossier}
        dispositifs={ofKind('dispositif')}
        sites={sites.data ?? []}
        names={names}
        pending={pending}
        attachedIds={new Set([...(events.data ?? []), ...records].map((r) => r.id))}
        canSeeSensitive={sensitive}
      />
      {readError && (
        <p role="alert" className="form-error">
          Une partie du dossier n&apos;a pas pu être lue sur cet appareil : {readError.message}
        </p>
      )}
      <nav className="dossier-tabs" aria-label="Sections du dossier">
        {tabs.map((t) => (
          <Link
            key={t.slug}
            href={`/dossiers/${dossier.id}${t.slug ? `/${t.slug}` : ''}`}
            aria-current={t === current ? 'page' : undefined}
          >
            {t.label}
          </Link>
        ))}
      </nav>

      {tabLoading && (
        <p role="status" className="muted">
          Chargement…
        </p>
      )}
      {current.slug === '' && !tabLoading && (
        <EventsPanel
          youthId={dossier.id}
          youthSiteId={dossier.siteId}
          events={events.data ?? []}
          sites={sites.data ?? []}
          names={names}
          userId={user.id}
          canSeeSensitive={sensitive}
          attended={(attended.data ?? []).filter((w) => !w.cancelled)}
        />
      )}
      {current.slug === '' && !tabLoading && (
        <DossierSessions youthId={dossier.id} attendances={attendances.data ?? []} />
      )}
      {current.slug === 'parcours' && !tabLoading && (
        <>
          <SituationsPanel youthId={dossier.id} userId={user.id} situations={ofKind('situation')} />
          <PropositionsPanel
            youthId={dossier.id}
            userId={user.id}
            demandes={ofKind('demande')}
            propositions={ofKind('proposition')}
            canSeeSensitive={sensitive}
          />
        </>
      )}
      {current.slug === 'dispositifs' && !tabLoading && (
        <DispositifsPanel
          youthId={dossier.id}
          userId={user.id}
          dispositifs={ofKind('dispositif')}
          propositions={ofKind('proposition')}
          events={events.data ?? []}
          attendances={attendances.data ?? []}
        />
      )}
      {current.slug === 'droits' && <RightsPanel youth={dossier} />}
      {current.slug === 'mobilite' && !tabLoading && (
        <YouthLoansPanel
          youth={dossier}
          parcours={records}
          siteName={(siteId) => sites.data?.find((s) => s.id === siteId)?.name}
          staffName={(staffId) => names.get(staffId)}
          userSiteId={user.siteIds[0] ?? ''}
        />
      )}
      {current.slug === 'identite' && sites.data && staff.data && (
        <>
          <p className="saved-note" role="status">
            {saved}
          </p>
          <DossierForm
            key={dossier.id}
            initial={dossierFormFrom(dossier)}
            birthYearOnly={dossier.birthDate?.length === 4 ? dossier.birthDate : undefined}
            entryDay={dossier.createdOn}
            canSeeSensitive={sensitive}
            sites={sites.data}
            staff={staff.data}
            clock={clock}
            submitLabel="Enregistrer le dossier"
            unsavedLabel={`dossier de ${dossier.firstName} ${dossier.lastName}`}
            onSubmit={async (values) => {
              await actions.updateYouth(
                dossier.id,
                youthFieldsFrom(values, { base: dossier, canSeeSensitive: sensitive, clock }),
              );
              setSaved('Dossier enregistré sur cet appareil.');
            }}
          />
        </>
      )}
    </section>
  );
}
