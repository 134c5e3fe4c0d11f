/**
 * The frame of every screen: header with the user, the sync status, « Verrouiller » and logout,
 * the update prompt when a new version waits; watches the device's storage and keeps the server
 * session while someone is signed in.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { ROLE_LABELS } from '../domain/schemas/staff';
import { useAppStore } from '../stores/store';
import { FirstDownloadBar } from '../ui/FirstDownloadBar';
import { SyncIndicator } from '../ui/SyncIndicator';
import { useOptionalSyncEngine } from './database-context';
import { UpdatePrompt } from './pwa/UpdatePrompt';
import { watchDeviceStorage } from './pwa/storage';
import { routesFor } from './routes';
import { LogoutDialog } from './security/LogoutDialog';
import { useSessionKeeper } from './security/useSessionKeeper';
import { lock } from './session';

export function Layout({ children }: { children: ReactNode }) {
  const user = useAppStore((s) => s.user);
  const offlineSession = useAppStore((s) => s.offlineSession);
  const [location] = useLocation();
  const navigation = user ? routesFor(user.role).filter((route) => route.navLabel) : [];
  const [leaving, setLeaving] = useState(false);
  const sync = useOptionalSyncEngine();
  useEffect(() => watchDeviceStorage(), []);
  useSessionKeeper(
    offlineSession,
    useCallback(() => sync?.reconnect(), [sync]),
  );
  return (
    <div className="layout">
      <header className="app-header">
        <a className="brand" href="/">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          Relais
        </a>
        <SyncIndicator />
        {user && (
          <div className="user">
            <span>
              {user.name} <span className="muted user-role">· {ROLE_LABELS[user.role]}</span>
              {offlineSession && <span className="muted"> · session hors ligne</span>}
            </span>
            <button type="button" className="button-link" onClick={lock}>
              Verrouiller
            </button>
            <button type="button" className="button-link" onClick={() => setLeaving(true)}>
              Se déconnecter
            </button>
          </div>
        )}
      </header>
      <FirstDownloadBar />
      <UpdatePrompt />
      {navigation.length > 1 && (
        <nav className="app-nav" aria-label="Navigation principale">
          {navigation.map((route) => (
            <Link
              key={route.path}
              href={route.path}
              aria-current={location === route.path ? 'page' : undefined}
            >
              {route.navLabel}
            </Link>
          ))}
        </nav>
      )}
      <main className="app-main">{children}</main>
      {leaving && <LogoutDialog onClose={() => setLeaving(false)} />}
    </div>
  );
}
