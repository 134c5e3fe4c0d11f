/**
 * The discreet "non envoyé" marker of a record changed on this device and not yet acknowledged
 * by the server, or "refusé" with the server's reason in French.
 */
import { frenchMessage } from '../domain/errors';
import type { PendingEntry } from '../sync/pending';
import './pending.css';

export function PendingMarker({ entry }: { entry: PendingEntry | undefined }) {
  if (!entry) return null;
  if (entry.refused) {
    return (
      <span className="pending-marker is-refused">
        Refusé par le serveur : {frenchMessage(entry.refused)}
      </span>
    );
  }
  return (
    <span
      className="pending-marker"
      title="Modifié sur cet appareil, pas encore reçu par le serveur : envoi au retour du réseau."
    >
      non envoyé
    </span>
  );
}
