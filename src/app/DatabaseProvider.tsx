/**
 * Opens the signed-in user's local database once with their data key (held in memory since the
 * unlock), starts replication, and shows a loading or a fatal-error state meanwhile. Screens get
 * the database from `useDatabase()`; they never wait for the network. The count of changes not
 * yet sent is copied to the keyring, so a wipe can say what it would lose.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { createRelaisDatabase, databaseNameFor, type RelaisDatabase } from '../db/database';
import { INITIAL_SYNC_STATUS } from '../stores/sync-slice';
import { useAppStore } from '../stores/store';
import { startSync } from '../sync/replication';
import type { SessionUser } from '../sync/api';
import { api } from './api';
import { DatabaseContext, type DatabaseContextValue } from './database-context';
import { unlockedSession } from './security/unlocked';
import { deviceKeyring } from './session';

// The context lives in './database-context' (no API client behind it, for component tests).
export { useDatabase, useSyncEngine } from './database-context';

/** Gives screens a database opened elsewhere, without replication (component tests). */
export function LocalDatabaseProvider({
  db,
  children,
}: {
  db: RelaisDatabase;
  children: ReactNode;
}) {
  return <DatabaseContext.Provider value={{ db }}>{children}</DatabaseContext.Provider>;
}

export function DatabaseProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  const [state, setState] = useState<{ value?: DatabaseContextValue; error?: Error }>({});
  const setSync = useAppStore((s) => s.setSync);

  useEffect(() => {
    let cancelled = false;
    let opened: DatabaseContextValue | undefined;
    let unsubscribe: (() => void) | undefined;
    (async () => {
      const unlocked = unlockedSession();
      if (!unlocked || unlocked.user.id !== user.id) throw new Error('Relais est verrouillé.');
      const db = await createRelaisDatabase({
        name: databaseNameFor(user.id, unlocked.keyId),
        dataKey: unlocked.dataKey,
        actorId: () => user.id,
        devMode: import.meta.env.DEV,
        multiInstance: true,
      });
      const sync = await startSync({ db, api });
      opened = { db, sync };
      let pending = -1;
      const subscription = sync.status$.subscribe((status) => {
        setSync(status);
        if (status.pending === pending) return;
        pending = status.pending;
        deviceKeyring().update(user.id, { pending });
      });
      unsubscribe = () => subscription.unsubscribe();
      if (cancelled) return;
      setState({ value: opened });
    })().catch((error: unknown) => {
      if (!cancelled)
        setState({ error: error instanceof Error ? error : new Error(String(error)) });
    });
    return () => {
      cancelled = true;
      unsubscribe?.();
      setSync(INITIAL_SYNC_STATUS);
      if (opened) void opened.sync?.stop().then(() => opened?.db.close());
    };
  }, [user.id, setSync]);

  if (state.error) {
    return (
      <div className="screen-message" role="alert">
        <h1>Relais ne peut pas ouvrir les données de cet appareil</h1>
        <p>
          Rechargez la page. Si le problème continue, contactez l&apos;administrateur en indiquant :{' '}
          {state.error.message}
        </p>
      </div>
    );
  }
  if (!state.value) {
    return (
      <div className="screen-message" role="status" aria-live="polite">
        Ouverture des dossiers de cet appareil…
      </div>
    );
  }
  return <DatabaseContext.Provider value={state.value}>{children}</DatabaseContext.Provider>;
}
