/**
 * The first download, seen in Chromium (issue 14, item 5): direction signs in on a fresh device
 * and receives the whole demo Mission Locale (the siège's caseload). While it downloads, the
 * header says « Téléchargement initial » (never « Hors ligne »), a progress bar counts the
 * documents received out of the server's total with an estimate of the time left, and the
 * counts that depend on unfinished data say so. The same after the download is interrupted (the
 * page reloaded half-way): the device resumes it and shows it again, until « En ligne ».
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../../src/domain/collections';
import { openBrowser, type Browser } from './support/browser';
import { startAppServer, type AppServer } from './support/app-server';
import { logIn, signInIfAsked } from './support/pages';

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  // The demo's full size: about 1,400 dossiers and the year of activity around them.
  server = await startAppServer({ youths: 1400 });
  browser = await openBrowser({ viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What the header and the portefeuille say at one instant (one snapshot, no race). */
interface Snapshot {
  header: string;
  body: string;
  bar: { now: number; max: number; text: string } | null;
}

async function snapshot(page: Browser['page']): Promise<Snapshot> {
  return page.evaluate(() => {
    const bar = document.querySelector('[role="progressbar"]');
    return {
      header: document.querySelector('header')?.textContent ?? '',
      body: document.body.innerText,
      bar: bar
        ? {
            now: Number(bar.getAttribute('aria-valuenow')),
            max: Number(bar.getAttribute('aria-valuemax')),
            text: bar.getAttribute('aria-valuetext') ?? '',
          }
        : null,
    };
  });
}

/** Polls until the progress bar shows some documents received, and returns that moment. */
async function whileDownloading(page: Browser['page']): Promise<Snapshot> {
  for (let i = 0; i < 1200; i += 1) {
    const now = await snapshot(page);
    if (now.bar && now.bar.now > 0 && now.bar.max > 0) return now;
    await page.waitForTimeout(50);
  }
  throw new Error('the first download never showed its progress');
}

function expectShownAsFirstDownload(moment: Snapshot, total: number): void {
  expect(moment.header).toContain('Téléchargement initial');
  expect(moment.header).not.toContain('Hors ligne');
  expect(moment.bar!.max).toBe(total);
  expect(moment.bar!.now).toBeLessThanOrEqual(total);
  expect(moment.bar!.text).toMatch(/documents reçus sur/);
  // Counts that need every event are not shown as if final.
  expect(moment.body).not.toMatch(/\d+ sans aucun contact/);
  expect(moment.body).toMatch(/téléchargement en cours/i);
}

describe('the first download of the siège’s caseload', () => {
  it('is shown as what it is, with its progress, also when resumed after an interruption', async () => {
    const { page } = browser;
    let total = 0;
    for (const collection of COLLECTION_NAMES) {
      total += (await server.storage.countVisible(collection, 0, { all: true })).total;
    }
    expect(total).toBeGreaterThan(20_000);

    await logIn(page, server.url, 'direction');
    const first = await whileDownloading(page);
    expectShownAsFirstDownload(first, total);
    expect(first.bar!.text).toMatch(/restant/);

    // Interrupted half-way (the tab reloaded): the device resumes the download and says so.
    expect(first.bar!.now).toBeLessThan(total);
    await page.reload();
    // The data key is not kept across a reload (encryption at rest): the password again.
    await signInIfAsked(page);
    const resumed = await whileDownloading(page);
    expectShownAsFirstDownload(resumed, total);

    // Done: online, no bar, the counts are final.
    await page.getByText('En ligne', { exact: true }).waitFor({ timeout: 180_000 });
    // Reading every event of the siège's caseload takes a while on a loaded machine.
    await page.waitForFunction(() => /\d+ sans aucun contact/.test(document.body.innerText), null, {
      timeout: 180_000,
    });
    const done = await snapshot(page);
    expect(done.bar).toBeNull();
    expect(done.header).not.toContain('Téléchargement initial');
    expect(browser.errors).toEqual([]);
  });
});
