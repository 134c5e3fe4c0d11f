/**
 * `npm run screenshots:field`: the screenshots that issue 14 (field test fixes) changed or added,
 * taken on the real build served by the real server with the demo Mission Locale: the first
 * download in progress (14-), the agenda week Monday–Saturday (laptop and tablet), the site form,
 * the permanence and the portefeuille on a tablet held upright (header on one line), and the
 * aller-vers message after a contact saved online.
 */
import { mkdirSync, rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DEMO_SITES } from '../../sync-server/src/demo/organisation';
import { buildPwa, startAppServer, type AppServer } from '../e2e/support/app-server';
import { openBrowser } from '../e2e/support/browser';
import { logIn } from '../e2e/support/pages';
import { ensureChromium } from '../setup/ensure-chromium';

const OUT = new URL('../../public/screenshots/', import.meta.url).pathname;
const SEES = DEMO_SITES.find((site) => site.name === 'Permanence de Sées')!.id;
const LAPTOP = { width: 1280, height: 800 };
const TABLET = { width: 768, height: 1024 };

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: `${OUT}${name}.png`, fullPage });
  console.log(`public/screenshots/${name}.png`);
}

async function signedIn(server: AppServer, login: string, viewport: typeof LAPTOP) {
  const browser = await openBrowser({ viewport, hasTouch: viewport.width < 1000 });
  await logIn(browser.page, server.url, login);
  await browser.page.getByText('En ligne', { exact: true }).waitFor({ timeout: 180_000 });
  return browser;
}

/** Opens a screen inside the app (no reload) and lets its live queries settle. */
async function open(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.locator('main h1').first().waitFor();
  await page
    .waitForFunction(() => !/Lecture du dossier|chargement…/.test(document.body.innerText), null, {
      timeout: 30_000,
    })
    .catch(() => undefined);
  await page.waitForTimeout(1_500);
}

async function lastDayWithRendezVous(server: AppServer, siteId: string): Promise<string> {
  const today = new Date().toISOString().slice(0, 10);
  const rows = await server.storage.pull('appointments', 0, 5000, { all: true });
  const days = rows
    .map(({ document }) => document.data)
    .filter((a) => a.siteId === siteId && String(a.start).slice(0, 10) <= today)
    .map((a) => String(a.start).slice(0, 10))
    .sort();
  return days.at(-1) ?? today;
}

async function main(): Promise<void> {
  ensureChromium();
  mkdirSync(OUT, { recursive: true });
  const staticDir = buildPwa();
  // The demo at full size: the siège's first download takes long enough to be seen.
  const server = await startAppServer({ staticDir, youths: 1400 });
  try {
    // Direction's first sign-in on a fresh device: the first download, as it goes.
    const siege = await openBrowser({ viewport: { width: 1440, height: 900 } });
    await logIn(siege.page, server.url, 'direction');
    await siege.page.waitForFunction(
      () => {
        const bar = document.querySelector('[role="progressbar"]');
        const now = Number(bar?.getAttribute('aria-valuenow') ?? 0);
        const max = Number(bar?.getAttribute('aria-valuemax') ?? 0);
        return (
          max > 0 && now > max * 0.3 && /restantes/.test(bar?.getAttribute('aria-valuetext') ?? '')
        );
      },
      null,
      { timeout: 120_000, polling: 100 },
    );
    await shoot(siege.page, '14-telechargement-initial');
    await siege.page.getByText('En ligne', { exact: true }).waitFor({ timeout: 180_000 });
    await open(siege.page, `/sites/${SEES}`);
    await siege.page.locator('.site-form .field-checkbox').waitFor();
    await siege.page.setViewportSize(LAPTOP);
    await shoot(siege.page, '4-site-form', true);
    await siege.close();

    const laptop = await signedIn(server, 'camille.martin', LAPTOP);
    await open(laptop.page, '/');
    await shoot(laptop.page, '3-portefeuille');
    await open(laptop.page, `/agenda?site=${SEES}`);
    await shoot(laptop.page, '4-agenda-week');
    await laptop.close();

    const tablet = await signedIn(server, 'camille.martin', TABLET);
    await open(tablet.page, '/');
    await shoot(tablet.page, '3-tablette-portefeuille');
    await open(tablet.page, `/agenda?site=${SEES}`);
    await shoot(tablet.page, '4-agenda-week-tablet');
    // The last day Sées opened, with its rendez-vous (the demo keeps them to opening days).
    const day = await lastDayWithRendezVous(server, SEES);
    await open(tablet.page, `/permanence?site=${SEES}&date=${day}`);
    await shoot(tablet.page, '4-permanence-tablet');
    await tablet.close();

    // Aller vers on a tablet, online: the message says the contact was sent.
    const street = await signedIn(server, 'yacine.haddad', TABLET);
    await open(street.page, '/aller-vers');
    const page = street.page;
    await page.getByRole('textbox', { name: 'Prénom' }).fill('Maëlys');
    await page.getByRole('textbox', { name: 'Année ou date de naissance' }).fill('2006');
    await page.getByRole('radio', { name: 'Perseigne' }).check();
    await page.getByRole('radio', { name: 'Emploi' }).check();
    await page.getByRole('checkbox', { name: /J’ai lu cette information/ }).check();
    await page.getByRole('radio', { name: 'Oui' }).check();
    await page.getByRole('button', { name: /Enregistrer/ }).click();
    await page.getByText(/Contact enregistré et envoyé au siège/).waitFor({ timeout: 60_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, '5-premier-contact-portrait');
    await street.close();
  } finally {
    await server.close();
    rmSync(staticDir, { recursive: true, force: true });
  }
}

await main();
