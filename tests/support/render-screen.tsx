/**
 * Component tests of the screens against a real device database (RxDB on fake-indexeddb) and
 * the real pending tracker, without a server: the screens only ever read and write the local
 * database. The app's routes are rendered at `path` (with its query) in a memory router, with a
 * pinned clock and the signed-in user in the store; `renderScreen` resolves once the screen's
 * code has loaded (screens may load on first use). `afterEach(cleanupScreen)` removes it.
 */
import { cleanup, render, waitFor, type RenderResult } from '@testing-library/react';
import { Suspense } from 'react';
import { BehaviorSubject } from 'rxjs';
import { Route, Router, Switch } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { ClockContext } from '../../src/app/clock-context';
import { DatabaseContext } from '../../src/app/database-context';
import { ROUTES } from '../../src/app/routes';
import { DEFAULT_DEVICE_POLICY } from '../../src/domain/device-policy';
import type { RelaisDatabase } from '../../src/db/database';
import type { Role } from '../../src/domain/schemas/staff';
import { fixedClock, type Clock } from '../../src/domain/time';
import { INITIAL_SYNC_STATUS } from '../../src/stores/sync-slice';
import { useAppStore } from '../../src/stores/store';
import type { SessionUser } from '../../src/sync/api';
import { PendingTracker } from '../../src/sync/pending';
import type { SyncEngine } from '../../src/sync/replication';
import { SITE_SEES, SITE_SIEGE } from './builders';
import { openTestDatabase } from './database';

export { openTestDatabase, seed } from './database';

/** Thursday 26 November 2026, 10:00 local time. */
export const TEST_NOW = '2026-11-26T10:00:00';

export function testUser(overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: '0190b000-0000-7000-a000-00000000a001',
    login: 'conseiller.sees',
    name: 'Camille Sées',
    role: 'conseiller' as Role,
    siteIds: [SITE_SEES],
    ...overrides,
  };
}

export interface ScreenHarness extends RenderResult {
  db: RelaisDatabase;
  pending: PendingTracker;
  clock: Clock;
  /** Paths visited, the current one last. */
  history: string[];
}

let current: ScreenHarness | undefined;

const LOADING = 'Chargement de l’écran (test)';

export async function renderScreen(
  path: string,
  options: { user?: SessionUser; now?: string; seed?: (db: RelaisDatabase) => Promise<void> } = {},
): Promise<ScreenHarness> {
  const user = options.user ?? testUser();
  const clock = fixedClock(options.now ?? TEST_NOW);
  const db = await openTestDatabase(user.id, clock);
  await options.seed?.(db);
  const pending = await PendingTracker.attach(db);
  const sync: SyncEngine = {
    status$: new BehaviorSubject(INITIAL_SYNC_STATUS),
    pending,
    syncNow: () => undefined,
    reconnect: () => undefined,
    awaitInSync: async () => undefined,
    stop: async () => undefined,
  };
  useAppStore.getState().signIn(user, DEFAULT_DEVICE_POLICY, false);
  useAppStore.getState().resetCaseloadFilters();
  // Scopes chosen by an earlier test are forgotten; what it saved in localStorage is not.
  useAppStore.setState({ dossierScopes: {} });
  const location = memoryLocation({ path, record: true });
  const result = render(
    <ClockContext.Provider value={clock}>
      <DatabaseContext.Provider value={{ db, sync }}>
        <Router hook={location.hook} searchHook={location.searchHook}>
          <Suspense fallback={<p>{LOADING}</p>}>
            <Switch>
              {ROUTES.map((route) => (
                <Route key={route.path} path={route.path} component={route.component} />
              ))}
            </Switch>
          </Suspense>
        </Router>
      </DatabaseContext.Provider>
    </ClockContext.Provider>,
  );
  current = { ...result, db, pending, clock, history: location.history };
  await waitFor(() => {
    if (result.queryByText(LOADING)) throw new Error('the screen is still loading');
  });
  return current;
}

/** Unmounts the screen, lets the pending tracker finish, and removes its database. */
export async function cleanupScreen(): Promise<void> {
  cleanup();
  const screen = current;
  current = undefined;
  if (!screen) return;
  await screen.pending.flush();
  await screen.db.remove();
}

/** The sites and advisers a device holds (the directories the server writes). */
export async function seedDirectory(db: RelaisDatabase): Promise<void> {
  const stamp = { rev: 'seed', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'server' };
  await db.sites.bulkInsert([
    {
      ...stamp,
      id: SITE_SEES,
      name: 'Permanence de Sées',
      kind: 'permanence-rurale',
      schedule: [],
    },
    { ...stamp, id: SITE_SIEGE, name: 'Siège — Alençon', kind: 'siege', schedule: [] },
  ]);
  await db.staff.bulkInsert([
    {
      ...stamp,
      id: testUser().id,
      name: 'Camille Sées',
      role: 'conseiller',
      siteIds: [SITE_SEES],
      active: true,
    },
    {
      ...stamp,
      id: OTHER_ADVISER,
      name: 'Lucas Morel',
      role: 'conseiller',
      siteIds: [SITE_SEES],
      active: true,
    },
    {
      ...stamp,
      id: ACCUEIL_ID,
      name: 'Sophie Accueil',
      role: 'accueil',
      siteIds: [SITE_SIEGE],
      active: true,
    },
  ]);
}

export const OTHER_ADVISER = '0190b000-0000-7000-a000-00000000a002';
export const ACCUEIL_ID = '0190b000-0000-7000-a000-00000000a0ac';
