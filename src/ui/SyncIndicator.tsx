/**
 * The sync status, always visible in the header: online or offline, what is waiting to be sent,
 * the last success, an error or a storage warning when there is one; its button opens the sync
 * panel (details per collection, what to do, "Synchroniser maintenant", storage).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { storageLevel } from '../app/pwa/storage';
import { fixedClock, formatSince } from '../domain/time';
import { useAppStore } from '../stores/store';
import { SyncPanel } from './SyncPanel';
import { useNow } from './useNow';
import './sync-panel.css';
import { counted } from '../domain/plural';

export function SyncIndicator() {
  const sync = useAppStore((s) => s.sync);
  const storage = useAppStore((s) => s.storage);
  const now = useNow();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const level = storageLevel(
    storage.usage !== null && storage.quota !== null
      ? { usage: storage.usage, quota: storage.quota }
      : null,
  );

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    // A click elsewhere closes the panel, as any popover: it must never hide the screen.
    const onPointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  // On a narrow screen (a tablet upright) only what waits stays in the header: the time of the
  // last sync is in the panel, so the header keeps to one line.
  const details: [string, string][] = [
    [
      sync.pending > 0 ? 'sync-pending' : 'sync-all-sent',
      sync.pending > 0
        ? counted(sync.pending, 'modification non envoyée', 'modifications non envoyées')
        : 'Tout est envoyé',
    ],
    ...(sync.refused > 0
      ? [['sync-refused', counted(sync.refused, 'refusée') + ' par le serveur'] as [string, string]]
      : []),
    [
      'sync-last',
      sync.lastSuccessAt
        ? `synchronisé ${formatSince(sync.lastSuccessAt, fixedClock(now))}`
        : 'jamais synchronisé',
    ],
  ];
  const hasError = sync.lastError !== null && sync.lastError.code !== 'NETWORK';
  // Until the device holds its caseload once, it is neither « en ligne » as usual nor « hors
  // ligne »: it is downloading (FirstDownloadBar shows how far).
  // Without network it says so, the bar under the header saying the download waits for it.
  const downloading = sync.firstDownload !== null && sync.lastError?.code !== 'NETWORK';
  const label = downloading ? 'Téléchargement initial' : sync.online ? 'En ligne' : 'Hors ligne';

  return (
    <div className="sync-status" ref={wrapper}>
      <div
        className={`sync-indicator ${downloading ? 'is-downloading' : sync.online ? 'is-online' : 'is-offline'}`}
        role="status"
        aria-live="polite"
      >
        <span className="sync-dot" aria-hidden="true" />
        <span className="sync-label">{label}</span>
        <span className="sync-details">
          {details.map(([className, text], index) => (
            <span key={className} className={className}>
              {index > 0 ? ' · ' : ''}
              {text}
            </span>
          ))}
        </span>
        {hasError && <span className="sync-error">Incident de synchronisation</span>}
        {(level === 'warn' || level === 'critical') && (
          <span className="sync-error">Stockage presque plein</span>
        )}
      </div>
      <button
        ref={button}
        type="button"
        className="button-link sync-toggle"
        aria-label="Détails de la synchronisation"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        Détails
      </button>
      {open && <SyncPanel id={panelId} />}
    </div>
  );
}
