import { defineConfig } from 'vitest/config';

/**
 * Three projects, one per kind of suite: `unit` beside the code (fast, fake-indexeddb and jsdom),
 * `integration` in tests/integration, tests/property and tests/faults (real server, real
 * SQLite/PostgreSQL, devices in worker threads, a faulty network, crashes, hostile input),
 * `e2e` in tests/e2e (real Chromium through playwright-core).
 */
export default defineConfig({
  test: {
    // Unit files run two at a time; then the integration files, then the e2e files, one at a
    // time each: their servers, devices, crashes and Chromium keep both cores busy on their own.
    maxWorkers: 2,
    projects: [
      {
        // The PWA's build-time constant (vite.config.ts), for screens in component tests.
        define: { __APP_VERSION__: JSON.stringify('test') },
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'sync-server/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup/unit.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: [
            'tests/integration/**/*.test.ts',
            'tests/property/**/*.test.ts',
            'tests/faults/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          pool: 'forks',
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/e2e-build.ts'],
          sequence: { groupOrder: 2 },
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
