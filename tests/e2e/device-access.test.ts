/**
 * Issue 11 on a real device, end to end in Chromium against the real server: the lock after
 * inactivity that keeps what was typed out of the document, offline unlock with the right and a
 * wrong password, the 7-day rule, two users on one profile, logout-and-wipe, and a revoked
 * device that hands over its unsent change and erases itself.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { systemClock } from '../../src/domain/time';
import { createAccount, setAccountPassword } from '../../sync-server/src/auth/accounts';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../sync-server/src/demo/organisation';
import { buildYouth, wire } from '../support/builders';
import { eventually, loggedInClient } from '../support/http';
import { startAppServer, type AppServer } from './support/app-server';
import { openBrowser, type Browser } from './support/browser';
import { openDossier, saveDossier, typeInDossier } from './support/dossier-pages';
import { lockNow, logIn, signInAgain, unlockWith, waitForCaseload } from './support/pages';
import { waitForServiceWorker } from './support/pwa';

const DAY_MS = 24 * 60 * 60 * 1000;
const camille = DEMO_STAFF.find((s) => s.login === 'camille.martin')!;
const yacine = DEMO_STAFF.find((s) => s.login === 'yacine.haddad')!;

let server: AppServer;
const browsers: Browser[] = [];
/** A dossier of Camille's caseload only, with a distinctive name. */
const camilleOnly = buildYouth({
  lastName: 'Verrouillard',
  firstName: 'Anaïs',
  siteId: camille.siteIds[0]!,
  referentId: camille.id,
  status: 'accompagne',
});

beforeAll(async () => {
  server = await startAppServer({ youths: 120 });
  const siege = await loggedInClient(server.url, 'direction', DEMO_PASSWORD);
  await siege.push('youths', [{ newDocumentState: wire(camilleOnly) }]);
});

afterEach(async () => {
  for (const browser of browsers.splice(0)) await browser.close();
});

afterAll(async () => {
  await server?.close();
});

async function browser(): Promise<Browser> {
  const opened = await openBrowser();
  browsers.push(opened);
  return opened;
}

/** Signed in online, first sync done, the service worker ready to serve offline. */
async function readyOnline(page: Page, login: string): Promise<void> {
  await logIn(page, server.url, login);
  await waitForCaseload(page);
  await page.getByText('En ligne', { exact: true }).waitFor({ timeout: 60_000 });
  await waitForServiceWorker(page);
}

async function findInCaseload(page: Page, lastName: string): Promise<number> {
  await page.getByRole('link', { name: 'Portefeuille', exact: true }).click();
  await page.getByRole('searchbox').fill(lastName);
  await page
    .getByText(/^\d+ dossiers?/)
    .first()
    .waitFor();
  return page.getByRole('link', { name: lastName, exact: true }).count();
}

async function relaisDatabases(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases()).map((db) => db.name ?? '').filter((n) => n.includes('relais')),
  );
}

describe('locking', () => {
  it('locks after 15 minutes without activity, hides everything, and keeps what was typed', async () => {
    const { page, context } = await browser();
    await context.clock.install();
    await readyOnline(page, camille.login);
    await openDossier(page, server.url, camilleOnly.id);
    await typeInDossier(page, { phone: '06 00 11 22 33' }); // not saved

    await context.clock.fastForward('16:00');
    await page.getByRole('heading', { name: /Relais est verrouillé/ }).waitFor();
    const html = await page.content();
    expect(html).not.toContain('Verrouillard');
    expect(html).not.toContain('06 00 11 22 33');
    expect(await page.locator('input').count()).toBe(1);

    await unlockWith(page, 'Pas-le-bon-2026!');
    await page.getByText('Mot de passe incorrect.').waitFor();
    await unlockWith(page);
    expect(await page.getByRole('textbox', { name: 'Téléphone', exact: true }).inputValue()).toBe(
      '06 00 11 22 33',
    );
    // « Verrouiller » does the same at once.
    await lockNow(page);
    expect(await page.content()).not.toContain('Verrouillard');
    await unlockWith(page);
    await page.getByRole('button', { name: 'Enregistrer le dossier' }).waitFor();
  });
});

describe('opening offline', () => {
  it('unlocks with the right password only, and not 7 days after the last online login', async () => {
    const { page, context } = await browser();
    await readyOnline(page, camille.login);
    await context.setOffline(true);

    await page.reload();
    await signInAgain(page, 'Pas-le-bon-2026!');
    await page.getByText('Mot de passe incorrect.').waitFor();
    await signInAgain(page);
    await waitForCaseload(page);
    await page.getByText('session hors ligne').waitFor();
    expect(await findInCaseload(page, 'Verrouillard')).toBe(1);

    // Eight days later, still without network: the device must see the server first.
    await context.clock.install({ time: Date.now() + 8 * DAY_MS });
    await page.reload();
    await signInAgain(page);
    await page.getByText(/pas été vérifié par le siège depuis trop longtemps/).waitFor();
    await context.setOffline(false);
    await signInAgain(page);
    await waitForCaseload(page);
  });
});

describe('a tablet shared by two advisers', () => {
  it('keeps each one’s data under their own key, online and offline', async () => {
    const { page, context } = await browser();
    await readyOnline(page, camille.login);
    expect(await findInCaseload(page, 'Verrouillard')).toBe(1);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: 'Se déconnecter', exact: true })
      .click();

    await page.getByLabel('Identifiant').fill(yacine.login);
    await signInAgain(page);
    await waitForCaseload(page);
    expect(await findInCaseload(page, 'Verrouillard')).toBe(0);
    const databases = await relaisDatabases(page);
    expect(new Set(databases.map((name) => name.split('--')[0])).size).toBe(2);

    // Offline, Yacine's password does not open Camille's data, nor the other way round.
    await context.setOffline(true);
    await page.reload();
    await page.getByLabel('Identifiant').fill(camille.login);
    await signInAgain(page, 'Autre-Mot-2026!');
    await page.getByText('Mot de passe incorrect.').waitFor();
    await signInAgain(page);
    await waitForCaseload(page);
    expect(await findInCaseload(page, 'Verrouillard')).toBe(1);
  });
});

describe('logout and wipe', () => {
  it('says what would be lost, then leaves no database, key or cache of Relais', async () => {
    const { page, context } = await browser();
    await readyOnline(page, camille.login);
    await context.setOffline(true);
    await openDossier(page, server.url, camilleOnly.id);
    await typeInDossier(page, { phone: '06 98 76 54 32' });
    await saveDossier(page);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Se déconnecter et effacer cet appareil' }).click();
    await dialog.getByText(/perdues si vous effacez : 1 modification/).waitFor({ timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Annuler' }).click();

    await context.setOffline(false);
    await page.getByText('Tout est envoyé', { exact: false }).first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await dialog.getByRole('button', { name: 'Se déconnecter et effacer cet appareil' }).click();
    await page.getByText('Relais a été effacé de cet appareil.').waitFor({ timeout: 30_000 });
    expect(await relaisDatabases(page)).toEqual([]);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    expect(await page.evaluate(async () => (await caches.keys()).length)).toBe(0);
    expect((await server.storage.getDocument('youths', camilleOnly.id))?.data.phone).toBe(
      '06 98 76 54 32',
    );
  });
});

describe('a device revoked by the siège', () => {
  it('hands over its unsent change for review, erases itself and never opens offline again', async () => {
    const { page, context } = await browser();
    await readyOnline(page, camille.login);
    await context.setOffline(true);
    await openDossier(page, server.url, camilleOnly.id);
    await typeInDossier(page, { phone: '07 77 66 55 44' });
    await saveDossier(page);

    const siege = await loggedInClient(server.url, 'direction', DEMO_PASSWORD);
    const { devices } = await siege.send<{ devices: { id: string; user: { login: string } }[] }>(
      'GET',
      '/api/v1/devices',
    );
    const mine = devices.filter((device) => device.user?.login === camille.login);
    for (const device of mine) await siege.send('POST', `/api/v1/devices/${device.id}/revoke`);

    await context.setOffline(false);
    await page
      .getByText(/Cet appareil a été retiré par le siège\. Ses données ont été effacées/)
      .waitFor({
        timeout: 60_000,
      });
    await page.getByText(/1 modification non envoyée a été transmise au siège/).waitFor();
    expect(await relaisDatabases(page)).toEqual([]);
    const review = await eventually(async () => {
      const { documents } = await siege.pull('reviews', 0, 5000);
      const found = documents.find((doc) => {
        const review = doc as { documentId?: string; field?: string };
        return review.documentId === camilleOnly.id && review.field === 'phone';
      });
      expect(found).toBeDefined();
      return found as unknown as { values: { value: unknown }[] };
    });
    expect(review.values.map((v) => v.value)).toContain('07 77 66 55 44');
    expect((await server.storage.getDocument('youths', camilleOnly.id))?.data.phone).not.toBe(
      '07 77 66 55 44',
    );

    // The app's caches went with the rest: it reloads from the server, remembering nobody, and
    // offline the password opens nothing.
    await page.reload();
    expect(await page.getByLabel('Identifiant').inputValue()).toBe('');
    await context.setOffline(true);
    await page.getByLabel('Identifiant').fill(camille.login);
    await signInAgain(page);
    await page.getByText(/jamais été ouvert sur cet appareil/).waitFor();
  });
});

describe('a password reset at the siège', () => {
  it('opens the device’s data with the new password and sends what waited', async () => {
    await createAccount(
      server.storage,
      {
        login: 'lina.remplacante',
        name: 'Lina Remplaçante',
        role: 'conseiller',
        siteIds: [camille.siteIds[0]!],
        password: DEMO_PASSWORD,
      },
      systemClock,
    );
    const { page, context } = await browser();
    await readyOnline(page, 'lina.remplacante');
    await context.setOffline(true);
    await openDossier(page, server.url, camilleOnly.id);
    await typeInDossier(page, { phone: '06 12 12 12 12' });
    await saveDossier(page);
    await page.reload();

    const renewed = 'Nouveau-Mot-2027!';
    await setAccountPassword(server.storage, 'lina.remplacante', renewed, systemClock);
    await context.setOffline(false);
    await signInAgain(page, renewed);
    await page.getByRole('button', { name: 'Enregistrer le dossier' }).waitFor();
    await eventually(async () =>
      expect((await server.storage.getDocument('youths', camilleOnly.id))?.data.phone).toBe(
        '06 12 12 12 12',
      ),
    );

    // The key is now wrapped for the new password only.
    await context.setOffline(true);
    await page.reload();
    await signInAgain(page);
    await page.getByText('Mot de passe incorrect.').waitFor();
    await signInAgain(page, renewed);
    await page.getByRole('button', { name: 'Enregistrer le dossier' }).waitFor();
  });
});
