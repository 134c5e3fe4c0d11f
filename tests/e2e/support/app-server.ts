/**
 * The real app for end-to-end tests: the PWA built by Vite into a temporary folder, served by the
 * real sync server with the demo Mission Locale seeded in a temporary SQLite file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../../src/domain/time';
import { seedDemo } from '../../../sync-server/src/demo/seed';
import { testPasswordHash } from '../../support/accounts';
import { startTestServer, type TestServer } from '../../support/server';
import { DEMO_PASSWORD } from '../../../sync-server/src/demo/organisation';

export function buildPwa(env: Record<string, string> = {}): string {
  const outDir = mkdtempSync(join(tmpdir(), 'relais-dist-'));
  execFileSync(
    'npx',
    ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
      // Vitest sets NODE_ENV=test, which would make Vite build a development bundle.
      env: { ...process.env, NODE_ENV: 'production', ...env },
    },
  );
  return outDir;
}

export interface AppServer extends TestServer {
  staticDir: string;
}

export async function startAppServer(
  /** `youths: 'full'` seeds the whole demo (about 2,000 dossiers, two years of activity). */
  options: { staticDir?: string; youths?: number | 'full' } = {},
): Promise<AppServer> {
  // The run's shared build (tests/setup/e2e-build.ts), or one of its own outside Vitest.
  const shared = options.staticDir ?? process.env.RELAIS_E2E_BUILD;
  const staticDir = shared ?? buildPwa();
  const server = await startTestServer({ staticDir });
  const youths = options.youths ?? 300;
  await seedDemo(server.storage, systemClock, {
    ...(youths === 'full' ? {} : { youths, events: youths * 10 }),
    // 25 demo accounts share the demo password: hashed once per test process, not 25 times.
    passwordHash: await testPasswordHash(DEMO_PASSWORD),
  });
  // The same object (not a copy), so `storage` stays right after a restart.
  const closeServer = server.close.bind(server);
  return Object.assign(server, {
    staticDir,
    async close() {
      await closeServer();
      if (!shared) rmSync(staticDir, { recursive: true, force: true });
    },
  });
}
