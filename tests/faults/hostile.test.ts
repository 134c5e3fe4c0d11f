/**
 * 1,000 seeded hostile requests against the real server (support/hostile.ts, run by
 * support/hostile-run.ts): no 5xx, every error the envelope, no invalid row stored, and the
 * database unchanged apart from valid writes. Longer runs: `npm run fuzz -- --count 100000`.
 * `RELAIS_SEED=n` replays a run.
 */
import { expect, it } from 'vitest';
import { runHostile } from './support/hostile-run';
import { seedFromEnv } from './support/random';

const SEED = seedFromEnv('faults/hostile');
const CASES = 1_000;

it(`answers ${CASES} hostile requests without a 5xx, and stores nothing but valid writes`, async () => {
  const report = await runHostile({ seed: SEED, count: CASES });
  console.log(
    `faults/hostile: seed ${SEED}, ${report.cases} cases, statuses ${JSON.stringify(report.statuses)}, ` +
      `${report.validWrites} valid writes, ${report.unsendable} unsendable, ${report.resets} resets, ` +
      `categories ${JSON.stringify(report.byCategory)}`,
  );
  expect(report.fiveXX).toEqual([]);
  expect(report.notEnvelope).toEqual([]);
  expect(report.unexpectedResets).toEqual([]);
  expect(report.invalidRows).toEqual([]);
  expect(report.unexplainedChanges).toEqual([]);
  expect(report.accountsChanged).toBe(false);
});
