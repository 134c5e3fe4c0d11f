/**
 * The device learnt that the siège revoked it, or that the account was disabled: it sends what
 * it had not sent (kept in reviews at the siège), erases the data and says so. Offline, it waits
 * for the network, or erases without sending once the user confirms how much would be lost.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { counted } from '../../domain/plural';
import type { AccessLoss } from '../../stores/session-slice';
import { useAppStore } from '../../stores/store';
import { deviceId } from '../../sync/device';
import { api } from '../api';
import { useDatabase, useSyncEngine } from '../database-context';
import { deviceKeyring, logOut } from '../session';
import { eraseAfterLoss, handOver } from './hand-over';
import { sessionChannel } from './session-channel';
import { unlockedSession } from './unlocked';

const TITLES: Record<AccessLoss, string> = {
  DEVICE_REVOKED: 'Cet appareil a été retiré par le siège',
  ACCOUNT_DISABLED: 'Ce compte a été désactivé',
};

type Step = 'sending' | 'unreachable' | 'erasing';

export function AccessLostScreen({ reason }: { reason: AccessLoss }) {
  const db = useDatabase();
  const sync = useSyncEngine();
  const pending = useAppStore((s) => s.sync.pending);
  const [step, setStep] = useState<Step>('sending');

  const erase = useCallback(
    async (sent: number | null) => {
      setStep('erasing');
      const userId = unlockedSession()!.user.id;
      await eraseAfterLoss({ db, keyring: deviceKeyring() }, userId, reason);
      sessionChannel.post({ type: 'wiped' });
      const kept =
        sent === null
          ? ''
          : sent > 0
            ? ` ${counted(sent, 'modification non envoyée a été transmise', 'modifications non envoyées ont été transmises')} au siège pour vérification.`
            : '';
      await logOut(`${TITLES[reason]}. Ses données ont été effacées de cet appareil.${kept}`);
    },
    [db, reason],
  );

  const send = useCallback(async () => {
    setStep('sending');
    if (reason === 'DEVICE_REVOKED') deviceKeyring().markDeviceRevoked();
    try {
      const answer = await handOver(
        { db, sync, api, keyring: deviceKeyring(), deviceId: deviceId() },
        unlockedSession()!,
      );
      await erase(answer.kept + answer.unchanged);
    } catch {
      setStep('unreachable');
    }
  }, [db, sync, reason, erase]);

  // Once per screen (React's development mode runs effects twice).
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void send();
  }, [send]);

  return (
    <main className="login">
      <section className="login-card" aria-labelledby="access-lost-title">
        <h1 id="access-lost-title">{TITLES[reason]}</h1>
        {step === 'sending' && (
          <p role="status">Envoi au siège de ce qui n’a pas encore été transmis…</p>
        )}
        {step === 'erasing' && <p role="status">Effacement des données de cet appareil…</p>}
        {step === 'unreachable' && (
          <>
            <p role="alert">
              Le siège est injoignable : {counted(pending, 'modification')} en attente d’envoi.
              Reconnectez l’appareil au réseau pour les transmettre avant l’effacement.
            </p>
            <button type="button" className="button-primary" onClick={() => void send()}>
              Réessayer
            </button>
            <button type="button" className="button-danger" onClick={() => void erase(null)}>
              Effacer sans transmettre (
              {counted(pending, 'modification perdue', 'modifications perdues')})
            </button>
          </>
        )}
      </section>
    </main>
  );
}
