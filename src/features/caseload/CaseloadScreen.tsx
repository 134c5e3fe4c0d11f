/**
 * The portefeuille: the dossiers on this device, read from the local database (so it works with
 * the network cut), searched and filtered in memory (search.ts), one page at a time.
 */
import { useDeferredValue, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { Link } from 'wouter';
import { useClock } from '../../app/clock-context';
import { today } from '../../domain/time';
import { useAppStore } from '../../stores/store';
import { usePendingState } from '../../ui/usePending';
import { useNow } from '../../ui/useNow';
import { DOWNLOADING_TEXT, useDownloading } from '../../ui/useFirstDownload';
import { useSites } from '../shared/useDirectory';
import { useDossierScope } from '../shared/useDossierScope';
import { CaseloadFilters } from './CaseloadFilters';
import { CaseloadTable } from './CaseloadTable';
import { buildCaseloadIndex, searchCaseload, type CaseloadCounts } from './search';
import { useCaseload, useCurrentProgrammes, useLastContacts } from './useCaseload';
import './caseload.css';
import { counted } from '../../domain/plural';

/**
 * Counts that need the dispositifs or the events appear once those are read; during the first
 * download, a count of data still arriving says so instead of a figure that looks final.
 */
function CountsLine({
  counts,
  known,
  downloading,
}: {
  counts: CaseloadCounts;
  known: { contacts: boolean; programmes: boolean };
  downloading: { youths: boolean; contacts: boolean; programmes: boolean };
}) {
  const parts = [
    ...(downloading.programmes
      ? [`CEJ et PACEA : ${DOWNLOADING_TEXT}`]
      : known.programmes
        ? [`${counts.cej} en CEJ`, `${counts.pacea} en PACEA`]
        : []),
    `${counts.qpv} en QPV`,
    `${counts.rural} en zone rurale`,
    ...(downloading.contacts
      ? [`sans contact : ${DOWNLOADING_TEXT}`]
      : known.contacts
        ? [`${counts.neverContacted} sans aucun contact`]
        : []),
  ];
  return (
    <p className="caseload-counts muted">
      {parts.join(' · ')}
      {downloading.youths && ` (dossiers : ${DOWNLOADING_TEXT})`}
    </p>
  );
}

export function CaseloadScreen() {
  const user = useAppStore((s) => s.user);
  const filters = useAppStore((s) => s.caseloadFilters);
  const [scope] = useDossierScope();
  const page = useAppStore((s) => s.caseloadPage);
  const setPage = useAppStore((s) => s.setCaseloadPage);
  // Re-rendered every minute so that ages and days without contact follow midnight.
  useNow(60_000);
  const day = today(useClock());
  const youths = useCaseload();
  const loaded = youths.data !== undefined;
  const contacts = useLastContacts(loaded);
  const programmes = useCurrentProgrammes(loaded, day);
  const sites = useSites();
  const pending = usePendingState();
  const searchRef = useRef<HTMLInputElement>(null);

  const index = useMemo(
    () =>
      buildCaseloadIndex({
        youths: youths.data ?? [],
        lastContacts: contacts.data,
        programmes: programmes.data,
        today: day,
      }),
    [youths.data, contacts.data, programmes.data, day],
  );
  const deferredQuery = useDeferredValue(filters.query);
  const result = useMemo(
    () =>
      searchCaseload(index, { ...filters, scope, query: deferredQuery, userId: user?.id ?? '' }),
    [index, filters, scope, deferredQuery, user?.id],
  );

  // "/" anywhere but in a field jumps to the search box.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key !== '/' || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      event.preventDefault();
      searchRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'ArrowDown') return;
    event.preventDefault();
    document.querySelector<HTMLAnchorElement>('table.caseload a[data-row-link]')?.focus();
  }

  const downloading = {
    youths: useDownloading('youths'),
    contacts: useDownloading('events'),
    programmes: useDownloading('pathway'),
  };
  const activityKnown = {
    contacts: contacts.data !== undefined && !downloading.contacts,
    programmes: programmes.data !== undefined && !downloading.programmes,
  };
  const siteOptions = (sites.data ?? []).filter((site) => user?.siteIds.includes(site.id));
  const { counts } = result;

  if (youths.error) {
    return <p role="alert">Impossible de lire les dossiers : {youths.error.message}</p>;
  }
  return (
    <section aria-labelledby="caseload-title" className="caseload-screen">
      <div className="section-header">
        <h1 id="caseload-title">Portefeuille</h1>
        <p className="caseload-total" aria-live="polite">
          {!loaded
            ? 'Chargement…'
            : `${counted(counts.matching, 'dossier')}${counts.matching !== counts.total ? ` sur ${counts.total}` : ''}${downloading.youths ? ` reçus, ${DOWNLOADING_TEXT}` : ''}`}
        </p>
        <Link href="/dossiers/nouveau" className="button-primary">
          Nouveau dossier (premier accueil)
        </Link>
      </div>
      <CaseloadFilters
        siteOptions={siteOptions}
        contactsLoading={contacts.isLoading || downloading.contacts}
        searchRef={searchRef}
        onSearchKeyDown={onSearchKeyDown}
      />
      {loaded && <CountsLine counts={counts} known={activityKnown} downloading={downloading} />}
      {loaded && counts.total === 0 && !downloading.youths && (
        <p>
          Aucun dossier sur cet appareil pour l&apos;instant : ils arrivent à la première
          synchronisation.
        </p>
      )}
      {loaded && counts.total > 0 && counts.matching === 0 && (
        <p>Aucun dossier ne correspond à la recherche et aux filtres.</p>
      )}
      {counts.matching > 0 && (
        <CaseloadTable
          entries={result.entries}
          page={page}
          onPageChange={setPage}
          pending={pending}
          onLeaveTop={() => searchRef.current?.focus()}
          activityKnown={activityKnown}
          pendingText={
            downloading.contacts || downloading.programmes ? DOWNLOADING_TEXT : undefined
          }
        />
      )}
    </section>
  );
}
