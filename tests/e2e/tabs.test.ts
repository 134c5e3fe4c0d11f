/**
 * Several tabs of Relais on one device: one tab replicates (RxDB leader election), the others
 * show the same live data and the same sync status, send their writes through the leader, and
 * none waits for a replication to open — not even offline. When the leader tab closes, another
 * takes over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../sync-server/src/demo/organisation';
import { buildYouth, SITE_SEES } from '../support/builders';
import { eventually, loggedInClient } from '../support/http';
import { openBrowser, type Browser } from './support/browser';
import { startAppServer, type AppServer } from './support/app-server';
import { createDossier } from './support/dossier-pages';
import { logIn } from './support/pages';
import { closeSyncPanel, openSyncPanel, syncStatusText, waitForServiceWorker } from './support/pwa';

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

/** Lucas, another adviser of Sées, creates a dossier from his own device (through the API). */
async function dossierFromAnotherDevice(lastName: string): Promise<string> {
  const api = await loggedInClient(server.url, 'lucas.bernard', DEMO_PASSWORD);
  const youth = buildYouth({ lastName, firstName: 'Sacha', siteId: SITE_SEES });
  const answer = await api.push('youths', [{ newDocumentState: { ...youth, _deleted: false } }]);
  expect(answer).toEqual({ conflicts: [], refused: [] });
  return youth.id;
}

async function findInCaseload(page: Page, lastName: string): Promise<void> {
  await page.getByRole('link', { name: 'Portefeuille', exact: true }).click();
  // Lucas's dossier, not Camille's own: every dossier of the device.
  await page.getByLabel('Dossiers', { exact: true }).selectOption('all');
  await page.getByLabel('Rechercher un jeune').fill(lastName);
  await page.getByRole('cell', { name: lastName }).waitFor({ timeout: 30_000 });
}

async function openTab(): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => browser.errors.push(error.message));
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Portefeuille' }).waitFor();
  return page;
}

describe('Relais open in several tabs', () => {
  let second: Page;

  it('opens a second tab at once, with live data and the leader’s status', async () => {
    const first = browser.page;
    await logIn(first, server.url, 'camille.martin');
    await first.getByText('En ligne', { exact: true }).waitFor({ timeout: 60_000 });
    await waitForServiceWorker(first);
    await first.waitForFunction(() => /\d+ dossiers/.test(document.body.innerText));

    second = await openTab();
    await second.waitForFunction(() => /\d+ dossiers/.test(document.body.innerText));
    await second.getByText('En ligne', { exact: true }).waitFor({ timeout: 30_000 });
    await openSyncPanel(second);
    await second.getByText(/Un autre onglet de Relais synchronise/).waitFor();
    await closeSyncPanel(second);

    // A change made on another device reaches the second tab through the first one.
    await dossierFromAnotherDevice('Onglet-Distant');
    await findInCaseload(second, 'Onglet-Distant');
  });

  it('sends what the second tab writes, through the leader tab', async () => {
    const id = await createDossier(second, { lastName: 'Onglet-Deux', firstName: 'Maël' });
    const api = await loggedInClient(server.url, 'lucas.bernard', DEMO_PASSWORD);
    await eventually(async () => {
      const { documents } = await api.pull('youths', 0, 5000);
      expect(documents.find((doc) => doc.id === id)).toMatchObject({ lastName: 'Onglet-Deux' });
    });
    await eventually(async () => expect(await syncStatusText(second)).toContain('Tout est envoyé'));
    await findInCaseload(browser.page, 'Onglet-Deux');

    await openSyncPanel(second);
    await second.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await second
      .getByText('Synchronisation terminée : tout est à jour.')
      .waitFor({ timeout: 30_000 });
    await closeSyncPanel(second);
  });

  it('lets another tab take over when the leader tab closes', async () => {
    await browser.page.close();
    await openSyncPanel(second);
    await second.getByText('Cet onglet synchronise pour tout l’appareil.').waitFor({
      timeout: 60_000,
    });
    await closeSyncPanel(second);
    await dossierFromAnotherDevice('Onglet-Relève');
    await findInCaseload(second, 'Onglet-Relève');
  });

  it('opens another tab offline without waiting for any replication', async () => {
    await browser.context.setOffline(true);
    await second.getByText('Hors ligne', { exact: true }).waitFor({ timeout: 30_000 });
    const third = await openTab();
    await third.waitForFunction(() => /\d+ dossiers/.test(document.body.innerText));
    await third.getByText('Hors ligne', { exact: true }).waitFor();
    await findInCaseload(third, 'Onglet-Relève');
    expect(browser.errors).toEqual([]);
  });
});
