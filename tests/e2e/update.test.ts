/**
 * A new version of Relais, deployed while an adviser works: two real builds with two versions,
 * the server restarted on the same port and data with the second. The running app announces
 * the update, refuses to reload over a form in progress or over changes it cannot send, and
 * applies it once the input is saved and sent; nothing typed is lost.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../sync-server/src/demo/organisation';
import { eventually, loggedInClient } from '../support/http';
import { openBrowser, type Browser } from './support/browser';
import { buildPwa, startAppServer, type AppServer } from './support/app-server';
import {
  createDossier,
  dossierFieldValue,
  openDossier,
  saveDossier,
  typeInDossier,
} from './support/dossier-pages';
import { logIn } from './support/pages';
import {
  checkForUpdateNow,
  closeSyncPanel,
  openSyncPanel,
  waitForServiceWorker,
} from './support/pwa';

const FIRST = '2026.11.1-test';
const SECOND = '2026.11.2-test';

let firstBuild: string;
let secondBuild: string;
let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  firstBuild = buildPwa({ RELAIS_APP_VERSION: FIRST });
  secondBuild = buildPwa({ RELAIS_APP_VERSION: SECOND });
  server = await startAppServer({ staticDir: firstBuild });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const dir of [firstBuild, secondBuild])
    if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The server restarts on the same port and data, serving the second build. */
async function deploySecondVersion(): Promise<void> {
  await server.restart({ staticDir: secondBuild });
}

async function serverYouth(id: string) {
  const api = await loggedInClient(server.url, 'camille.martin', DEMO_PASSWORD);
  const { documents } = await api.pull('youths', 0, 5000);
  return documents.find((doc) => doc.id === id) as Record<string, unknown> | undefined;
}

describe('a new version deployed while an adviser is working', () => {
  it('is announced, waits for the form in progress and the changes to send, then applies', async () => {
    const { page, context } = browser;
    await logIn(page, server.url, 'camille.martin');
    await page.getByText('En ligne', { exact: true }).waitFor({ timeout: 60_000 });
    await waitForServiceWorker(page);
    await openSyncPanel(page);
    await page.getByText(`Relais version ${FIRST}`).waitFor();
    await closeSyncPanel(page);

    const id = await createDossier(page, { lastName: 'Version', firstName: 'Noé' });
    await openDossier(page, server.url, id);
    await typeInDossier(page, { phone: '06 11 22 33 44' }); // not saved yet

    // A second tab with a new dossier half typed: applying the update elsewhere must not reload it.
    const otherTab = await context.newPage();
    await otherTab.goto(`${server.url}/dossiers/nouveau`);
    await otherTab.getByRole('heading', { name: /Premier accueil/ }).waitFor();
    await otherTab.getByRole('textbox', { name: "Nom d'usage", exact: true }).fill('Brouillon');
    await otherTab.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Lina');

    await deploySecondVersion();
    await checkForUpdateNow(page);
    await page
      .getByRole('heading', { name: `Une nouvelle version de Relais est prête (${SECOND})` })
      .waitFor({ timeout: 60_000 });

    // A form in progress: the update says so and does not reload.
    await page.getByRole('button', { name: 'Mettre à jour maintenant' }).click();
    await page.getByText(/Enregistrez ou annulez d’abord la saisie en cours/).waitFor();
    expect(await dossierFieldValue(page, 'Téléphone')).toBe('06 11 22 33 44');

    // Saved offline: the change cannot be sent, so the update still waits.
    await context.setOffline(true);
    await page.getByText('Hors ligne', { exact: true }).waitFor({ timeout: 30_000 });
    await saveDossier(page);
    await page.getByRole('button', { name: 'Mettre à jour maintenant' }).click();
    await page.getByText(/1 modification de cet appareil attend d’être envoyée/).waitFor();
    expect(await page.evaluate(() => document.title)).toContain('Relais');
    expect(await serverYouth(id)).not.toMatchObject({ phone: '06 11 22 33 44' });

    // Back online: the change is sent, then the new version takes over.
    await context.setOffline(false);
    await page.getByText('En ligne', { exact: true }).waitFor({ timeout: 30_000 });
    await Promise.all([
      page.waitForEvent('load', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Mettre à jour maintenant' }).click(),
    ]);
    await openSyncPanel(page);
    await page.getByText(`Relais version ${SECOND}`).waitFor({ timeout: 30_000 });
    expect(await dossierFieldValue(page, 'Téléphone')).toBe('06 11 22 33 44');
    await eventually(async () =>
      expect(await serverYouth(id)).toMatchObject({ phone: '06 11 22 33 44' }),
    );
    await expect(page.getByRole('heading', { name: /nouvelle version/ }).count()).resolves.toBe(0);

    // The other tab was not reloaded: it offers a reload and keeps what was typed.
    await otherTab
      .getByRole('heading', { name: 'Relais a été mis à jour dans un autre onglet' })
      .waitFor({ timeout: 30_000 });
    expect(await dossierFieldValue(otherTab, "Nom d'usage")).toBe('Brouillon');
    expect(await dossierFieldValue(otherTab, 'Prénom')).toBe('Lina');
    await otherTab.getByRole('button', { name: 'Recharger cet onglet' }).click();
    await otherTab.getByText(/Enregistrez ou annulez d’abord la saisie en cours/).waitFor();
    expect(await dossierFieldValue(otherTab, "Nom d'usage")).toBe('Brouillon');

    // Leaving the form asks first (the draft is the user's to drop); the next screen then
    // opens on the new version.
    const asked: string[] = [];
    otherTab.once('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.accept();
    });
    await Promise.all([
      otherTab.waitForEvent('load', { timeout: 60_000 }),
      otherTab.getByRole('link', { name: 'Portefeuille', exact: true }).click(),
    ]);
    expect(asked).toEqual(['beforeunload']);
    await openSyncPanel(otherTab);
    await otherTab.getByText(`Relais version ${SECOND}`).waitFor({ timeout: 30_000 });
    expect(browser.errors).toEqual([]);
  });
});
