/**
 * Réconciliation (direction, admin): the queue of open conflicts — values typed differently on
 * two devices — oldest first, filtered by site, adviser and age. Each decision is sent to the
 * server, which writes it into the document; the sync stream brings it to every device, and
 * the conflict leaves this queue when its resolved review arrives here.
 */
import { useMemo, useState } from 'react';
import { fixedClock } from '../../domain/time';
import { useAppStore } from '../../stores/store';
import { SelectField } from '../../ui/Field';
import { useNow } from '../../ui/useNow';
import { useDevices } from '../appareils/useDevices';
import { AgeChart } from './AgeChart';
import { ConflictCard } from './ConflictCard';
import { AGE_BUCKETS, countByAge, matches, NO_FILTERS, type QueueFilters } from './filters';
import { namesFrom } from './labels';
import { useConflictQueue } from './useConflictQueue';
import { useDirectory } from '../shared/useDirectory';
import './reconciliation.css';
import { counted } from '../../domain/plural';

export function ReconciliationScreen() {
  const queue = useConflictQueue();
  const directory = useDirectory();
  const devices = useDevices();
  const online = useAppStore((s) => s.sync.online);
  const now = useNow();
  const clock = useMemo(() => fixedClock(now), [now]);
  const [filters, setFilters] = useState<QueueFilters>(NO_FILTERS);
  const [settled, setSettled] = useState<{ ids: Set<string>; message: string }>({
    ids: new Set(),
    message: '',
  });

  const open = useMemo(
    () => (queue.data ?? []).filter((item) => !settled.ids.has(item.review.id)),
    [queue.data, settled.ids],
  );
  const shown = open.filter((item) => matches(item.review, filters, clock));

  const names = useMemo(
    () =>
      namesFrom(
        directory.data,
        open.flatMap((item) => item.youths),
      ),
    [open, directory.data],
  );
  const deviceLabel = (id: string) => devices.data?.find((d) => d.id === id)?.label;

  const siteOptions = [...(directory.data?.sites.values() ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
    .map((site) => ({ value: site.id, label: site.name }));
  const adviserIds = new Set(open.flatMap((item) => (item.review.values ?? []).map((v) => v.by)));
  const adviserOptions = [...adviserIds]
    .map((id) => ({ value: id, label: names.staff(id) ?? id }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));

  if (queue.error) {
    return <p role="alert">Impossible de lire les conflits : {queue.error.message}</p>;
  }
  return (
    <section aria-labelledby="reconciliation-title" className="reconciliation">
      <div className="section-header">
        <h1 id="reconciliation-title">Réconciliation</h1>
        <p className="muted" aria-live="polite">
          {queue.isLoading
            ? 'Chargement…'
            : `${counted(open.length, 'conflit')} à traiter${
                shown.length !== open.length ? ` · ${counted(shown.length, 'affiché')}` : ''
              }`}
        </p>
      </div>
      <p className="intro">
        Une même information a été saisie différemment sur deux appareils hors ligne. Relais a gardé
        la première arrivée au siège et conservé l&apos;autre ici : choisissez la bonne valeur, ou
        saisissez une valeur fusionnée. La décision est envoyée à tous les appareils.
      </p>
      {!online && (
        <p className="notice" role="status">
          Hors ligne : les décisions seront possibles dès le retour du réseau.
        </p>
      )}
      <div className="reconciliation-top">
        <AgeChart
          counts={countByAge(
            open.map((item) => item.review),
            clock,
          )}
          selected={filters.age}
          onSelect={(age) => setFilters((f) => ({ ...f, age }))}
        />
        <form
          autoComplete="off"
          className="queue-filters"
          aria-label="Filtrer les conflits"
          onSubmit={(e) => e.preventDefault()}
        >
          <SelectField
            label="Site"
            value={filters.siteId}
            onChange={(e) => setFilters((f) => ({ ...f, siteId: e.target.value }))}
            options={siteOptions}
            placeholder="Tous les sites"
          />
          <SelectField
            label="Conseiller·ère"
            hint="Qui a saisi l'une des valeurs"
            value={filters.adviserId}
            onChange={(e) => setFilters((f) => ({ ...f, adviserId: e.target.value }))}
            options={adviserOptions}
            placeholder="Toutes et tous"
          />
          <SelectField
            label="Ancienneté"
            value={filters.age}
            onChange={(e) =>
              setFilters((f) => ({ ...f, age: e.target.value as QueueFilters['age'] }))
            }
            options={AGE_BUCKETS.map((bucket) => ({ value: bucket.id, label: bucket.label }))}
            placeholder="Toutes"
          />
          <button type="button" className="button-link" onClick={() => setFilters(NO_FILTERS)}>
            Effacer les filtres
          </button>
        </form>
      </div>
      <p role="status" aria-live="polite" className="settled-message">
        {settled.message}
      </p>
      {!queue.isLoading && open.length === 0 && (
        <p className="empty">
          Aucun conflit à traiter : tout ce qui a été saisi a pu être fusionné.
        </p>
      )}
      {open.length > 0 && shown.length === 0 && (
        <p className="empty">Aucun conflit ne correspond à ces filtres.</p>
      )}
      <div className="conflict-list">
        {shown.map((item) => (
          <ConflictCard
            key={item.review.id}
            item={item}
            names={names}
            deviceLabel={deviceLabel}
            now={now}
            online={online}
            onSettled={(message) =>
              setSettled((s) => ({ ids: new Set([...s.ids, item.review.id]), message }))
            }
          />
        ))}
      </div>
    </section>
  );
}
