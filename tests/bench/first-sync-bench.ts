/**
 * The first-sync rows of issue 19, measured side by side in one page of headless Chromium
 * against the real server over loopback: the honest baseline (first-sync-data.ts chunks, written
 * by browser/first-sync.ts) and the adviser's device really syncing every collection with
 * encryption at rest, plus the peak JavaScript heap of the tab during that sync.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../sync-server/src/demo/organisation';
import { openBrowser } from '../e2e/support/browser';
import { startTestServer } from '../support/server';
import { buildBenchPage } from './browser-bench';
import type { Scale } from './datasets';
import { BENCH_ADVISER, seedDemoScale, writeChunksOf, type ChunkManifest } from './first-sync-data';
import { sampleHeap, type HeapSampler } from './heap';
import { startShapedLink, type LinkShape } from './shaped-link';
import type { BenchRow } from './stats';

export const FIRST_SYNC_TARGET = 2;

type Timed = { ms: number; documents: number };
type FirstSyncWindow = {
  relaisBench: {
    baselineChunks(): Promise<Timed>;
    openDevice(login: string, password: string): Promise<void>;
    firstSyncEvery(): Promise<Timed>;
  };
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * Runs `work` with the demo seeded at `scale`, the adviser's chunks written, and a page open —
 * through a shaped link if `link` is given (everything the page fetches crosses it).
 */
export async function withFirstSyncPage<T>(
  scale: Scale,
  work: (page: Page, manifest: ChunkManifest, pageDir: string) => Promise<T>,
  link?: LinkShape,
): Promise<T> {
  const pageDir = buildBenchPage();
  const server = await startTestServer();
  try {
    await seedDemoScale(server.storage, scale);
    const manifest = await writeChunksOf(server.url, BENCH_ADVISER, pageDir);
    // The static files are listed when the server starts: restart it on the same storage.
    await server.restart({ staticDir: pageDir });
    const shaped = link ? await startShapedLink(server.url, link) : undefined;
    const browser = await openBrowser();
    try {
      await browser.page.goto(shaped?.url ?? server.url);
      await browser.page.waitForFunction(() => document.title === 'ready');
      return await work(browser.page, manifest, pageDir);
    } finally {
      await browser.close();
      await shaped?.close();
    }
  } finally {
    await server.close();
    rmSync(pageDir, { recursive: true, force: true });
  }
}

/** The baseline, then the device's first sync, in the page; both checked complete. */
export async function measureBoth(
  page: Page,
  manifest: ChunkManifest,
  during?: () => Promise<() => Promise<number>>,
): Promise<{ baseline: Timed; sync: Timed; measuredDuring?: number }> {
  const baseline = await page.evaluate(() =>
    (window as never as FirstSyncWindow).relaisBench.baselineChunks(),
  );
  if (baseline.documents !== manifest.total) {
    throw new Error(`baseline wrote ${baseline.documents} of ${manifest.total}`);
  }
  await page.evaluate(
    ([login, password]) =>
      (window as never as FirstSyncWindow).relaisBench.openDevice(login!, password!),
    [BENCH_ADVISER, DEMO_PASSWORD],
  );
  const stop = await during?.();
  const sync = await page.evaluate(() =>
    (window as never as FirstSyncWindow).relaisBench.firstSyncEvery(),
  );
  const measuredDuring = await stop?.();
  if (sync.documents !== manifest.total) {
    throw new Error(`synced ${sync.documents} of ${manifest.total}`);
  }
  return { baseline, sync, measuredDuring };
}

export async function benchFirstSync(scale: Scale): Promise<BenchRow[]> {
  return withFirstSyncPage(scale, async (page, manifest) => {
    let heap: HeapSampler | undefined;
    const { baseline, sync, measuredDuring } = await measureBoth(page, manifest, async () => {
      heap = await sampleHeap(page);
      return () => heap!.stop();
    });
    const ratio = sync.ms / baseline.ms;
    const mb = (manifest.bytes / 1e6).toFixed(1);
    return [
      {
        what: `first sync, ${scale.name} scale, ${BENCH_ADVISER} (${manifest.total} docs, ${mb} MB, every collection, encrypted), Chromium`,
        measured: `${seconds(sync.ms)} (baseline ${seconds(baseline.ms)})`,
        target: `≤ ${FIRST_SYNC_TARGET}× static JSON chunks + Dexie bulkPut`,
        ratio: `${ratio.toFixed(2)}× baseline`,
        verdict: ratio <= FIRST_SYNC_TARGET ? 'ok' : 'MISSED',
      },
      heap!.row(scale, measuredDuring!),
    ];
  });
}
