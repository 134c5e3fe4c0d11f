/**
 * `npm run screenshots:statistiques`: the « Statistiques » screen of issue 17 on the real build
 * served by the real server with the whole demo Mission Locale: direction's report of the last
 * complete year for every site on a laptop (1440×900: the key figures, then the monthly activity
 * and the territory) — the year the demo reproduces the projet associatif's figures in — and an
 * adviser's own figures on a tablet in portrait (768×1024).
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

async function openStatistics(page: Page, baseUrl: string, login: string): Promise<void> {
  await logIn(page, baseUrl, login);
  await page.getByText('En ligne', { exact: true }).waitFor({ timeout: 180_000 });
  await page.getByRole('link', { name: 'Statistiques', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /Statistiques/ }).waitFor({ timeout: 30_000 });
  await page.locator('.indicator-card').first().waitFor({ timeout: 120_000 });
}

async function main(): Promise<void> {
  ensureChromium();
  mkdirSync(OUT, { recursive: true });
  const server = await startAppServer({ staticDir: buildPwa(), youths: 'full' });
  try {
    const laptop = await openBrowser({ viewport: { width: 1440, height: 900 } });
    await openStatistics(laptop.page, server.url, 'direction');
    const page = laptop.page;
    const lastYear = String(new Date().getFullYear() - 1);
    const report = page.waitForResponse((r) => r.url().includes(`from=${lastYear}-01-01`));
    await page.getByLabel('Année').selectOption(lastYear);
    await report;
    await page.getByRole('heading', { name: new RegExp(`Période.*${lastYear}`) }).waitFor();
    await page.waitForTimeout(500);
    await page.getByRole('heading', { name: /^Période/ }).scrollIntoViewIfNeeded();
    await shoot(page, '17-statistiques-direction');
    await page
      .getByRole('heading', { name: 'Activité par mois' })
      .evaluate((h) => h.scrollIntoView());
    await shoot(page, '17-statistiques-direction-activite');
    await page.getByRole('heading', { name: 'Territoire' }).evaluate((h) => h.scrollIntoView());
    await shoot(page, '17-statistiques-direction-territoire');
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, '17-statistiques-rapport-impression');
    await laptop.close();

    const tablet = await openBrowser({ viewport: { width: 768, height: 1024 }, hasTouch: true });
    await openStatistics(tablet.page, server.url, 'camille.martin');
    await shoot(tablet.page, '17-statistiques-conseiller-tablette');
    await tablet.close();
  } finally {
    await server.close();
  }
}

await main();
