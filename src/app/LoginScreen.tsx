/**
 * Login, and unlock of the data kept on this device: the same form. Online, the server checks
 * the password; without network, the device opens its own encrypted data with it (README,
 * Security). French messages from the error codes; what was typed stays in the form.
 */
import { useEffect, useState } from 'react';
import { frenchMessage, RelaisError } from '../domain/errors';
import { useAppStore } from '../stores/store';
import { api } from './api';
import { PasswordCard } from './PasswordCard';
import { deviceKeyring, logIn } from './session';

/** True when the server says its data is the demo's (fictional people, published passwords). */
function useDemoServer(): boolean {
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    let live = true;
    api.health().then(
      (health) => live && setDemo(health.demo === true),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return demo;
}

export function LoginScreen() {
  const demo = useDemoServer();
  const [login, setLogin] = useState(() => deviceKeyring().lastEntry()?.login ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const farewell = useAppStore((s) => s.farewell);
  const knownHere = deviceKeyring().entries().length > 0;

  async function submit() {
    if (!login.trim() || !password) {
      setError('Saisissez votre identifiant et votre mot de passe.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await logIn(login.trim(), password);
    } catch (caught) {
      setError(
        caught instanceof RelaisError
          ? caught.message || frenchMessage(caught.code)
          : 'Connexion impossible.',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <PasswordCard
      title="Relais"
      onSubmit={() => void submit()}
      error={error}
      errorId="login-error"
      busy={busy}
      submitLabel="Se connecter"
      busyLabel="Ouverture…"
      footer={
        knownHere && (
          <p className="muted login-hint">
            Sans réseau, Relais ouvre les dossiers chiffrés sur cet appareil avec le mot de passe de
            votre dernière connexion.
          </p>
        )
      }
    >
      <p className="login-subtitle">Mission Locale Jeunes du Pays d&apos;Alençon</p>
      {demo && (
        <p className="login-demo" role="note">
          <strong>Données de démonstration</strong> : personnes fictives, mots de passe publiés.
          N&apos;y saisissez aucune donnée réelle.
        </p>
      )}
      {farewell && (
        <p className="login-farewell" role="status">
          {farewell}
        </p>
      )}
      <label htmlFor="login">Identifiant</label>
      <input
        id="login"
        name="login"
        autoComplete="username"
        value={login}
        onChange={(e) => setLogin(e.target.value)}
      />
      <label htmlFor="password">Mot de passe</label>
      <input
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
    </PasswordCard>
  );
}
