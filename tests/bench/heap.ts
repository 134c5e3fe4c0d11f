/**
 * The peak JavaScript heap of a tab while it works, sampled through the DevTools protocol
 * (`Runtime.getHeapUsage`: no forced garbage collection, unlike a heap snapshot, and precise,
 * unlike `performance.memory` which Chromium rounds unless started with a flag).
 */
import type { Page } from 'playwright-core';
import type { Scale } from './datasets';
import type { BenchRow } from './stats';

const SAMPLE_MS = 250;
/**
 * The peak a first sync may reach (README, Speed): a low-end Android tablet gives a tab about
 * 512 MB of JavaScript heap before it is killed, and the screens and the browser need room too.
 */
export const HEAP_TARGET_MB = 256;

export interface HeapSampler {
  /** Stops sampling; the peak used heap in bytes. */
  stop(): Promise<number>;
  row(scale: Scale, peakBytes: number): BenchRow;
}

export async function sampleHeap(page: Page): Promise<HeapSampler> {
  const cdp = await page.context().newCDPSession(page);
  const usage = async () =>
    ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  const before = await usage();
  let peak = before;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      peak = Math.max(peak, await usage());
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      await cdp.detach();
      return peak;
    },
    row(scale, peakBytes) {
      const mb = peakBytes / 2 ** 20;
      return {
        what: `peak JS heap of the tab during the first sync, ${scale.name} scale (CDP, every ${SAMPLE_MS} ms)`,
        measured: `${mb.toFixed(0)} MB (${(before / 2 ** 20).toFixed(0)} MB before)`,
        target: `≤ ${HEAP_TARGET_MB} MB`,
        ratio: `${(mb / HEAP_TARGET_MB).toFixed(2)}× target`,
        verdict: mb <= HEAP_TARGET_MB ? 'ok' : 'MISSED',
      };
    },
  };
}
