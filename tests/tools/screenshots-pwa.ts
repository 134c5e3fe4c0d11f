/**
 * `npm run screenshots:pwa`: the screenshots of the offline PWA (issue 6) in
 * public/screenshots/6-*.png, taken on the real build served by the real server with the demo
 * Mission Locale: offline start, the sync panel (laptop and tablet), a screen that cannot load
 * offline in a browser without the service worker, the update prompt. Two
 * of them are also the web manifest's screenshots (src/app/pwa/manifest.ts).
 */
import { mkdirSync, rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { buildPwa, startAppServer, type AppServer } from '../e2e/support/app-server';
import { openBrowser } from '../e2e/support/browser';
import { createDossier, openDossier, typeInDossier } from '../e2e/support/dossier-pages';
import { logIn } from '../e2e/support/pages';
import {
  checkForUpdateNow,
  closeSyncPanel,
  openSyncPanel,
  waitForServiceWorker,
} from '../e2e/support/pwa';
import { ensureChromium } from '../setup/ensure-chromium';

const OUT = new URL('../../public/screenshots/', import.meta.url).pathname;

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${OUT}${name}.png` });
  console.log(`public/screenshots/${name}.png`);
}

/** The whole caseload shown, not only the dossiers: dispositifs and last contacts too. */
async function caseloadComplete(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      /[1-9]\d* en CEJ/.test(document.body.innerText) &&
      /il y a \d+ j/.test(document.body.innerText),
    null,
    { timeout: 120_000 },
  );
}

async function signedIn(server: AppServer, viewport: { width: number; height: number }) {
  const browser = await openBrowser({ viewport, hasTouch: viewport.width < 1000 });
  await logIn(browser.page, server.url, 'camille.martin');
  await browser.page.getByText('En ligne', { exact: true }).waitFor({ timeout: 60_000 });
  await waitForServiceWorker(browser.page);
  await caseloadComplete(browser.page);
  return browser;
}

async function main(): Promise<void> {
  ensureChromium();
  mkdirSync(OUT, { recursive: true });
  const first = buildPwa({ RELAIS_APP_VERSION: '0.1.0' });
  const second = buildPwa({ RELAIS_APP_VERSION: '0.2.0' });
  const server = await startAppServer({ staticDir: first, youths: 600 });
  try {
    // Offline start, then work offline: the panel says what waits and what to do.
    const laptop = await signedIn(server, { width: 1280, height: 800 });
    await laptop.context.setOffline(true);
    await laptop.page.reload();
    await laptop.page.getByText('session hors ligne').waitFor();
    await caseloadComplete(laptop.page);
    await shoot(laptop.page, '6-offline-start');

    await createDossier(laptop.page, { lastName: 'Marchand', firstName: 'Lina' });
    await createDossier(laptop.page, {
      lastName: 'Bouvier',
      firstName: 'Enzo',
      birthDate: '2006-09-02',
    });
    await laptop.page.getByRole('link', { name: 'Portefeuille', exact: true }).click();
    await openSyncPanel(laptop.page);
    await laptop.page.getByText('Dernier incident').waitFor({ timeout: 30_000 });
    await shoot(laptop.page, '6-sync-panel');
    await laptop.close();

    const tablet = await signedIn(server, { width: 768, height: 1024 });
    await tablet.context.setOffline(true);
    await tablet.page.getByText('Hors ligne', { exact: true }).waitFor({ timeout: 30_000 });
    await createDossier(tablet.page, { lastName: 'Girard', firstName: 'Chloé' });
    await tablet.page.getByRole('link', { name: 'Portefeuille', exact: true }).click();
    await openSyncPanel(tablet.page);
    await tablet.page.getByText('Dernier incident').waitFor({ timeout: 30_000 });
    await shoot(tablet.page, '6-sync-panel-tablet');
    await tablet.context.setOffline(false);
    await tablet.close();

    // A browser where the service worker cannot install, offline: a screen never opened.
    const plain = await openBrowser({ serviceWorkers: 'block' });
    await logIn(plain.page, server.url, 'camille.martin');
    await plain.page.getByText('En ligne', { exact: true }).waitFor({ timeout: 60_000 });
    await caseloadComplete(plain.page);
    await plain.context.setOffline(true);
    await plain.page.getByText('Hors ligne', { exact: true }).waitFor({ timeout: 30_000 });
    await plain.page.getByRole('link', { name: 'Agenda', exact: true }).click();
    await plain.page.getByRole('button', { name: 'Réessayer' }).waitFor();
    await shoot(plain.page, '6-screen-not-loaded');
    await plain.close();

    // A new version deployed while a dossier is being typed.
    const working = await signedIn(server, { width: 1280, height: 800 });
    const id = await createDossier(working.page, { lastName: 'Lefèvre', firstName: 'Inès' });
    await openDossier(working.page, server.url, id);
    await typeInDossier(working.page, { phone: '06 39 98 12 34' });
    await server.restart({ staticDir: second });
    await checkForUpdateNow(working.page);
    await working.page.getByRole('button', { name: 'Mettre à jour maintenant' }).click();
    await working.page.getByText(/Enregistrez ou annulez d’abord/).waitFor();
    await closeSyncPanel(working.page);
    await shoot(working.page, '6-update-prompt');
    await working.close();
  } finally {
    await server.close();
    for (const dir of [first, second]) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
