/**
 * `npm run screenshots:mobilite`: Atelier Mob (issue 16) on the real build served by the real
 * server with the demo Mission Locale (its fleet, a year of loans, a late one, and the double
 * booking two permanences made offline): the fleet's month, the loans with the late return
 * flagged, « qui est disponible ? », a loan in a dossier and its printed contract, and the
 * double booking as the siège reviews it (laptop, 1366×768).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { buildPwa, startAppServer } from '../e2e/support/app-server';
import { openBrowser } from '../e2e/support/browser';
import { logIn, signInIfAsked } from '../e2e/support/pages';
import { ensureChromium } from '../setup/ensure-chromium';

const OUT = new URL('../../public/screenshots/', import.meta.url).pathname;

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: `${OUT}${name}.png`, fullPage });
  console.log(`public/screenshots/${name}.png`);
}

async function main(): Promise<void> {
  ensureChromium();
  mkdirSync(OUT, { recursive: true });
  const server = await startAppServer({ staticDir: buildPwa() });
  try {
    const laptop = await openBrowser({ viewport: { width: 1366, height: 768 } });
    const page = laptop.page;
    await logIn(page, server.url, 'direction');
    await page.getByText('En ligne', { exact: true }).waitFor({ timeout: 180_000 });
    await page.getByRole('link', { name: 'Atelier Mob', exact: true }).click();
    await page.getByRole('table', { name: /Planning des véhicules/ }).waitFor({ timeout: 60_000 });
    await page.locator('.day.is-en-cours').first().waitFor({ timeout: 60_000 });
    await shoot(page, '16-mobilite-planning');

    await page.getByRole('button', { name: 'Prêts', exact: true }).click();
    await page.locator('.loan-card').first().waitFor();
    await shoot(page, '16-mobilite-prets-retard');

    await page.getByRole('button', { name: 'Qui est disponible ?' }).click();
    await page.getByRole('list', { name: 'Véhicules disponibles' }).waitFor();
    await shoot(page, '16-mobilite-disponibles');

    // A loan in its dossier: the demo's late one.
    const rows = await server.storage.pull('mobility', 0, 5000, { all: true });
    const late = rows
      .map((row) => row.document.data)
      .find(
        (d) =>
          d.kind === 'loan' &&
          d.checkedOutOn &&
          !d.returnedOn &&
          String(d.endDate) < new Date().toISOString().slice(0, 10),
      );
    if (late) {
      await page.goto(`${server.url}/dossiers/${String(late.youthId)}/mobilite`);
      await signInIfAsked(page);
      await page.locator('.loan-card').first().waitFor({ timeout: 60_000 });
      await shoot(page, '16-dossier-pret');
      await page.getByRole('button', { name: 'Imprimer le contrat de prêt' }).first().click();
      await page.emulateMedia({ media: 'print' });
      await page.getByRole('region', { name: 'Contrat de prêt' }).waitFor();
      await shoot(page, '16-contrat-de-pret', true);
      await page.emulateMedia({ media: 'screen' });
    }

    await page.getByRole('link', { name: 'Réconciliation', exact: true }).click();
    const review = page.locator('.conflict-card').filter({ hasText: 'Double réservation' }).first();
    await review.waitFor({ timeout: 60_000 });
    await review.evaluate((card) => card.scrollIntoView({ block: 'start' }));
    await shoot(page, '16-reconciliation-double-reservation');
    await laptop.close();
  } finally {
    await server.close();
  }
}

await main();
