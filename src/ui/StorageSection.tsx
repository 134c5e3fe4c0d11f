/**
 * The device's storage in the sync panel: whether the browser promised to keep the dossiers
 * (persistent storage) and why it matters, the space used and available, and a warning well
 * before the quota.
 */
import { useEffect, useState } from 'react';
import {
  refreshDeviceStorage,
  requestPersistentStorage,
  STORAGE_CRITICAL_RATIO,
  STORAGE_WARN_RATIO,
  storageLevel,
} from '../app/pwa/storage';
import { useAppStore } from '../stores/store';
import { formatBytes } from './format-bytes';

export const STORAGE_WARNINGS = {
  warn: 'L’espace de stockage de Relais se remplit. Synchronisez, puis libérez de la place sur l’appareil (fichiers, autres sites) avant qu’il ne manque.',
  critical:
    'L’espace de stockage de Relais est presque plein : synchronisez maintenant et libérez de la place, sinon de nouvelles saisies pourraient être refusées par le navigateur.',
} as const;

function sharePercent(usage: number, quota: number): string {
  const percent = (usage / quota) * 100;
  return percent < 1 ? 'moins de 1 %' : `${Math.round(percent)} %`;
}

export function StorageSection() {
  const storage = useAppStore((s) => s.storage);
  const [asking, setAsking] = useState(false);
  const [refused, setRefused] = useState(false);
  const level = storageLevel(
    storage.usage !== null && storage.quota !== null
      ? { usage: storage.usage, quota: storage.quota }
      : null,
  );

  useEffect(() => {
    void refreshDeviceStorage();
  }, []);

  const ask = async () => {
    setAsking(true);
    setRefused(!(await requestPersistentStorage()));
    setAsking(false);
  };

  return (
    <div className="storage-section">
      <h3>Stockage sur cet appareil</h3>
      {storage.persisted === true && (
        <p>
          <strong>Données protégées.</strong> Le navigateur s’est engagé à ne pas effacer les
          dossiers de cet appareil pour faire de la place.
        </p>
      )}
      {storage.persisted !== true && (
        <>
          <p>
            <strong>Données non protégées.</strong> Quand le disque se remplit, le navigateur peut
            effacer les données des sites sans prévenir, y compris les dossiers et les modifications
            pas encore envoyées au siège. Protéger les données de Relais l’en empêche.
          </p>
          {storage.persisted === false && (
            <button
              type="button"
              className="button-secondary"
              disabled={asking}
              onClick={() => void ask()}
            >
              Protéger les données de cet appareil
            </button>
          )}
          {refused && (
            <p className="muted" role="status">
              Le navigateur n’a pas accepté pour l’instant : il accepte d’ordinaire quand Relais est
              installé (menu du navigateur, « Installer Relais ») ou souvent utilisé. Synchronisez
              régulièrement.
            </p>
          )}
        </>
      )}
      {storage.usage !== null && storage.quota !== null ? (
        <p className="storage-usage">
          <meter
            min={0}
            max={storage.quota}
            low={storage.quota * STORAGE_WARN_RATIO}
            high={storage.quota * STORAGE_CRITICAL_RATIO}
            optimum={0}
            value={storage.usage}
            aria-label="Espace utilisé par Relais"
          />
          <span>
            {formatBytes(storage.usage)} utilisés sur {formatBytes(storage.quota)} disponibles pour
            Relais ({sharePercent(storage.usage, storage.quota)})
          </span>
        </p>
      ) : (
        <p className="muted">Ce navigateur ne dit pas l’espace utilisé.</p>
      )}
      {(level === 'warn' || level === 'critical') && (
        <p className={`storage-warning is-${level}`} role="alert">
          {STORAGE_WARNINGS[level]}
        </p>
      )}
    </div>
  );
}
