/**
 * The usual world of a cross-device test: a real server (random port, fresh storage) with the
 * test accounts, and the simulated devices the test spawns (each in its worker thread), all
 * closed after each test. `const world = syncWorld();` at the top of a file or a describe.
 */
import { afterEach, beforeEach } from 'vitest';
import type { AppOptions } from '../../sync-server/src/app';
import { PASSWORD, createTestAccounts } from './accounts';
import { spawnDevice, type Device } from './device';
import { startTestServer, type TestServer } from './server';
import type { BackendName } from './storages';

export interface SyncWorld {
  /** The server of the running test. */
  readonly server: TestServer;
  /** A device signed in as `login`, its clock `clockOffsetMs` away from the server's. */
  device(login: string, clockOffsetMs?: number): Device;
}

export function syncWorld(
  options: {
    backend?: BackendName;
    /** More set-up once the accounts exist (another account, documents…). */
    setUp?: (server: TestServer) => Promise<void>;
    /** Options of the server's app (a pinned clock…). */
    app?: Partial<AppOptions>;
  } = {},
): SyncWorld {
  let server: TestServer | undefined;
  const devices: Device[] = [];

  beforeEach(async () => {
    server = await startTestServer({ ...options.app, backend: options.backend });
    await createTestAccounts(server.storage);
    await options.setUp?.(server);
  });

  afterEach(async () => {
    await Promise.all(devices.splice(0).map((device) => device.close()));
    await server?.close();
    server = undefined;
  });

  const world: SyncWorld = {
    get server() {
      if (!server) throw new Error('the server runs only during a test');
      return server;
    },
    device(login, clockOffsetMs = 0) {
      const created = spawnDevice({
        serverUrl: world.server.url,
        login,
        password: PASSWORD,
        clockOffsetMs,
      });
      devices.push(created);
      return created;
    },
  };
  return world;
}
