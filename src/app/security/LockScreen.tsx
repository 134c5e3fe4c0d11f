/**
 * Relais locked: only the user's name and a password field. What was being typed waits, out of
 * the document (Detached.tsx), until the password is given again.
 */
import { useState, type FormEvent } from 'react';
import { RelaisError } from '../../domain/errors';
import { useAppStore } from '../../stores/store';
import { unlock } from '../session';
import { LogoutDialog } from './LogoutDialog';

export function LockScreen() {
  const user = useAppStore((s) => s.user);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [leaving, setLeaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
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
    <main className="login">
      <form
        className="login-card"
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-describedby={error ? 'unlock-error' : undefined}
      >
        <h1>
          <img src="/favicon.svg" alt="" width="40" height="40" /> Relais est verrouillé
        </h1>
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
        {error && (
          <p id="unlock-error" className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Vérification…' : 'Déverrouiller'}
        </button>
        <button type="button" className="button-link" onClick={() => setLeaving(true)}>
          Se déconnecter
        </button>
      </form>
      {leaving && <LogoutDialog allowWipe={false} onClose={() => setLeaving(false)} />}
    </main>
  );
}
