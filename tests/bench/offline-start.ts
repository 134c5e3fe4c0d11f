/**
 * App start to caseload shown, offline, with 5,000 dossiers on the device: the built PWA in
 * headless Chromium, signed in and synced once, then reloaded with the network cut (service
 * worker and IndexedDB only). Wall time from the reload to the count of 5,000 dossiers shown.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { buildPwa } from '../e2e/support/app-server';
import { openBrowser } from '../e2e/support/browser';
import { logIn } from '../e2e/support/pages';
import { waitForServiceWorker } from '../e2e/support/pwa';
import { createTestAccounts, DIRECTION, PASSWORD } from '../support/accounts';
import { startTestServer } from '../support/server';
import { benchDocuments, seedScale } from './datasets';
import { percentile, type BenchRow } from './stats';

const DOSSIERS = 5000;
const RELOADS = 7;
export const OFFLINE_START_TARGET_MS = 1000;

/** Resolves when the portefeuille says it shows all `count` dossiers. */
async function caseloadShows(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const text = document.querySelector('.caseload-total')?.textContent ?? '';
      return Number(text.replace(/\D+dossiers?.*$/, '').replace(/\D/g, '')) === n;
    },
    count,
    { timeout: 120_000, polling: 'raf' },
  );
}

export async function benchOfflineStart(): Promise<BenchRow> {
  const staticDir = buildPwa();
  const server = await startTestServer({ staticDir });
  const browser = await openBrowser();
  try {
    await createTestAccounts(server.storage);
    const documents = benchDocuments({ name: 'offline start', youths: DOSSIERS, events: 0 });
    await seedScale(server.storage, { sites: documents.sites, youths: documents.youths });
    const { page, context } = browser;
    await logIn(page, server.url, DIRECTION.login, PASSWORD);
    await caseloadShows(page, DOSSIERS);
    await waitForServiceWorker(page);
    await context.setOffline(true);
    const times: number[] = [];
    for (let i = 0; i < RELOADS; i += 1) {
      const start = Date.now();
      await page.reload({ waitUntil: 'commit' });
      await caseloadShows(page, DOSSIERS);
      times.push(Date.now() - start);
    }
    const median = percentile(times, 50);
    return {
      what: `app start to caseload shown, offline, ${DOSSIERS} dossiers (Chromium, median of ${RELOADS})`,
      measured: `${Math.round(median)} ms (worst ${Math.round(Math.max(...times))} ms)`,
      target: `≤ ${OFFLINE_START_TARGET_MS} ms`,
      ratio: `${(median / OFFLINE_START_TARGET_MS).toFixed(2)}× target`,
      verdict: median <= OFFLINE_START_TARGET_MS ? 'ok' : 'MISSED',
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(staticDir, { recursive: true, force: true });
  }
}
