/**
 * Appareils (direction, admin): every device that signed in — who uses it, for which sites, its
 * last contact, app version, changes waiting to be sent and last sync error as it last reported
 * them — revocation (at its next contact the device hands over what it had not sent, then
 * erases its data), and the device security settings. The list comes from the server, so it
 * needs the network.
 */
import { useMemo, useState } from 'react';
import { APP_VERSION } from '../../app/api';
import { frenchMessage } from '../../domain/errors';
import { fixedClock, formatInstant, formatSince } from '../../domain/time';
import { CheckboxField, SelectField } from '../../ui/Field';
import { useNow } from '../../ui/useNow';
import { useDirectory } from '../shared/useDirectory';
import { CONTACT_BUCKETS, countByContact } from './contact';
import { DevicePolicyForm } from './DevicePolicyForm';
import { DeviceRowView } from './DeviceRowView';
import { useDevices } from './useDevices';
import '../reconciliation/reconciliation.css';
import './appareils.css';
import { TableScroll } from '../../ui/TableScroll';

export function DevicesScreen() {
  const devices = useDevices();
  const directory = useDirectory();
  const now = useNow();
  const clock = useMemo(() => fixedClock(now), [now]);
  const [siteId, setSiteId] = useState('');
  const [showRevoked, setShowRevoked] = useState(true);
  const [message, setMessage] = useState('');

  const all = devices.data ?? [];
  const active = all.filter((device) => !device.revokedAt);
  const shown = all.filter(
    (device) =>
      (showRevoked || !device.revokedAt) &&
      (!siteId || (device.user?.siteIds ?? []).includes(siteId)),
  );
  const counts = countByContact(active, clock);
  const max = Math.max(1, ...Object.values(counts));
  const waiting = active.filter((device) => (device.pendingPushes ?? 0) > 0).length;
  const failing = active.filter((device) => device.lastError).length;
  const maxPending = Math.max(1, ...all.map((device) => device.pendingPushes ?? 0));
  const siteName = (id: string) => directory.data?.sites.get(id)?.name ?? id;
  const siteCount = directory.data?.sites.size ?? 0;
  const sitesOf = (ids: string[]) =>
    siteCount > 1 && ids.length === siteCount ? ['tous les sites'] : ids.map(siteName);
  const siteOptions = [...(directory.data?.sites.values() ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
    .map((site) => ({ value: site.id, label: site.name }));

  return (
    <section aria-labelledby="appareils-title" className="appareils">
      <div className="section-header">
        <h1 id="appareils-title">Appareils</h1>
        <button
          type="button"
          className="button-secondary"
          onClick={devices.reload}
          disabled={devices.isLoading}
        >
          {devices.isLoading ? 'Actualisation…' : 'Actualiser'}
        </button>
      </div>
      {devices.error && (
        <p className="notice" role="alert">
          {devices.error.code === 'NETWORK'
            ? 'Hors ligne : la liste des appareils est tenue par le serveur, elle reviendra avec le réseau.'
            : frenchMessage(devices.error.code)}
        </p>
      )}
      <div className="device-summary">
        <dl className="device-figures">
          <div>
            <dt>Appareils actifs</dt>
            <dd>{active.length}</dd>
          </div>
          <div>
            <dt>Avec des envois en attente</dt>
            <dd className={waiting > 0 ? 'is-warn' : undefined}>{waiting}</dd>
          </div>
          <div>
            <dt>Avec une erreur de synchronisation</dt>
            <dd className={failing > 0 ? 'is-error' : undefined}>{failing}</dd>
          </div>
          <div>
            <dt>Révoqués</dt>
            <dd>{all.length - active.length}</dd>
          </div>
        </dl>
        <figure className="age-chart contact-chart">
          <figcaption>Dernier contact des appareils actifs</figcaption>
          <ul>
            {CONTACT_BUCKETS.map((bucket) => (
              <li key={bucket.id} className={`age-bar contact-${bucket.id}`}>
                <span className="age-bar-label">{bucket.label}</span>
                <span className="age-bar-track" aria-hidden="true">
                  <span
                    className="age-bar-fill"
                    style={{ width: `${Math.round((counts[bucket.id] / max) * 100)}%` }}
                  />
                </span>
                <span className="age-bar-count">{counts[bucket.id]}</span>
              </li>
            ))}
          </ul>
        </figure>
      </div>
      <form
        autoComplete="off"
        className="device-filters"
        aria-label="Filtrer les appareils"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label="Site"
          value={siteId}
          onChange={(e) => setSiteId(e.target.value)}
          options={siteOptions}
          placeholder="Tous les sites"
        />
        <CheckboxField
          label="Afficher les appareils révoqués"
          checked={showRevoked}
          onChange={(e) => setShowRevoked(e.target.checked)}
        />
      </form>
      <p role="status" aria-live="polite" className="settled-message">
        {message}
      </p>
      <TableScroll label="Appareils (tableau défilant)">
        <table className="devices">
          <caption className="visually-hidden">Appareils et leur état de synchronisation</caption>
          <thead>
            <tr>
              <th scope="col">Appareil</th>
              <th scope="col">Utilisateur</th>
              <th scope="col">Dernier contact</th>
              <th scope="col">Version</th>
              <th scope="col">En attente</th>
              <th scope="col">Dernière erreur</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((device) => (
              <DeviceRowView
                key={device.id}
                device={device}
                sites={sitesOf(device.user?.siteIds ?? [])}
                lastContact={formatSince(new Date(device.lastSeenAt), clock)}
                lastContactExact={formatInstant(device.lastSeenAt)}
                outdated={device.appVersion !== null && device.appVersion !== APP_VERSION}
                pendingShare={(device.pendingPushes ?? 0) / maxPending}
                revokedSince={device.revokedAt ? formatInstant(device.revokedAt) : null}
                onRevoked={() => {
                  setMessage(`Appareil révoqué : ${device.label} (${device.user?.name ?? ''}).`);
                  devices.reload();
                }}
              />
            ))}
          </tbody>
        </table>
      </TableScroll>
      {!devices.isLoading && shown.length === 0 && !devices.error && (
        <p className="empty">Aucun appareil ne correspond.</p>
      )}
      <DevicePolicyForm />
    </section>
  );
}
