/**
 * The offline suite, in a real Chromium against the real server: after one online
 * visit Relais starts with the network cut, dossiers created and edited offline survive a
 * reload, reach the server when the network returns, and another adviser of the same site sees
 * them on their own device. Cache Storage never holds an API response.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../sync-server/src/demo/organisation';
import { eventually, loggedInClient } from '../support/http';
import { openBrowser, type Browser } from './support/browser';
import { startAppServer, type AppServer } from './support/app-server';
import {
  createDossier,
  dossierFieldValue,
  openDossier,
  saveDossier,
  typeInDossier,
} from './support/dossier-pages';
import { caseloadCount, logIn, signInAgain } from './support/pages';
import {
  cachedUrls,
  closeSyncPanel,
  openSyncPanel,
  syncStatusText,
  waitForServiceWorker,
} from './support/pwa';

let server: AppServer;
let camille: Browser;
let lucas: Browser | undefined;

beforeAll(async () => {
  server = await startAppServer();
  camille = await openBrowser();
});

afterAll(async () => {
  await lucas?.close();
  await camille?.close();
  await server?.close();
});

async function serverYouth(id: string) {
  const api = await loggedInClient(server.url, 'lucas.bernard', DEMO_PASSWORD);
  const { documents } = await api.pull('youths', 0, 5000);
  return documents.find((doc) => doc.id === id) as Record<string, unknown> | undefined;
}

describe('Relais without network', () => {
  let ines = '';
  let mathis = '';

  it('starts with the network cut after one online visit', async () => {
    const { page, context } = camille;
    await logIn(page, server.url, 'camille.martin');
    await page.getByRole('heading', { name: 'Portefeuille' }).waitFor();
    await page.getByText('En ligne', { exact: true }).waitFor({ timeout: 60_000 });
    await waitForServiceWorker(page);
    await page.waitForFunction(() => /\d+ dossiers/.test(document.body.innerText), null, {
      timeout: 60_000,
    });
    const online = await caseloadCount(page);

    await context.setOffline(true);
    await page.reload();
    // The data key left memory with the page: the password opens the device's data offline.
    expect(await page.getByLabel('Identifiant').inputValue()).toBe('camille.martin');
    await signInAgain(page);
    await page.getByRole('heading', { name: 'Portefeuille' }).waitFor();
    await page.getByText('session hors ligne').waitFor();
    await page.getByText('Hors ligne', { exact: true }).waitFor();
    await page.waitForFunction((n) => document.body.innerText.includes(`${n} dossiers`), online);
    // The last sync of the previous visit is still known.
    expect(await syncStatusText(page)).toMatch(/synchronisé (à l'instant|il y a)/);
  });

  it('creates and edits dossiers offline, and keeps them across an offline reload', async () => {
    const { page } = camille;
    ines = await createDossier(page, {
      lastName: 'Hors-Réseau',
      firstName: 'Inès',
      birthDate: '2007-03-14',
    });
    mathis = await createDossier(page, {
      lastName: 'Hors-Réseau',
      firstName: 'Mathis',
      commune: 'Sées',
    });
    await openDossier(page, server.url, ines);
    await typeInDossier(page, { phone: '06 39 98 12 34' });
    await saveDossier(page);

    await openSyncPanel(page);
    const row = page.getByRole('row', { name: /Dossiers jeunes/ });
    expect(await row.innerText()).toMatch(/Dossiers jeunes\s+2\s/);
    expect(await syncStatusText(page)).toContain('2 modifications non envoyées');
    await closeSyncPanel(page);

    await page.reload();
    await signInAgain(page);
    await page.getByText('Hors ligne', { exact: true }).waitFor();
    expect(await dossierFieldValue(page, 'Téléphone')).toBe('06 39 98 12 34');
    expect(await dossierFieldValue(page, 'Prénom')).toBe('Inès');
    await page.getByRole('link', { name: 'Portefeuille', exact: true }).click();
    await page.getByLabel('Rechercher un jeune').fill('Hors-Réseau');
    // The rows of the two dossiers, whether or not the search has narrowed the list yet (the
    // demo has other Mathis: a lone `cell` named Mathis may match four rows for a moment).
    const theirs = page.getByRole('row').filter({ hasText: 'Hors-Réseau' });
    await theirs.filter({ hasText: 'Mathis' }).waitFor();
    await theirs.filter({ hasText: 'Inès' }).waitFor();
    expect(await serverYouth(ines)).toBeUndefined();
  });

  it('sends them to the server when the network returns', async () => {
    const { page, context } = camille;
    await context.setOffline(false);
    await page.getByText('En ligne', { exact: true }).waitFor({ timeout: 30_000 });
    // The session renewed itself with the sealed token: no password asked, nothing contradictory.
    await page.getByText('session hors ligne').waitFor({ state: 'detached' });
    await eventually(async () =>
      expect(await serverYouth(ines)).toMatchObject({
        firstName: 'Inès',
        lastName: 'Hors-Réseau',
        phone: '06 39 98 12 34',
        birthDate: '2007-03-14',
      }),
    );
    expect(await serverYouth(mathis)).toMatchObject({ firstName: 'Mathis', communeInsee: '61464' });
    await page.getByText('Tout est envoyé', { exact: false }).first().waitFor();
  });

  it('shows them to another adviser of the same site, on another device', async () => {
    lucas = await openBrowser();
    const { page } = lucas;
    await logIn(page, server.url, 'lucas.bernard');
    await page.getByRole('heading', { name: 'Portefeuille' }).waitFor();
    // Camille's dossiers, not Lucas's own: he looks at every dossier of the device.
    await page.getByLabel('Dossiers', { exact: true }).selectOption('all');
    await page.getByLabel('Rechercher un jeune').fill('Hors-Réseau');
    await page.getByRole('cell', { name: 'Mathis' }).waitFor({ timeout: 60_000 });
    await page.getByRole('cell', { name: 'Inès' }).waitFor();
    await openDossier(page, server.url, ines);
    expect(await dossierFieldValue(page, 'Téléphone')).toBe('06 39 98 12 34');
  });

  it('keeps no API response in Cache Storage, only the app shell', async () => {
    const paths = Object.values(await cachedUrls(camille.page))
      .flat()
      .map((url) => new URL(url).pathname);
    expect(paths).toContain('/index.html');
    expect(paths.some((path) => /^\/assets\/index-[\w-]+\.js$/.test(path))).toBe(true);
    expect(paths.filter((path) => path.startsWith('/api/'))).toEqual([]);
    expect(camille.errors).toEqual([]);
    expect(lucas?.errors).toEqual([]);
  });
});
