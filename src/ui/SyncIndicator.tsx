/**
 * The sync status, always visible in the header: online or offline, what is waiting to be sent,
 * the last success and the last error in French.
 */
import { frenchMessage } from '../domain/errors';
import { fixedClock, formatSince } from '../domain/time';
import { useAppStore } from '../stores/store';
import { useNow } from './useNow';

export function SyncIndicator() {
  const sync = useAppStore((s) => s.sync);
  const now = useNow();
  const label = sync.online ? 'En ligne' : 'Hors ligne';
  const details = [
    sync.pending > 0
      ? `${sync.pending} modification${sync.pending > 1 ? 's' : ''} non envoyée${sync.pending > 1 ? 's' : ''}`
      : 'Tout est envoyé',
    sync.refused > 0
      ? `${sync.refused} refusée${sync.refused > 1 ? 's' : ''} par le serveur`
      : null,
    sync.lastSuccessAt
      ? `dernière synchronisation ${formatSince(sync.lastSuccessAt, fixedClock(now))}`
      : 'jamais synchronisé',
  ].filter(Boolean);
  return (
    <div
      className={`sync-indicator ${sync.online ? 'is-online' : 'is-offline'}`}
      role="status"
      aria-live="polite"
    >
      <span className="sync-dot" aria-hidden="true" />
      <span className="sync-label">{label}</span>
      <span className="sync-details">{details.join(' · ')}</span>
      {sync.lastError && !sync.online && sync.lastError.code !== 'NETWORK' && (
        <span className="sync-error">{frenchMessage(sync.lastError.code)}</span>
      )}
    </div>
  );
}
