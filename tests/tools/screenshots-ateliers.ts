/**
 * `npm run screenshots:ateliers`: the « Ateliers » screens of issue 15 (items 1 and 2) on the
 * real build served by the real server with the demo Mission Locale: the week of sessions site
 * by site and the planning form refusing an end before the start (laptop, 1366×768), the
 * catalogue, and « mes sessions » on a tablet in portrait (768×1024).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { buildPwa, startAppServer } from '../e2e/support/app-server';
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
    await laptop.close();

    const tablet = await openBrowser({ viewport: { width: 768, height: 1024 }, hasTouch: true });
    await openAteliers(tablet.page, server.url, 'camille.martin');
    await tablet.page.getByRole('button', { name: 'Mes sessions', exact: true }).click();
    await tablet.page.locator('.session-item').first().waitFor({ timeout: 60_000 });
    await shoot(tablet.page, '15-ateliers-mes-sessions-tablette');
    await tablet.page.getByRole('button', { name: 'Semaine', exact: true }).click();
    await tablet.page.locator('.session-item').first().waitFor({ timeout: 60_000 });
    await tablet.page.locator('.session-item').first().click();
    await tablet.page.getByRole('button', { name: 'Annuler cette session…' }).waitFor();
    await shoot(tablet.page, '15-ateliers-semaine-tablette');
    await tablet.close();
  } finally {
    await server.close();
  }
}

await main();
