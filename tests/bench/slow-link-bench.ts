/**
 * The first sync over a rural 4G link (issue 19, item 4): everything the page fetches crosses a
 * loopback proxy shaped to 40 ms of added round trip and 20 Mbit/s (shaped-link.ts). The
 * baseline fetches the static JSON chunks uncompressed, as a plain file server sends them; the
 * device pulls compressed pages. Compression must make Relais faster than raw JSON there.
 */
import type { Scale } from './datasets';
import { measureBoth, withFirstSyncPage } from './first-sync-bench';
import { BENCH_ADVISER } from './first-sync-data';
import { RURAL_4G } from './shaped-link';
import type { BenchRow } from './stats';

const SLOW_LINK_TARGET = 1;

export async function benchSlowLink(scale: Scale): Promise<BenchRow> {
  return withFirstSyncPage(
    scale,
    async (page, manifest) => {
      const { baseline, sync } = await measureBoth(page, manifest);
      const ratio = sync.ms / baseline.ms;
      const mbit = RURAL_4G.bitsPerSecond / 1e6;
      return {
        what: `first sync over ${2 * RURAL_4G.oneWayLatencyMs} ms RTT + ${mbit} Mbit/s, ${scale.name} scale, ${BENCH_ADVISER} (${manifest.total} docs, ${(manifest.bytes / 1e6).toFixed(1)} MB of JSON), Chromium`,
        measured: `${(sync.ms / 1000).toFixed(2)} s (uncompressed baseline ${(baseline.ms / 1000).toFixed(2)} s)`,
        target: `≤ ${SLOW_LINK_TARGET}× static JSON chunks + Dexie bulkPut, same link`,
        ratio: `${ratio.toFixed(2)}× baseline`,
        verdict: ratio <= SLOW_LINK_TARGET ? 'ok' : 'MISSED',
      };
    },
    RURAL_4G,
  );
}
