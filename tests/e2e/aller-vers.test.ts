/**
 * Aller vers end to end, in a real Chromium as a touch tablet held in portrait (768×1024): the
 * adviser of the QPV Perseigne loads the app once online, then works with the network off —
 * records a first contact in at most 8 taps, finds it again by a fuzzy search, is offered it
 * ("c'est peut-être…") instead of creating a duplicate, books a rendez-vous at the nearest
 * permanence and opens the premier accueil — and everything reaches the siège's server once
 * the network is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SITES, DEMO_STAFF } from '../../sync-server/src/demo/organisation';
import { today, systemClock } from '../../src/domain/time';
import { eventually } from '../support/http';
import { startAppServer, type AppServer } from './support/app-server';
import { AllerVersTablet, localDocumentCount } from './support/aller-vers';
import { openBrowser, type Browser } from './support/browser';
import { caseloadCount, logIn } from './support/pages';
import { waitForServiceWorker } from './support/pwa';

const MAX_TAPS_FOR_A_CONTACT = 8;
const PERSEIGNE = DEMO_SITES.find((s) => s.qpvCode === 'QN06106M')!;
const yacine = DEMO_STAFF.find((s) => s.login === 'yacine.haddad')!;

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  server = await startAppServer();
  browser = await openBrowser({ viewport: { width: 768, height: 1024 }, hasTouch: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function storedYouthNamed(firstName: string) {
  const rows = await server.storage.pull('youths', 0, 100_000, { all: true });
  return rows.map((row) => row.document).filter((doc) => doc.data.firstName === firstName);
}

describe('aller vers on a tablet in the street', () => {
  it(`records a contact offline in at most ${MAX_TAPS_FOR_A_CONTACT} taps, finds it again, and syncs it once the network is back`, async () => {
    const { page, context } = browser;
    const tablet = new AllerVersTablet(page);

    // Online once: the dossiers, sites and staff of the adviser arrive on the tablet.
    await logIn(page, server.url, yacine.login);
    await page.getByRole('heading', { name: 'Portefeuille' }).waitFor();
    await page.waitForFunction(() => /\d+ dossiers/.test(document.body.innerText), undefined, {
      timeout: 60_000,
    });
    expect(await caseloadCount(page)).toBeGreaterThan(0);
    await eventually(async () => {
      expect(await localDocumentCount(page, 'sites')).toBe(DEMO_SITES.length);
      expect(await localDocumentCount(page, 'staff')).toBe(DEMO_STAFF.length);
    }, 60_000);
    await tablet.open();
    await waitForServiceWorker(page);

    // In the street: no network.
    await context.setOffline(true);
    await page.getByText('Hors ligne', { exact: true }).waitFor();

    tablet.taps = 0;
    await tablet.typeInto('Prénom', 'Maëlys-Océane');
    await tablet.typeInto('Nom (facultatif)', 'Le Bihan-Kerjean');
    await tablet.typeInto('Année ou date de naissance', '2006');
    await tablet.choose('Perseigne');
    await tablet.choose('Emploi');
    await tablet.tap(page.getByRole('checkbox', { name: /J’ai lu cette information/ }));
    await tablet.choose('Oui');
    await tablet.tap(tablet.button('Enregistrer le contact'));
    await page.getByText('Contact enregistré sur la tablette : Maëlys-Océane').waitFor();
    expect(tablet.taps).toBeLessThanOrEqual(MAX_TAPS_FOR_A_CONTACT);
    await tablet.button('Contacts du jour (1)').waitFor();

    // Found again by a search typed in a hurry: no accents, no hyphens, words in any order.
    await tablet.tap(tablet.button('Retrouver un jeune'));
    await tablet.typeInto('Nom, prénom, année de naissance', 'lebihan oceane maelis');
    await page.getByText('Maëlys-Océane Le Bihan-Kerjean').waitFor();

    // Met again: offered before a second dossier is made, and nothing new is created.
    await tablet.tap(tablet.button('Nouveau contact'));
    await tablet.typeInto('Prénom', 'Maelys Oceane');
    await tablet.typeInto('Nom (facultatif)', 'Lebihan Kerjean');
    await tablet.typeInto('Année ou date de naissance', '2006');
    const suggestion = page.getByRole('button', {
      name: 'C’est cette personne : Maëlys-Océane Le Bihan-Kerjean',
    });
    await tablet.tap(suggestion);
    await page.getByRole('heading', { name: 'Dossier existant' }).waitFor();

    // Suite: a rendez-vous at the permanence of the QPV, then the premier accueil.
    await tablet.tap(tablet.button('Rendez-vous à la permanence'));
    await page.getByText(`Proposé : ${PERSEIGNE.name}`).waitFor();
    const firstTime = page.locator('.booking-times button').first();
    const when = await firstTime.textContent();
    await tablet.tap(firstTime);
    await page.getByText(`Rendez-vous enregistré : ${when}`).first().waitFor();
    await tablet.tap(tablet.button('Passer en premier accueil'));
    await page.getByText('Maëlys-Océane passe en premier accueil.').first().waitFor();
    await tablet.button('Contacts du jour (1)').waitFor();

    // Back in range: the contact reaches the siège with its consent, and its rendez-vous.
    await context.setOffline(false);
    const stored = await eventually(async () => {
      const [youth, ...others] = await storedYouthNamed('Maëlys-Océane');
      expect(others).toEqual([]);
      expect(youth?.data.status).toBe('premier-accueil');
      return youth!;
    }, 60_000);
    expect(stored.data).toMatchObject({
      lastName: 'Le Bihan-Kerjean',
      birthDate: '2006',
      siteId: PERSEIGNE.id,
      referentId: yacine.id,
      consent: {
        freeAdherence: true,
        rgpdInformedOn: today(systemClock),
        recontactAgreed: true,
      },
      outreach: { place: 'Perseigne', need: 'emploi' },
      createdOn: today(systemClock),
    });
    const appointments = await eventually(async () => {
      const rows = await server.storage.pull('appointments', 0, 100_000, { all: true });
      const found = rows.filter((row) => row.document.data.youthId === stored.id);
      expect(found).toHaveLength(1);
      return found;
    }, 30_000);
    expect(appointments[0]!.document.data).toMatchObject({
      siteId: PERSEIGNE.id,
      staffId: yacine.id,
      status: 'planifie',
      durationMinutes: 45,
    });
    expect(browser.errors).toEqual([]);
  });
});
