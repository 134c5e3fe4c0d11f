/**
 * The chain end to end in a real Chromium: login page, a demo adviser signs in, the dossiers of
 * their sites arrive in IndexedDB and are shown, and they stay shown with the network cut.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibilityOf } from '../../sync-server/src/replication/scope';
import { DEMO_STAFF } from '../../sync-server/src/demo/organisation';
import { openBrowser, type Browser } from './support/browser';
import { startAppServer, type AppServer } from './support/app-server';
import { caseloadCount, caseloadTotal, logIn } from './support/pages';

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  server = await startAppServer();
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('first use of Relais by an adviser', () => {
  it('shows the login page, then the dossiers of the adviser, still with the network cut', async () => {
    const { page } = browser;
    const adviser = DEMO_STAFF.find((s) => s.login === 'camille.martin')!;
    const visible = await server.storage.pull(
      'youths',
      0,
      5000,
      visibilityOf({
        userId: adviser.id,
        role: adviser.role,
        siteIds: adviser.siteIds,
        deviceId: null,
      }),
    );
    const expected = visible.filter((row) => !row.removal).length;
    expect(expected).toBeGreaterThan(0);

    await page.goto(server.url);
    // A locator is always defined: what counts is that the heading is shown.
    const title = page.getByRole('heading', { name: 'Relais', exact: true });
    await title.waitFor({ state: 'visible' });
    expect(await title.isVisible()).toBe(true);
    await logIn(page, server.url, adviser.login);
    await page.getByRole('heading', { name: 'Portefeuille' }).waitFor();
    // An adviser's own dossiers come first: "N dossiers sur <all of the device>".
    await page.waitForFunction(
      (n) =>
        document.body.innerText.includes(`sur ${n}`) ||
        document.body.innerText.includes(`${n} dossiers`),
      expected,
      { timeout: 60_000 },
    );
    expect(await caseloadTotal(page)).toBe(expected);
    await page.getByText('En ligne', { exact: true }).waitFor();

    await browser.context.setOffline(true);
    await page.getByText('Hors ligne', { exact: true }).waitFor();
    await page.getByLabel('Rechercher un jeune').fill('a');
    expect(await caseloadCount(page)).toBeGreaterThan(0);
    expect(browser.errors).toEqual([]);
  });
});
