/**
 * Leaving Relais (README, Security). « Se déconnecter » keeps the encrypted data for a fast
 * return; « Se déconnecter et effacer cet appareil » erases every database, key and cache of
 * Relais. Both first send what waits; what could not be sent is never dropped silently: a plain
 * logout keeps it (it leaves at the next login), a wipe says how many changes it would lose and
 * asks first.
 */
import { useEffect, useRef, useState } from 'react';
import { counted } from '../../domain/plural';
import { useAppStore } from '../../stores/store';
import { useDatabase, useOptionalSyncEngine } from '../database-context';
import { deviceKeyring, logOut } from '../session';
import { sessionChannel } from './session-channel';
import { wipeDevice } from './wipe';

/** How long a logout waits for the waiting changes to reach the server. */
const SEND_TIMEOUT_MS = 10_000;

type Step = 'choose' | 'sending' | 'confirm-wipe' | 'wiping';

export function LogoutDialog({
  onClose,
  allowWipe = true,
}: {
  onClose: () => void;
  allowWipe?: boolean;
}) {
  const db = useDatabase();
  const sync = useOptionalSyncEngine();
  const user = useAppStore((s) => s.user);
  const pending = useAppStore((s) => s.sync.pending);
  const [step, setStep] = useState<Step>('choose');
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.querySelector<HTMLElement>('button')?.focus(), [step]);

  const othersPending = deviceKeyring()
    .entries()
    .filter((entry) => entry.userId !== user?.id)
    .reduce((sum, entry) => sum + entry.pending, 0);

  /** Sends what waits, for a while; resolves with what still waits. */
  async function sendFirst(): Promise<number> {
    if (!sync || sync.status$.value.pending === 0) return 0;
    setStep('sending');
    const timeout = new Promise((resolve) => setTimeout(resolve, SEND_TIMEOUT_MS));
    await Promise.race([sync.awaitInSync(), timeout]);
    return sync.status$.value.pending;
  }

  async function leave() {
    const left = await sendFirst();
    await logOut(
      left > 0
        ? `${counted(left, 'modification non envoyée reste chiffrée', 'modifications non envoyées restent chiffrées')} sur cet appareil : envoi à votre prochaine connexion.`
        : undefined,
    );
  }

  async function leaveAndWipe(confirmed: boolean) {
    const left = await sendFirst();
    if (!confirmed && left + othersPending > 0) {
      setStep('confirm-wipe');
      return;
    }
    setStep('wiping');
    await sync?.stop();
    await db.remove();
    await wipeDevice(deviceKeyring());
    sessionChannel.post({ type: 'wiped' });
    await logOut('Relais a été effacé de cet appareil.');
  }

  const lost = pending + othersPending;
  return (
    <div className="dialog-backdrop">
      <div
        ref={dialog}
        className="dialog card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="logout-title"
      >
        <h2 id="logout-title">Se déconnecter</h2>
        {step === 'choose' && (
          <>
            <p>
              {pending > 0
                ? `En attente d’envoi : ${counted(pending, 'modification')}. Relais l’envoie d’abord si le réseau le permet.`
                : 'Tout a été envoyé au serveur.'}
            </p>
            <div className="dialog-actions">
              <button type="button" className="button-primary" onClick={() => void leave()}>
                Se déconnecter
              </button>
              {allowWipe && (
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => void leaveAndWipe(false)}
                >
                  Se déconnecter et effacer cet appareil
                </button>
              )}
              <button type="button" className="button-link" onClick={onClose}>
                Annuler
              </button>
            </div>
          </>
        )}
        {step === 'sending' && <p role="status">Envoi des modifications en attente…</p>}
        {step === 'wiping' && <p role="status">Effacement de Relais sur cet appareil…</p>}
        {step === 'confirm-wipe' && (
          <>
            <p role="alert">
              Non envoyées, perdues si vous effacez : {counted(lost, 'modification')}
              {othersPending > 0 &&
                ` (dont ${othersPending} d’autres utilisateurs de cet appareil)`}
              .
            </p>
            <div className="dialog-actions">
              <button
                type="button"
                className="button-danger"
                onClick={() => void leaveAndWipe(true)}
              >
                Effacer quand même
              </button>
              <button type="button" className="button-link" onClick={onClose}>
                Annuler
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
