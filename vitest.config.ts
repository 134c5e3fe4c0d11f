import { defineConfig } from 'vitest/config';

/**
 * Three projects, one per kind of suite: `unit` beside the code (fast, fake-indexeddb and jsdom),
 * `integration` in tests/integration, tests/property and tests/faults (real server, real
 * SQLite/PostgreSQL, devices in worker threads, a faulty network, crashes, hostile input),
 * `e2e` in tests/e2e (real Chromium through playwright-core).
 */
/**
 * The files that need the machine to themselves: a `kill -9` in the middle of writes, a faulty
 * network with deadlines, the real server and admin processes started from the command line,
 * and the property suite's thousand runs. Beside another file they failed under load.
 */
const SERIAL_INTEGRATION = [
  'tests/faults/**/*.test.ts',
  'tests/property/**/*.test.ts',
  'tests/integration/cli.test.ts',
];

/** Real servers, devices in worker threads, crashes: room for slow steps on a busy machine. */
const INTEGRATION = {
  environment: 'node',
  testTimeout: 120_000,
  hookTimeout: 60_000,
  pool: 'forks',
} as const;

export default defineConfig({
  test: {
    // Unit files run two at a time, then the integration files two at a time, then those that
    // need the machine alone (SERIAL_INTEGRATION), then the e2e files one at a time: their
    // servers and Chromium keep both cores busy on their own.
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
          include: ['tests/integration/**/*.test.ts'],
          exclude: SERIAL_INTEGRATION,
          ...INTEGRATION,
          // Two files at a time: most wait on HTTP, replication and timers more than on a core.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'integration-serial',
          include: SERIAL_INTEGRATION,
          ...INTEGRATION,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/e2e-build.ts'],
          sequence: { groupOrder: 3 },
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
