/**
 * `npm run fuzz -- --count 100000 [--seed n]`: the hostile-input run of tests/faults for as
 * many cases as asked, with its figures; exits 1 on any failure (a 5xx, an answer that is not
 * the envelope, an invalid row stored, a change no valid write explains).
 */
import { parseArgs } from 'node:util';
import { runHostile } from './support/hostile-run';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '100000' }, seed: { type: 'string' } },
});
const count = Number(values.count);
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
if (!Number.isInteger(count) || count <= 0 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- --count <cases> [--seed <integer>]');
  process.exit(2);
}
console.log(`fuzz: ${count} hostile requests, seed ${seed} (replay with --seed ${seed})`);
const report = await runHostile({
  seed,
  count,
  onProgress: (done) => {
    if (done % 10_000 === 0) console.log(`  ${done} cases`);
  },
});
const failures = [
  ['answers 5xx', report.fiveXX],
  ['error answers without the envelope', report.notEnvelope],
  ['connections reset under the body limit', report.unexpectedResets],
  ['invalid rows stored', report.invalidRows],
  ['changes no valid write explains', report.unexplainedChanges],
] as const;
console.log(`statuses: ${JSON.stringify(report.statuses)}`);
console.log(`categories: ${JSON.stringify(report.byCategory)}`);
console.log(
  `valid writes ${report.validWrites}, unsendable ${report.unsendable}, resets ${report.resets}, ` +
    `accounts changed: ${report.accountsChanged}, ${Math.round(report.durationMs / 1000)} s`,
);
let failed = report.accountsChanged;
for (const [what, list] of failures) {
  console.log(`${what}: ${list.length}`);
  for (const item of list.slice(0, 5)) console.log(`  ${JSON.stringify(item)}`);
  if (list.length > 0) failed = true;
}
process.exit(failed ? 1 : 0);
