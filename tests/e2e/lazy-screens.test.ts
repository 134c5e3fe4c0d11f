/**
 * Screens load on first use (src/app/lazy-screen.tsx), and still open offline: after one online
 * visit, the service worker holds the code of every screen, so screens never opened before
 * render with the network cut — served by the service worker, never fetched by the page while
 * online. In a browser where the service worker cannot install, the same situation shows a
 * French message with « Réessayer » inside the frame, which loads the screen once the network
 * is back (Chromium remembers the failed module for the life of the page: the screen reloads
 * the page once the server answers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from './support/browser';
import { startAppServer, type AppServer } from './support/app-server';
import { logIn } from './support/pages';
import { waitForServiceWorker } from './support/pwa';

let server: AppServer;
const browsers: Browser[] = [];

beforeAll(async () => {
  server = await startAppServer();
});

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server?.close();
});

interface Loaded {
  path: string;
  fromServiceWorker: boolean;
}

/** Every script and stylesheet of the app the page received, and from where. */
function recordCode(page: Page): Loaded[] {
  const loaded: Loaded[] = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/assets/'))
      loaded.push({ path, fromServiceWorker: response.fromServiceWorker() });
  });
  return loaded;
}

const chunksOf = (loaded: Loaded[], screen: string) =>
  loaded.filter((entry) => entry.path.startsWith(`/assets/${screen}-`));

/** Signs in online, and waits for the data and (unless blocked) the service worker. */
async function signInOnline(login: string, serviceWorkers: 'allow' | 'block' = 'allow') {
  const browser = await openBrowser({ serviceWorkers });
  browsers.push(browser);
  const loaded = recordCode(browser.page);
  await logIn(browser.page, server.url, login);
  await browser.page.getByRole('heading', { name: 'Portefeuille' }).waitFor();
  await browser.page.getByText('En ligne', { exact: true }).waitFor({ timeout: 60_000 });
  if (serviceWorkers === 'allow') await waitForServiceWorker(browser.page);
  await browser.page.waitForFunction(() => /\d+ dossiers/.test(document.body.innerText), null, {
    timeout: 60_000,
  });
  return { ...browser, loaded };
}

async function goOffline(browser: Browser): Promise<void> {
  await browser.context.setOffline(true);
  await browser.page.getByText('Hors ligne', { exact: true }).waitFor({ timeout: 30_000 });
}

/** Opens a screen from the main navigation and waits for its title. */
async function openFromNavigation(page: Page, link: string, heading: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: link, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 30_000 });
}

/** Stylesheets of the page that failed to load (none when every screen has its styles). */
async function stylesWithoutSheet(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]
      .filter((link) => !link.sheet)
      .map((link) => link.href),
  );
}

describe('screens loaded on first use', () => {
  it('open offline for an adviser, served by the service worker, never fetched before', async () => {
    const camille = await signInOnline('camille.martin');
    const screens = ['AgendaScreen', 'RelancesScreen', 'AllerVersScreen', 'DossierScreen'];
    for (const screen of screens) expect(chunksOf(camille.loaded, screen)).toEqual([]);

    await goOffline(camille);
    const { page } = camille;
    await openFromNavigation(page, 'Agenda', 'Agenda');
    await openFromNavigation(page, 'Relances', 'Relances');
    await openFromNavigation(page, 'Aller vers', 'Aller vers');
    await openFromNavigation(page, 'Portefeuille', 'Portefeuille');
    await page.locator('table.caseload a[data-row-link]').first().click();
    await page.getByRole('heading', { name: 'Événements' }).waitFor({ timeout: 30_000 });

    for (const screen of screens) {
      const chunks = chunksOf(camille.loaded, screen);
      expect(chunks.length, screen).toBeGreaterThan(0);
      expect(chunks.every((chunk) => chunk.fromServiceWorker)).toBe(true);
    }
    expect(await stylesWithoutSheet(page)).toEqual([]);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(camille.errors).toEqual([]);
  });

  it('open offline for the direction: réconciliation, doublons, appareils', async () => {
    const direction = await signInOnline('direction');
    expect(chunksOf(direction.loaded, 'ReconciliationScreen')).toEqual([]);
    await goOffline(direction);
    await openFromNavigation(direction.page, 'Réconciliation', 'Réconciliation');
    await openFromNavigation(direction.page, 'Doublons', 'Doublons');
    await openFromNavigation(direction.page, 'Appareils', 'Appareils');
    expect(chunksOf(direction.loaded, 'ReconciliationScreen')).not.toEqual([]);
    expect(direction.errors).toEqual([]);
  });

  it('without a service worker, say offline what happens and load on « Réessayer » once online', async () => {
    const lucas = await signInOnline('lucas.bernard', 'block');
    const { page, context } = lucas;
    expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
    await goOffline(lucas);

    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Agenda', exact: true })
      .click();
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'Cet écran n’a pas pu être chargé' }).waitFor();
    expect(await alert.innerText()).toMatch(/il faut le réseau pour le charger une première fois/);
    // The frame stays: header, sync status, navigation.
    await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
    await page.getByText('Hors ligne', { exact: true }).waitFor();

    await context.setOffline(false);
    await page.getByText('En ligne', { exact: true }).waitFor({ timeout: 30_000 });
    await alert.getByRole('button', { name: 'Réessayer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
    // Its styles too: the stylesheet that failed offline was loaded again.
    expect(await stylesWithoutSheet(page)).toEqual([]);
    expect(
      await page.evaluate(() =>
        [...document.styleSheets].some((sheet) => /\/assets\/agenda-/.test(sheet.href ?? '')),
      ),
    ).toBe(true);
    expect(lucas.errors).toEqual([]);
  });
});
