/**
 * Direction's « Statistiques » in a real Chromium on the demo server (issue 17): the report of
 * the year with its cards and charts, another period that changes what is shown, a table
 * exported as CSV and read back as a French spreadsheet reads it, and as XLSX, and the printed « Rapport
 * d'activité ». The demo's figures are not asserted (the demo is calibrated elsewhere): the
 * structure is, and that the figures follow the period.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFrenchCsv } from '../support/french-csv';
import { axeViolations, describeViolations } from './support/axe';
import { openBrowser, type Browser } from './support/browser';
import { startAppServer, type AppServer } from './support/app-server';
import { logIn } from './support/pages';

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  server = await startAppServer();
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The text of every cell of a table of the report, row by row. */
async function tableRows(page: Page, caption: string): Promise<string[][]> {
  const table = page.getByRole('table', { name: caption });
  return table
    .locator('tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
    );
}

describe('direction’s activity report', () => {
  it('shows the year, follows another period, exports a table as CSV and XLSX, and prints', async () => {
    const { page } = browser;
    await logIn(page, server.url, 'direction');
    await page.getByRole('heading', { name: 'Portefeuille' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Statistiques' }).click();
    await page.getByRole('heading', { name: 'Statistiques', level: 1 }).waitFor();

    // The current year, computed by the server: cards with their definitions, charts, tables.
    const year = new Date().getFullYear();
    await page
      .getByRole('heading', {
        name: new RegExp(`^Période du 1(er)? janvier ${year} au 31 décembre ${year}$`),
      })
      .waitFor();
    await page.getByRole('heading', { name: 'Chiffres clés' }).waitFor({ timeout: 30_000 });
    const cards = page.locator('.indicator-card');
    expect(await cards.count()).toBeGreaterThan(10);
    await expect.poll(() => cards.first().locator('.indicator-value').textContent()).toMatch(/\d/);
    await page
      .getByRole('img', { name: /Entretiens individuels et séances collectives par mois/ })
      .waitFor();
    await page.getByRole('figure').filter({ hasText: 'Jeunes accompagnés par EPCI' }).waitFor();
    const yearMonths = await tableRows(page, 'Activité par mois');
    expect(yearMonths[0]).toEqual([
      'Mois',
      'Jeunes accompagnés',
      'Entretiens individuels',
      'Séances collectives',
    ]);
    expect(yearMonths).toHaveLength(1 + 12);
    const yearFigures = await tableRows(page, 'Indicateurs');

    const violations = await axeViolations(page);
    expect(describeViolations(violations)).toEqual([]);

    // The first quarter: three months, and figures that are not the year's.
    await page.getByLabel('Découpage').selectOption('trimestre');
    await page.getByLabel('Trimestre', { exact: true }).selectOption('1');
    await page
      .getByRole('heading', {
        name: new RegExp(`^Période du 1(er)? janvier ${year} au 31 mars ${year}$`),
      })
      .waitFor();
    await expect.poll(async () => (await tableRows(page, 'Activité par mois')).length).toBe(1 + 3);
    const quarterFigures = await tableRows(page, 'Indicateurs');
    expect(quarterFigures.map((row) => row[0])).toEqual(yearFigures.map((row) => row[0]));
    expect(quarterFigures).not.toEqual(yearFigures);

    // The monthly table as CSV: what a French spreadsheet opens, the same rows as on screen.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter « Activité par mois » en CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      `statistiques-activite-mensuelle-${year}-01-01-${year}-03-31.csv`,
    );
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    expect(text.slice(1)).toContain('\r\n');
    const csv = parseFrenchCsv(text.slice(1));
    expect(csv).toEqual(await tableRows(page, 'Activité par mois'));
    expect(csv[0]).toContain('Séances collectives');
    expect(csv[1]![0]).toMatch(/^janvier/i);

    // The same table as XLSX: a workbook whose sheet holds the screen's rows, numbers as numbers.
    const [workbook] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter « Activité par mois » en XLSX' }).click(),
    ]);
    expect(workbook.suggestedFilename()).toBe(
      `statistiques-activite-mensuelle-${year}-01-01-${year}-03-31.xlsx`,
    );
    const files = unzipSync(readFileSync((await workbook.path())!));
    const sheetXml = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const strings = strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array());
    expect(`${sheetXml}${strings}`).toContain('Séances collectives');
    expect(sheetXml).toMatch(/<c r="B2"[^>]*><v>\d+<\/v><\/c>/);

    // The printed « Rapport d'activité »: its title, no toolbar, every section.
    await page.emulateMedia({ media: 'print' });
    await page.getByRole('heading', { name: 'Statistiques — Rapport d’activité' }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: /Imprimer/ }).isVisible()).toBe(false);
    for (const section of [
      'Chiffres clés',
      'Activité par mois',
      'Territoire',
      'Tous les indicateurs',
    ]) {
      expect(await page.getByRole('heading', { name: section, level: 2 }).isVisible()).toBe(true);
    }
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    expect(browser.errors).toEqual([]);
  });
});
