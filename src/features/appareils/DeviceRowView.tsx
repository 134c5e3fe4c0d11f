/** One device of the board, with its revocation (confirmed in place). */
import { useState } from 'react';
import { frenchMessage, isErrorCode } from '../../domain/errors';
import { ROLE_LABELS } from '../../domain/schemas/staff';
import { useReviewAction } from '../reconciliation/useReviewActions';
import { revokeDevice, type DeviceRow } from './useDevices';

/** A few words for the board; the full French message is in the cell's title. */
const SHORT_ERRORS: Record<string, string> = {
  NETWORK: 'Serveur injoignable',
  OUT_OF_SCOPE: 'Écriture hors périmètre refusée',
  SCOPE_LEFT: 'Saisie hors périmètre transmise au siège',
  SCHEMA_OUTDATED: 'Version trop ancienne',
  SLOT_TAKEN: 'Véhicule déjà réservé',
  APPEND_ONLY: 'Modification d’un événement refusée',
  INVALID_TRANSITION: 'Changement d’état refusé',
  VALIDATION_FAILED: 'Données refusées',
  UNAUTHENTICATED: 'Session expirée',
  DEVICE_REVOKED: 'Appareil révoqué',
};

interface Props {
  device: DeviceRow;
  sites: string[];
  lastContact: string;
  lastContactExact: string;
  outdated: boolean;
  /** Pushes waiting, as a share of the largest number on the board (for the bar). */
  pendingShare: number;
  revokedSince: string | null;
  onRevoked(): void;
}

export function DeviceRowView(props: Props) {
  const { device } = props;
  const [confirming, setConfirming] = useState(false);
  const [state, revoke] = useReviewAction(revokeDevice);
  const pending = device.pendingPushes ?? 0;

  async function confirm() {
    if (await revoke(device.id)) {
      setConfirming(false);
      props.onRevoked();
    }
  }

  return (
    <tr className={device.revokedAt ? 'is-revoked' : undefined}>
      <td>
        <strong>{device.label}</strong>
        {device.current && <span className="badge">Cet appareil</span>}
      </td>
      <td>
        {device.user ? (
          <>
            {device.user.name}
            <br />
            <span className="muted">
              {ROLE_LABELS[device.user.role]}
              {props.sites.length > 0 ? ' · ' : ''}
              {props.sites.length > 0 && (
                <span title={props.sites.join(', ')}>
                  {props.sites[0]}
                  {props.sites.length > 1
                    ? ` et ${props.sites.length - 1} autre${props.sites.length > 2 ? 's' : ''}`
                    : ''}
                </span>
              )}
            </span>
          </>
        ) : (
          'Compte supprimé'
        )}
      </td>
      <td title={props.lastContactExact} className="nowrap">
        {props.lastContact}
      </td>
      <td className="nowrap">
        {device.appVersion ?? '—'}
        {props.outdated && <span className="badge badge-warn">à mettre à jour</span>}
      </td>
      <td>
        <span className={`pending${pending > 0 ? ' has-pending' : ''}`}>
          <span className="pending-count">{device.pendingPushes ?? '—'}</span>
          {pending > 0 && (
            <span className="pending-bar" aria-hidden="true">
              <span style={{ width: `${Math.round(props.pendingShare * 100)}%` }} />
            </span>
          )}
        </span>
      </td>
      <td>
        {device.lastError ? (
          <span
            className="device-error"
            title={isErrorCode(device.lastError) ? frenchMessage(device.lastError) : undefined}
          >
            {SHORT_ERRORS[device.lastError] ??
              (isErrorCode(device.lastError) ? frenchMessage(device.lastError) : device.lastError)}
          </span>
        ) : (
          <span className="muted">Aucune</span>
        )}
      </td>
      <td className="device-action">
        {props.revokedSince ? (
          <span className="badge badge-error">Révoqué le {props.revokedSince}</span>
        ) : device.current ? null : confirming ? (
          <span className="revoke-confirm" role="group" aria-label={`Révoquer ${device.label}`}>
            <button
              type="button"
              className="button-danger"
              disabled={state.busy}
              onClick={() => void confirm()}
            >
              {state.busy ? 'Révocation…' : 'Confirmer la révocation'}
            </button>
            <button type="button" className="button-link" onClick={() => setConfirming(false)}>
              Annuler
            </button>
          </span>
        ) : (
          <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
            Révoquer
          </button>
        )}
        {state.error && (
          <p className="field-error" role="alert">
            {state.error}
          </p>
        )}
      </td>
    </tr>
  );
}
