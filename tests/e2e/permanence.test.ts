/**
 * Issue 4's "done when", in a real Chromium against the real server: at a permanence with the
 * network cut, a demo adviser sees the day, receives a young person, marks them present with an
 * entretien, books the next rendez-vous and works the relance list; once back online the siège
 * (the server) has it all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, newRev } from '../../src/domain/ids';
import { addDays, systemClock, today } from '../../src/domain/time';
import { DEMO_SITES, DEMO_STAFF } from '../../sync-server/src/demo/organisation';
import { storeDocuments } from '../../sync-server/src/demo/seed';
import { startAppServer, type AppServer } from './support/app-server';
import { openBrowser, type Browser } from './support/browser';
import { logIn } from './support/pages';
import { PermanencePage, RelancesPage, waitForAllSent } from './support/permanence-pages';
import { waitForServiceWorker } from './support/pwa';

let server: AppServer;
let browser: Browser;

const camille = DEMO_STAFF.find((s) => s.login === 'camille.martin')!;
const sees = DEMO_SITES.find((s) => s.name === 'Permanence de Sées')!;
const day = today(systemClock);
const stamp = () => ({
  id: newId(),
  rev: newRev(),
  updatedAt: new Date().toISOString(),
  updatedBy: camille.id,
});
const youth = (firstName: string, lastName: string, createdOn: string) => ({
  ...stamp(),
  firstName,
  lastName,
  birthDate: '2005-03-14',
  siteId: sees.id,
  referentId: camille.id,
  status: 'accompagne',
  communeInsee: sees.communeInsee,
  createdOn,
  consent: { freeAdherence: true, rgpdInformedOn: createdOn, recontactAgreed: true },
});
// Booked at the siège for today at Sées; and a young person not seen for 200 days.
const lina = youth('Lina', 'Testard', addDays(day, -40));
const hugo = youth('Hugo', 'Relancé', addDays(day, -200));
const rendezVous = {
  ...stamp(),
  youthId: lina.id,
  siteId: sees.id,
  staffId: camille.id,
  start: `${day}T09:30`,
  durationMinutes: 45,
  status: 'planifie',
  subject: 'Point formation',
};

beforeAll(async () => {
  server = await startAppServer();
  await storeDocuments(server.storage, { youths: [lina, hugo], appointments: [rendezVous] });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a day at the permanence of Sées, offline', () => {
  it('works the day offline and the siège has it all after reconnection', async () => {
    const { page, context } = browser;
    await logIn(page, server.url, camille.login);
    await page.getByRole('heading', { name: 'Portefeuille' }).waitFor();

    const permanence = new PermanencePage(page);
    await permanence.open(sees.name);
    // Prepared at the siège: the day is on the device before the network goes.
    await permanence.card('Lina Testard').waitFor({ timeout: 90_000 });
    // The service worker holds the code of the screens not opened yet (the relance list).
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.getByText('Hors ligne', { exact: true }).waitFor();

    await permanence.markPresentWithEntretien('Lina Testard', {
      theme: 'Formation',
      report: 'Inscription au CAP AEPE à confirmer.',
    });
    const next = await permanence.bookNextRendezVous('Lina Testard');

    const relances = new RelancesPage(page);
    await relances.open();
    await relances.logRelance('Hugo Relancé', 'Téléphone');

    await page.getByText(/\d+ modifications? non envoyées?/).waitFor();
    await context.setOffline(false);
    await waitForAllSent(page);

    const appointments = (await server.storage.pull('appointments', 0, 100_000, { all: true }))
      .map((row) => row.document.data)
      .filter((a) => a.youthId === lina.id);
    const events = (await server.storage.pull('events', 0, 100_000, { all: true })).map(
      (row) => row.document.data,
    );
    const entretien = events.find((e) => e.youthId === lina.id);
    expect(entretien).toMatchObject({
      kind: 'entretien-individuel',
      appointmentId: rendezVous.id,
      themes: ['formation'],
      report: 'Inscription au CAP AEPE à confirmer.',
      authorId: camille.id,
    });
    expect(appointments).toContainEqual(
      expect.objectContaining({ id: rendezVous.id, status: 'present', eventId: entretien!.id }),
    );
    expect(appointments).toContainEqual(
      expect.objectContaining({ status: 'planifie', start: next, staffId: camille.id }),
    );
    expect(events.find((e) => e.youthId === hugo.id)).toMatchObject({
      kind: 'relance',
      channel: 'telephone',
      followUpOn: addDays(day, 7),
      authorId: camille.id,
    });
    expect(browser.errors).toEqual([]);
  });
});
