/**
 * `npm run screenshots:ateliers`: the « Ateliers » screens of issue 15 on the real build served
 * by the real server with the demo Mission Locale: the week of sessions site by site and the
 * planning form refusing an end before the start (laptop, 1366×768), the catalogue, and « mes
 * sessions » on a tablet in portrait (768×1024); then (items 3–6) the présence figures of the
 * demo, a session's sign-ups with its waiting list, and the émargement of a session of today on
 * the laptop and on the tablet (one signature drawn).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../sync-server/src/demo/organisation';
import { addMinutesToDateTime, nowLocal, systemClock } from '../../src/domain/time';
import { createApiClient } from '../../src/sync/api';
import { buildAttendance, buildWorkshop, wire } from '../support/builders';
import { createDeviceFetch } from '../support/cookie-fetch';
import { buildPwa, startAppServer, type AppServer } from '../e2e/support/app-server';
import { openBrowser } from '../e2e/support/browser';
import { logIn } from '../e2e/support/pages';
import { ensureChromium } from '../setup/ensure-chromium';

const OUT = new URL('../../public/screenshots/', import.meta.url).pathname;

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${OUT}${name}.png` });
  console.log(`public/screenshots/${name}.png`);
}

/** `YYYY-MM-DD` in `days` days, local time. */
function dayIn(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function openAteliers(page: Page, baseUrl: string, login: string): Promise<void> {
  await logIn(page, baseUrl, login);
  await page.getByText('En ligne', { exact: true }).waitFor({ timeout: 180_000 });
  await page.getByRole('link', { name: 'Ateliers', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /Ateliers/ }).waitFor({ timeout: 30_000 });
}

/**
 * A session of today at the siège run by Camille, begun 30 minutes ago, 12 places and 14
 * sign-ups of young people of her sites (two wait), signatures required: pushed as Camille.
 */
async function sessionOfToday(server: AppServer): Promise<{ id: string; names: string[] }> {
  const camille = DEMO_STAFF.find((s) => s.login === 'camille.martin')!;
  const rows = await server.storage.pull('youths', 0, 1_000_000, { all: true });
  const youths = rows
    .map((row) => row.document.data)
    .filter((y) => camille.siteIds.includes(String(y.siteId)) && !y.mergedInto)
    .slice(0, 14);
  const session = buildWorkshop({
    title: 'Atelier CV et lettre de motivation',
    actionId: '0190a000-0000-7000-b000-000000000001',
    siteId: camille.siteIds.at(-1)!,
    // On the quarter hour, 30 to 45 minutes ago.
    start: quarterHour(addMinutesToDateTime(nowLocal(systemClock), -30)),
    durationMinutes: 120,
    capacity: 12,
    requiresSignature: true,
    facilitatorId: camille.id,
  });
  const api = createApiClient({ baseUrl: server.url, fetch: createDeviceFetch().fetch });
  await api.login(camille.login, DEMO_PASSWORD);
  await api.push('workshops', [{ newDocumentState: wire(session) }]);
  for (const [i, youth] of youths.entries()) {
    const signUp = buildAttendance({
      workshopId: session.id,
      youthId: String(youth.id),
      registeredAt: `${dayIn(-7)}T10:${String(i).padStart(2, '0')}`,
      status: 'prescrit',
    });
    await api.push('attendances', [{ newDocumentState: wire(signUp) }]);
  }
  return {
    id: session.id,
    names: youths.map((y) => `${String(y.firstName)} ${String(y.lastName)}`),
  };
}

function quarterHour(moment: string): string {
  const minutes = Math.floor(Number(moment.slice(14, 16)) / 15) * 15;
  return `${moment.slice(0, 14)}${String(minutes).padStart(2, '0')}`;
}

async function openEmargement(page: Page, id: string, last: string): Promise<void> {
  await page.evaluate((path) => {
    history.pushState(null, '', path);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `/ateliers/${id}/emargement`);
  await page.getByRole('button', { name: `Présent·e : ${last}` }).waitFor({ timeout: 120_000 });
}

async function main(): Promise<void> {
  ensureChromium();
  mkdirSync(OUT, { recursive: true });
  const server = await startAppServer({ staticDir: buildPwa() });
  try {
    const laptop = await openBrowser({ viewport: { width: 1366, height: 768 } });
    await openAteliers(laptop.page, server.url, 'direction');
    const page = laptop.page;
    await page.locator('.session-item').first().waitFor({ timeout: 60_000 });
    await shoot(page, '15-ateliers-semaine');

    await page.getByRole('button', { name: 'Planifier une session' }).click();
    await page.getByRole('option', { name: "Atelier simulation d'entretien" }).waitFor({
      state: 'attached',
    });
    await page.getByLabel(/^Action/).selectOption({ label: "Atelier simulation d'entretien" });
    await page.getByLabel(/^Site organisateur/).selectOption({ label: 'Siège — Alençon' });
    await page.getByLabel(/^Date \*$/).fill(dayIn(7));
    await page.getByLabel(/^Fin/).fill('13:00');
    await page.getByLabel(/^Lieu extérieur/).fill('Entreprise Lemaître, Sées');
    // The direction's account runs no session itself: the animateur is left to choose, and
    // the form says so beside the end before the start.
    await page.getByRole('button', { name: 'Planifier la session' }).click();
    await page.getByText('La fin d’une session doit suivre son début').waitFor();
    await page.getByLabel(/^Fin/).evaluate((field) => field.scrollIntoView({ block: 'center' }));
    await shoot(page, '15-ateliers-planifier-erreur');

    await page.getByLabel(/^Fin/).fill('16:00');
    await page.getByLabel(/^Animateur·rice/).selectOption({ label: 'Camille Martin' });
    await page.getByLabel(/^Date limite/).fill(dayIn(6));
    await page.getByLabel(/^Répéter chaque/).check();
    await shoot(page, '15-ateliers-planifier-serie');
    await page.getByRole('button', { name: 'Planifier la série' }).click();
    await page.getByRole('button', { name: 'Planifier la série' }).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Catalogue', exact: true }).click();
    await page.getByRole('table').waitFor();
    await shoot(page, '15-ateliers-catalogue');

    // Items 3–6: the demo's présence, a session's sign-ups, the émargement.
    const today = await sessionOfToday(server);
    await page.getByRole('button', { name: 'Présence', exact: true }).click();
    await page.getByText(/Taux de présence :/).waitFor({ timeout: 60_000 });
    await page.getByRole('table').waitFor();
    await shoot(page, '15-ateliers-presence');
    await page.evaluate((path) => {
      history.pushState(null, '', path);
      dispatchEvent(new PopStateEvent('popstate'));
    }, `/ateliers?session=${today.id}`);
    await page.getByText('Liste d’attente', { exact: true }).waitFor({ timeout: 60_000 });
    await page
      .getByRole('button', { name: /^Convocation/ })
      .first()
      .click();
    await page
      .getByText(/^Bonjour /)
      .first()
      .waitFor();
    await page.locator('.session-signups').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shoot(page, '15-ateliers-inscriptions');
    await openEmargement(page, today.id, today.names[13]!);
    for (const [i, name] of today.names.slice(0, 8).entries()) {
      await page
        .getByRole('button', {
          name: `${i === 5 ? 'Absent·e' : i === 6 ? 'Excusé·e' : 'Présent·e'} : ${name}`,
        })
        .click();
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, '15-emargement-portable');
    await laptop.close();

    const tablet = await openBrowser({ viewport: { width: 768, height: 1024 }, hasTouch: true });
    await openAteliers(tablet.page, server.url, 'camille.martin');
    await tablet.page.getByRole('button', { name: 'Mes sessions', exact: true }).click();
    await tablet.page.locator('.session-item').first().waitFor({ timeout: 60_000 });
    await shoot(tablet.page, '15-ateliers-mes-sessions-tablette');
    await tablet.page.getByRole('button', { name: 'Semaine', exact: true }).click();
    await tablet.page.locator('.session-item').first().waitFor({ timeout: 60_000 });
    // A session to come (the last of the week): its panel offers the cancellation.
    await tablet.page.locator('.session-item').last().click();
    await tablet.page.getByRole('button', { name: 'Annuler cette session…' }).waitFor();
    await shoot(tablet.page, '15-ateliers-semaine-tablette');

    const tab = tablet.page;
    await openEmargement(tab, today.id, today.names[13]!);
    await tab.getByRole('button', { name: `Faire signer ${today.names[0]!}` }).tap();
    const pad = tab.getByRole('img', { name: `Cadre de signature de ${today.names[0]!}` });
    const box = (await pad.boundingBox())!;
    await tab.mouse.move(box.x + 30, box.y + box.height * 0.65);
    await tab.mouse.down();
    for (let i = 1; i <= 24; i++) {
      await tab.mouse.move(
        box.x + 30 + i * 18,
        box.y + box.height * (0.6 - 0.3 * Math.sin(i / 1.5) + (i > 16 ? 0.15 : 0)),
      );
    }
    await tab.mouse.up();
    await tab.getByRole('button', { name: 'Valider la signature' }).tap();
    await tab.getByRole('img', { name: `Signature de ${today.names[0]!}` }).waitFor();
    await tab.getByRole('button', { name: `Présent·e : ${today.names[8]!}` }).tap();
    await tab.evaluate(() => window.scrollTo(0, 0));
    await shoot(tab, '15-emargement-tablette');
    await tablet.close();
  } finally {
    await server.close();
  }
}

await main();
