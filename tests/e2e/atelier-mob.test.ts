/**
 * Issue 16 in a real Chromium against the real server (demo fleet): an adviser of Sées books a
 * vélo à assistance électrique from a young person's dossier, prints the contrat de prêt (the
 * print stylesheet shows the contract alone), hands the vehicle over; its return day passed, the
 * loan is flagged late in the dossier and on the Atelier Mob screen; the late return is
 * recorded and reaches the server. axe-core finds nothing on the new screens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, newRev } from '../../src/domain/ids';
import { addDays, systemClock, today } from '../../src/domain/time';
import { DEMO_SITES, DEMO_STAFF } from '../../sync-server/src/demo/organisation';
import { storeDocuments } from '../../sync-server/src/demo/seed';
import { startAppServer, type AppServer } from './support/app-server';
import { axeViolations, describeViolations } from './support/axe';
import { openBrowser, type Browser } from './support/browser';
import { logIn, signInIfAsked } from './support/pages';
import { waitForAllSent } from './support/permanence-pages';

let server: AppServer;
let browser: Browser;

const camille = DEMO_STAFF.find((s) => s.login === 'camille.martin')!;
const sees = DEMO_SITES.find((s) => s.name === 'Permanence de Sées')!;
const day = today(systemClock);
const lina = {
  id: newId(),
  rev: newRev(),
  updatedAt: new Date().toISOString(),
  updatedBy: camille.id,
  firstName: 'Lina',
  lastName: 'Testard',
  birthDate: '2003-03-14',
  siteId: sees.id,
  referentId: camille.id,
  status: 'accompagne',
  communeInsee: sees.communeInsee,
  barriers: ['mobilite'],
  createdOn: addDays(day, -60),
  consent: { freeAdherence: true, rgpdInformedOn: addDays(day, -60), recontactAgreed: true },
};
// The demo's third vélo is free over these days (src/demo/mobility.ts); the loan ends 3 days ago.
const start = addDays(day, -10);
const end = addDays(day, -3);
const VEHICLE = 'Vélo à assistance électrique n°3';

beforeAll(async () => {
  server = await startAppServer();
  await storeDocuments(server.storage, { youths: [lina] });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function expectNoAxeViolations() {
  expect(describeViolations(await axeViolations(browser.page))).toEqual([]);
}

describe('a vehicle lent from the dossier', () => {
  it('books, prints the contract, hands over, flags the late return, takes it back', async () => {
    const { page } = browser;
    await logIn(page, server.url, camille.login);
    await page.getByRole('heading', { name: 'Portefeuille' }).waitFor();
    await page.goto(`${server.url}/dossiers/${lina.id}/mobilite`);
    await signInIfAsked(page);
    await page
      .getByRole('heading', { name: 'Prêts de véhicule (Atelier Mob)' })
      .waitFor({ timeout: 60_000 });

    // Book.
    await page.getByRole('button', { name: 'Réserver un véhicule' }).click();
    const form = page.getByRole('form', { name: 'Réserver un véhicule pour Lina' });
    await form
      .getByLabel('Véhicule')
      .selectOption({ label: `${VEHICLE} — Vélo à assistance électrique` });
    await form.getByLabel('Départ le').fill(start);
    await form.getByLabel('Retour le (inclus)').fill(end);
    await form.getByLabel(/^Motif/).selectOption({ label: 'Emploi' });
    await form.getByLabel('Permis présenté').selectOption({ label: 'Aucun permis' });
    // Without the conditions accepted, the booking is refused in words.
    await form.getByRole('button', { name: 'Réserver' }).click();
    await form.getByText('Le jeune doit avoir pris connaissance des conditions').waitFor();
    await form
      .getByLabel('Le jeune a pris connaissance des conditions du prêt et les accepte')
      .check();
    await form.getByRole('button', { name: 'Réserver' }).click();
    const card = page.getByRole('article', { name: 'Prêt de Lina Testard' });
    await card.getByText('À remettre au jeune').waitFor();
    await expectNoAxeViolations();

    // Print the contract: on paper, the contract alone.
    await card.getByRole('button', { name: 'Imprimer le contrat de prêt' }).click();
    await page.emulateMedia({ media: 'print' });
    const contract = page.getByRole('region', { name: 'Contrat de prêt' });
    await contract.getByRole('heading', { name: /Contrat de prêt de véhicule/ }).waitFor();
    expect(await contract.isVisible()).toBe(true);
    expect(await contract.textContent()).toContain('Lina Testard');
    expect(await contract.textContent()).toContain('Conditions du prêt');
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).isVisible()).toBe(
      false,
    );
    expect(await card.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(await contract.isVisible()).toBe(false);

    // Hand the vehicle over on the first day: its return day has passed, so it is late.
    await card.getByRole('button', { name: 'Remettre le véhicule' }).click();
    await card.getByLabel('Remis le').fill(start);
    await card.getByLabel('Kilométrage (compteur)').fill('120');
    await card.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await card.getByText('En retard depuis 3 jours').waitFor();
    await page.getByRole('alert').filter({ hasText: 'Retour en retard' }).waitFor();

    // The Atelier Mob screen flags it too; its planning and availability pass axe.
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Atelier Mob' })
      .click();
    await page.getByRole('heading', { name: /Atelier Mob/ }).waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: `${VEHICLE} (Lina Testard, 3 jours)` })
      .waitFor();
    await page.getByRole('table', { name: /Planning des véhicules/ }).waitFor();
    await expectNoAxeViolations();
    await page.getByRole('button', { name: 'Qui est disponible ?' }).click();
    await page.getByRole('list', { name: 'Véhicules disponibles' }).waitFor();
    await page.getByText(/réponse d’après ce que sait cet appareil/).waitFor();
    await expectNoAxeViolations();

    // Take it back, late.
    await page.goto(`${server.url}/dossiers/${lina.id}/mobilite`);
    await signInIfAsked(page);
    const again = page.getByRole('article', { name: 'Prêt de Lina Testard' });
    await again.getByRole('button', { name: 'Enregistrer le retour' }).click();
    await again.getByLabel('Rendu le').fill(day);
    await again.getByLabel('Kilométrage (compteur)').fill('310');
    await again.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await again.getByText('Rendu', { exact: true }).waitFor();
    await waitForAllSent(page);
    const loans = (await server.storage.pull('mobility', 0, 5000, { all: true }))
      .map((row) => row.document.data)
      .filter((loan) => loan.youthId === lina.id);
    expect(loans).toHaveLength(1);
    expect(loans[0]).toMatchObject({
      startDate: start,
      endDate: end,
      checkedOutOn: start,
      checkoutKm: 120,
      returnedOn: day,
      returnKm: 310,
      authorId: camille.id,
    });
  });
});
