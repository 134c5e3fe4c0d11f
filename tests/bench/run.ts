/**
 * `npm run bench`: the figures of design.md (Targets), each with its ratio to the baseline
 * measured in the same run (or to its target when it has no baseline). Absolute times vary from
 * machine to machine; the ratios are the figures that count.
 */
import { benchLiveEdit } from './browser-bench';
import { benchEmargement } from './emargement-bench';
import { benchBundleSize } from './bundle-size';
import { SIEGE_SCALE, SITE_SCALE } from './datasets';
import { benchCaseloadSearchRow } from './caseload-search';
import { benchFirstSync } from './first-sync-bench';
import { benchInitialSyncNode } from './initial-sync-node';
import { benchOfflineStart } from './offline-start';
import { benchPeer } from './peer-bench';
import { benchPullCompression } from './pull-compression';
import { benchServerThroughput } from './server-throughput';
import { benchSlowLink } from './slow-link-bench';
import { benchStatisticsDevice, benchStatisticsServer } from './statistics-bench';
import type { BenchRow } from './stats';

type Bench = { name: string; run: () => Promise<BenchRow | BenchRow[]> };

const BENCHES: Bench[] = [
  { name: 'first sync, site scale (Chromium)', run: () => benchFirstSync(SITE_SCALE) },
  { name: 'first sync, siège scale (Chromium)', run: () => benchFirstSync(SIEGE_SCALE) },
  { name: 'first sync over a slow link (Chromium)', run: () => benchSlowLink(SITE_SCALE) },
  { name: 'peer: PouchDB replicate.from (Chromium)', run: () => benchPeer(SITE_SCALE) },
  { name: 'initial sync (Node)', run: benchInitialSyncNode },
  { name: 'live edit (Chromium)', run: benchLiveEdit },
  { name: 'émargement seen on another device (Chromium)', run: benchEmargement },
  { name: 'server throughput', run: benchServerThroughput },
  { name: 'pull compression (server CPU)', run: benchPullCompression },
  { name: 'offline start and unlock (Chromium)', run: benchOfflineStart },
  { name: 'bundle size', run: benchBundleSize },
  { name: 'caseload search (Chromium)', run: benchCaseloadSearchRow },
  { name: 'statistics of a year, siège scale (server)', run: benchStatisticsServer },
  { name: 'statistics of a year, adviser on the device (Chromium)', run: benchStatisticsDevice },
];

function printTable(rows: BenchRow[]): void {
  const headers = ['what', 'measured', 'target', 'ratio', 'verdict'] as const;
  const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => r[h].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line([...headers]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(headers.map((h) => row[h])));
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const rows: BenchRow[] = [];
  for (const bench of BENCHES) {
    if (only && !bench.name.includes(only)) continue;
    process.stderr.write(`bench: ${bench.name}…\n`);
    try {
      const result = await bench.run();
      rows.push(...(Array.isArray(result) ? result : [result]));
    } catch (error) {
      rows.push({
        what: bench.name,
        measured: `failed: ${error instanceof Error ? error.message : String(error)}`,
        target: '',
        ratio: '',
        verdict: 'MISSED',
      });
    }
  }
  printTable(rows);
  process.exit(0);
}

void main();
