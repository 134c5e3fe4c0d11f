/**
 * The sync panel, opened from the header's status: where sync stands for this device (online,
 * which tab replicates, last success), what is not yet sent per collection and what the server
 * refused, the last error with what to do, "Synchroniser maintenant", the device's storage and
 * the app's version.
 */
import { useCallback, useState } from 'react';
import { useSyncEngine } from '../app/DatabaseProvider';
import { COLLECTION_NAMES } from '../domain/collections';
import { frenchMessage } from '../domain/errors';
import { fixedClock, formatDateTime, formatSince, toLocalDateTime } from '../domain/time';
import { useLiveQuery } from '../db/useLiveQuery';
import { useAppStore } from '../stores/store';
import { countPending } from '../sync/pending';
import { StorageSection } from './StorageSection';
import { COLLECTION_LABELS, adviceFor } from './sync-labels';
import { useNow } from './useNow';

/** How long the button waits before saying the sync goes on in the background. */
export const SYNC_NOW_FEEDBACK_MS = 20_000;

type SyncNowState = 'idle' | 'syncing' | 'done' | 'continuing';

function when(instant: Date, now: Date): string {
  return `${formatDateTime(toLocalDateTime(instant))} (${formatSince(instant, fixedClock(now))})`;
}

function PendingTable() {
  const sync = useSyncEngine();
  const { data: state } = useLiveQuery(useCallback(() => sync.pending.state$, [sync]));
  if (!state) return null;
  const rows = COLLECTION_NAMES.map((name) => ({
    name,
    pending: countPending(state, name),
    refused: Object.values(state[name]).filter((entry) => entry.refused),
  })).filter((row) => row.pending > 0 || row.refused.length > 0);
  if (rows.length === 0) return <p>Tout est envoyé au serveur.</p>;
  return (
    <table className="sync-pending">
      <caption className="visually-hidden">
        Modifications de cet appareil par type de données
      </caption>
      <thead>
        <tr>
          <th scope="col">Données</th>
          <th scope="col">Non envoyées</th>
          <th scope="col">Refusées par le serveur</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <th scope="row">{COLLECTION_LABELS[row.name]}</th>
            <td>{row.pending}</td>
            <td>
              {row.refused.length === 0
                ? '—'
                : [...new Set(row.refused.map((entry) => entry.refused!))]
                    .map(
                      (code) =>
                        `${row.refused.filter((entry) => entry.refused === code).length} : ${frenchMessage(code)}`,
                    )
                    .join(' ; ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SyncPanel({ id }: { id: string }) {
  const sync = useSyncEngine();
  const status = useAppStore((s) => s.sync);
  const offlineReady = useAppStore((s) => s.offlineReady);
  const now = useNow(15_000);
  const [syncNow, setSyncNow] = useState<SyncNowState>('idle');

  const onSyncNow = async () => {
    setSyncNow('syncing');
    sync.syncNow();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finished = await Promise.race([
      sync.awaitInSync().then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), SYNC_NOW_FEEDBACK_MS);
      }),
    ]);
    clearTimeout(timer);
    setSyncNow(finished ? 'done' : 'continuing');
  };

  return (
    <section id={id} className="sync-panel card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Synchronisation de cet appareil</h2>
      <dl className="sync-facts">
        <dt>Serveur du siège</dt>
        <dd>
          {status.online
            ? 'Joignable : les modifications partent au fil de l’eau.'
            : 'Injoignable : vous travaillez hors ligne, tout reste sur cet appareil.'}
        </dd>
        <dt>Dernière synchronisation réussie</dt>
        <dd>
          {status.lastSuccessAt
            ? when(status.lastSuccessAt, now)
            : 'Jamais depuis l’ouverture de Relais sur cet appareil.'}
        </dd>
        <dt>Onglet</dt>
        <dd>
          {status.leader
            ? 'Cet onglet synchronise pour tout l’appareil.'
            : 'Un autre onglet de Relais synchronise pour cet appareil ; celui-ci affiche les mêmes données en direct.'}
        </dd>
      </dl>

      <h3>À envoyer</h3>
      <PendingTable />

      {status.lastError && (
        <div className="sync-last-error" role="alert">
          <h3>Dernier incident</h3>
          <p>
            <strong>{frenchMessage(status.lastError.code)}</strong>{' '}
            <span className="muted">({when(status.lastError.at, now)})</span>
          </p>
          <p>
            <strong>Que faire :</strong> {adviceFor(status.lastError.code)}
          </p>
        </div>
      )}

      <div className="sync-now">
        <button
          type="button"
          className="button-primary"
          disabled={syncNow === 'syncing'}
          onClick={() => void onSyncNow()}
        >
          Synchroniser maintenant
        </button>
        <p role="status" className="sync-now-result">
          {syncNow === 'syncing' && (
            <>
              <progress aria-label="Synchronisation en cours" /> Synchronisation en cours…
            </>
          )}
          {syncNow === 'done' && 'Synchronisation terminée : tout est à jour.'}
          {syncNow === 'continuing' &&
            (status.online
              ? 'La synchronisation continue en arrière-plan.'
              : 'Pas de réseau : l’envoi reprendra tout seul au retour du réseau.')}
        </p>
      </div>

      <StorageSection />

      <h3>Application</h3>
      <p>
        Relais version {__APP_VERSION__}.{' '}
        {offlineReady
          ? 'Installée sur cet appareil : elle s’ouvre même sans réseau.'
          : 'Préparation de l’ouverture sans réseau…'}
      </p>
    </section>
  );
}
