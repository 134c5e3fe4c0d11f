/**
 * Relais locked: only the user's name and a password field. What was being typed waits, out of
 * the document (Detached.tsx), until the password is given again.
 */
import { useState } from 'react';
import { RelaisError } from '../../domain/errors';
import { useAppStore } from '../../stores/store';
import { PasswordCard } from '../PasswordCard';
import { unlock } from '../session';
import { LogoutDialog } from './LogoutDialog';

export function LockScreen() {
  const user = useAppStore((s) => s.user);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [leaving, setLeaving] = useState(false);

  async function submit() {
    if (!password) {
      setError('Saisissez votre mot de passe.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await unlock(password);
    } catch (caught) {
      setError(caught instanceof RelaisError ? caught.message : 'Déverrouillage impossible.');
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <PasswordCard
      title="Relais est verrouillé"
      onSubmit={() => void submit()}
      error={error}
      errorId="unlock-error"
      busy={busy}
      submitLabel="Déverrouiller"
      busyLabel="Vérification…"
      footer={
        <button type="button" className="button-link" onClick={() => setLeaving(true)}>
          Se déconnecter
        </button>
      }
      beside={leaving && <LogoutDialog allowWipe={false} onClose={() => setLeaving(false)} />}
    >
      <p className="login-subtitle">
        {user?.name} : saisissez votre mot de passe pour reprendre là où vous en étiez.
      </p>
      <label htmlFor="unlock-password">Mot de passe</label>
      <input
        id="unlock-password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
    </PasswordCard>
  );
}
