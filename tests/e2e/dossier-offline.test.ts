/**
 * Issue 3's promise, end to end in a real Chromium against the real server: an adviser with the
 * network cut creates a dossier (premier accueil) and records an entretien; both stay on the
 * device marked "non envoyé", and reach the server's storage once the network is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../sync-server/src/demo/organisation';
import { eventually } from '../support/http';
import { openBrowser, type Browser } from './support/browser';
import { startAppServer, type AppServer } from './support/app-server';
import { addEvent, createDossier } from './support/dossier-pages';
import { logIn } from './support/pages';
import { waitForServiceWorker } from './support/pwa';

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  server = await startAppServer({ youths: 150 });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a dossier created offline', () => {
  it('is kept on the device while offline and reaches the server after reconnecting', async () => {
    const { page, context } = browser;
    const adviser = DEMO_STAFF.find((s) => s.login === 'camille.martin')!;
    await logIn(page, server.url, adviser.login);
    await page.getByRole('heading', { name: 'Portefeuille' }).waitFor();
    await page.getByText('En ligne', { exact: true }).waitFor();
    // « N dossiers sur M » once downloaded: the adviser's own first.
    await page.getByText(/^\d+ dossiers?( sur \d+)?$/).waitFor();
    // The service worker holds the code of the dossier screens, not opened yet.
    await waitForServiceWorker(page);

    await context.setOffline(true);
    await page.getByText('Hors ligne', { exact: true }).waitFor();
    const dossierId = await createDossier(page, {
      lastName: 'Hors-Réseau',
      firstName: 'Maëlys',
      birthDate: '2007-06-15',
      commune: 'Sées',
    });
    const header = page.locator('header.dossier-header');
    await header.getByText('non envoyé').waitFor();
    await addEvent(
      page,
      'Entretien individuel conseiller',
      'Premier entretien à la mairie, sans réseau.',
    );

    // Nothing has left the device.
    expect(await server.storage.getDocument('youths', dossierId)).toBeNull();

    await context.setOffline(false);
    const stored = await eventually(async () => {
      const youth = await server.storage.getDocument('youths', dossierId);
      expect(youth).not.toBeNull();
      return youth!;
    }, 60_000);
    expect(stored.data).toMatchObject({
      lastName: 'Hors-Réseau',
      firstName: 'Maëlys',
      birthDate: '2007-06-15',
      communeInsee: '61464',
      referentId: adviser.id,
      siteId: adviser.siteIds[0],
      status: 'premier-accueil',
      consent: { freeAdherence: true },
      updatedBy: adviser.id,
    });
    const events = await eventually(async () => {
      const pulled = await server.storage.pull('events', 0, 100_000, { all: true });
      const mine = pulled.filter((row) => row.document.youthId === dossierId);
      expect(mine).toHaveLength(1);
      return mine;
    }, 60_000);
    expect(events[0]!.document.data).toMatchObject({
      kind: 'entretien-individuel',
      authorId: adviser.id,
      report: 'Premier entretien à la mairie, sans réseau.',
    });
    // Acknowledged: the markers go away.
    await header
      .getByText('non envoyé', { exact: true })
      .waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByText('non envoyé').first().waitFor({ state: 'detached', timeout: 30_000 });
    expect(browser.errors).toEqual([]);
  });
});
