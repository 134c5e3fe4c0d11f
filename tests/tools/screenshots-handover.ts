/**
 * `npm run screenshots:handover`: the « Passation de dossiers » of issue 18 on the real build
 * served by the real server with the demo Mission Locale: the screen filled in by the direction
 * (1366×768), its result, a dossier showing its handover in its header; then the i-milo export
 * of last month with its report.
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

async function main(): Promise<void> {
  ensureChromium();
  mkdirSync(OUT, { recursive: true });
  const server = await startAppServer({ staticDir: buildPwa() });
  try {
    const siege = await openBrowser({ viewport: { width: 1366, height: 768 } });
    const { page } = siege;
    await logIn(page, server.url, 'direction');
    await page.getByText('En ligne', { exact: true }).waitFor({ timeout: 180_000 });
    await page.getByRole('link', { name: 'Passation', exact: true }).click();
    await page.getByLabel('Référent·e actuel·le').selectOption({ label: 'Camille Martin' });
    const boxes = page.getByRole('list').getByRole('checkbox');
    await boxes.first().waitFor();
    for (let i = 0; i < Math.min(3, await boxes.count()); i += 1) await boxes.nth(i).check();
    await page.getByLabel(/Confier à/).selectOption({ label: 'Yacine Haddad' });
    await page.getByLabel(/Au \(inclus\)/).fill(dayIn(14));
    await page.getByLabel(/Motif/).fill('Congés de Camille Martin');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, '18-handover-passation');
    const first = (await page.getByRole('list').locator('.handover-name').first().textContent())!;
    await page.getByRole('button', { name: /^Confier 3 dossiers$/ }).click();
    await page.getByText(/dossiers confiés à Yacine Haddad/).waitFor();
    await shoot(page, '18-handover-resultat');

    // The dossier, once the device received it rewritten.
    await page.getByRole('link', { name: 'Portefeuille', exact: true }).click();
    const [lastName, ...firstNames] = first.trim().split(' ');
    await page.getByRole('searchbox').first().fill(lastName!);
    // The very dossier handed over: several young people may share its last name.
    await page
      .getByRole('row', { name: new RegExp(`${lastName}.*${firstNames.join(' ')}`, 'i') })
      .first()
      .getByRole('link')
      .click();
    await page.getByText(/Suivi temporairement par Yacine Haddad/).waitFor({ timeout: 60_000 });
    await shoot(page, '18-handover-dossier');

    // The i-milo export of last month (the screen's default period), with its report.
    await page.getByRole('link', { name: 'Export i-milo', exact: true }).click();
    await page.getByRole('button', { name: 'Exporter' }).click();
    await page
      .getByRole('button', { name: /^Télécharger / })
      .first()
      .waitFor({ timeout: 60_000 });
    await shoot(page, '18-imilo-export');
    await siege.close();
  } finally {
    await server.close();
  }
}

await main();
