/**
 * Issue 11's first promise, end to end: a lost laptop reveals nothing. A dossier of the
 * adviser's caseload holds canaries (distinctive identity, contact, address, note, compte-rendu,
 * RQTH / ASE / justice set); the adviser signs in, the first sync brings it, she edits it offline
 * and leaves a note half-typed with two boxes ticked, and the browser is closed. Then the whole
 * profile folder is searched — IndexedDB and Local Storage LevelDB tables block by block once
 * Snappy-decompressed, logs, Session Storage, Service Worker, Cache Storage, the session-restore
 * files — for each canary in UTF-8, Latin-1 and UTF-16: nothing. The same scan finds the
 * dossier's id (kept in clear for queries), which proves it reads the stored records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../sync-server/src/demo/organisation';
import { buildEvent, buildYouth, wire } from '../support/builders';
import { loggedInClient } from '../support/http';
import { startAppServer, type AppServer } from './support/app-server';
import { openBrowser, type Browser } from './support/browser';
import { logIn, waitForCaseload } from './support/pages';
import { scanProfile, v8TrueProperty, type Needle } from './support/profile-scan';
import { waitForServiceWorker } from './support/pwa';

const CANARY = {
  lastName: 'Quasimodeau',
  firstName: 'Zéphyrine',
  phone: '07 13 57 92 46',
  email: 'zephyrine.quasimodeau@canari.example',
  address: '13 impasse du Canari-Jaune, Courteille',
  notes: 'Canari-note : rendez-vous CMP le mardi',
};
const REPORT = 'Canari-compte-rendu : démarches logement foyer';
const OFFLINE_NOTE = 'Canari-hors-ligne : appel à la mairie de Sées';
const DRAFT_NOTE = 'Canari-brouillon : ne pas enregistrer';

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

describe('a lost laptop', () => {
  it('keeps nothing personal in clear anywhere in the browser profile', async () => {
    const camille = DEMO_STAFF.find((s) => s.login === 'camille.martin')!;
    const youth = buildYouth({
      ...CANARY,
      siteId: camille.siteIds[0]!,
      referentId: camille.id,
      status: 'accompagne',
      rqth: true,
      ase: true,
      justice: true,
    });
    const siege = await loggedInClient(server.url, 'direction', DEMO_PASSWORD);
    await siege.push('youths', [{ newDocumentState: wire(youth) }]);
    await siege.push('events', [
      { newDocumentState: wire(buildEvent({ youthId: youth.id, report: REPORT })) },
    ]);

    const { page, context } = browser;
    await logIn(page, server.url, camille.login);
    await waitForCaseload(page);
    await page.getByText('En ligne', { exact: true }).waitFor({ timeout: 60_000 });
    await waitForServiceWorker(page);
    await page.getByRole('searchbox').fill(CANARY.lastName);
    await page.getByRole('link', { name: CANARY.lastName }).click();
    await page.getByText(REPORT).waitFor();

    // Offline: an edit saved, then a note typed and two boxes ticked, not saved.
    await context.setOffline(true);
    await page.getByRole('link', { name: 'Identité et situation' }).click();
    await page.getByRole('textbox', { name: 'Notes' }).fill(`${CANARY.notes}\n${OFFLINE_NOTE}`);
    await page.getByRole('button', { name: 'Enregistrer le dossier' }).click();
    await page.getByText('Dossier enregistré sur cet appareil.').waitFor();
    await page.getByRole('textbox', { name: 'Notes' }).fill(DRAFT_NOTE);
    await page.getByLabel("Suivi ASE (aide sociale à l'enfance)").uncheck();
    await page.getByLabel("Suivi ASE (aide sociale à l'enfance)").check();
    await browser.quit();

    const needles: Needle[] = [
      ...Object.entries(CANARY).map(([name, value]) => ({ name, value })),
      { name: 'report', value: REPORT },
      { name: 'offline note', value: OFFLINE_NOTE },
      { name: 'draft note', value: DRAFT_NOTE },
      ...['rqth', 'ase', 'justice'].flatMap((flag) => [
        { name: `${flag} (V8)`, value: v8TrueProperty(flag) },
        { name: `${flag} (JSON)`, value: `"${flag}":true` },
      ]),
      { name: 'dossier id (clear, the control)', value: youth.id },
    ];
    const report = scanProfile(browser.profile, needles);
    console.log(
      `Profile scan: ${report.files} files, ${(report.bytes / 1e6).toFixed(1)} MB, ` +
        `${report.decompressedBlocks} LevelDB blocks and ${report.decompressedValues} values ` +
        `decompressed, ${report.hits.length} hits`,
    );
    const leaks = report.hits.filter((hit) => !hit.needle.startsWith('dossier id'));
    expect(leaks).toEqual([]);
    const control = report.hits.filter((hit) => hit.needle.startsWith('dossier id'));
    expect(control.some((hit) => hit.file.includes('IndexedDB'))).toBe(true);
    expect(report.decompressedBlocks).toBeGreaterThan(0);
  });
});
