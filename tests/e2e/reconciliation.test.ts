/**
 * The siège's screens in a real Chromium on the demo data: direction settles a conflict, merges
 * a duplicate pair and revokes a device, and the server holds each decision.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function reviews(kind: string) {
  const rows = await server.storage.pull('reviews', 0, 1000, { all: true });
  return rows.map((row) => row.document.data).filter((review) => review.kind === kind);
}

describe('the siège reviews what devices could not merge', () => {
  it('settles a conflict, merges two dossiers and revokes a device', async () => {
    const { page } = browser;
    await logIn(page, server.url, 'direction');
    await page.getByRole('heading', { name: 'Portefeuille' }).waitFor();
    const openConflicts = (await reviews('conflict')).filter((r) => r.status === 'open');
    expect(openConflicts.length).toBeGreaterThan(0);

    // Réconciliation: keep the second value of the first conflict, with a comment.
    await page.getByRole('navigation').getByRole('link', { name: 'Réconciliation' }).click();
    const card = page.locator('.conflict-card').first();
    await card.waitFor({ timeout: 60_000 });
    await card.getByRole('button', { name: 'Valider la résolution' }).click();
    await card.getByText('Choisissez la valeur à garder.').waitFor();
    await card.getByRole('radio').nth(1).check();
    await card.getByLabel('Commentaire (facultatif)').fill('Vérifié avec le jeune');
    await card.getByRole('button', { name: 'Valider la résolution' }).click();
    await page.getByText(/^Conflit résolu pour/).waitFor();
    const resolved = (await reviews('conflict')).filter((r) => r.status === 'resolved');
    expect(resolved).toEqual([
      expect.objectContaining({
        comment: 'Vérifié avec le jeune',
        resolution: expect.objectContaining({ choice: 1 }),
      }),
    ]);
    const [settled] = resolved;
    const kept = (settled!.values as { value?: unknown }[])[1]!.value;
    const target = await server.storage.getDocument('youths', String(settled!.documentId));
    expect(target?.data[String(settled!.field)]).toEqual(kept);

    // Doublons: merge the first pair, after confirming.
    await page.getByRole('navigation').getByRole('link', { name: 'Doublons' }).click();
    const pair = page.locator('.duplicate-card').first();
    await pair.waitFor({ timeout: 60_000 });
    await pair.getByRole('button', { name: 'Fusionner les deux dossiers' }).click();
    await pair.getByRole('button', { name: 'Confirmer la fusion' }).click();
    await page.getByText(/^Dossiers fusionnés/).waitFor();
    const merged = (await reviews('duplicate')).find((r) => r.status === 'resolved');
    expect(merged?.resolution).toMatchObject({ keptId: expect.any(String) });
    const redirect = await server.storage.getDocument(
      'youths',
      String((merged!.resolution as { mergedId: string }).mergedId),
    );
    expect(redirect?.data.mergedInto).toBe((merged!.resolution as { keptId: string }).keptId);

    // Appareils: revoke the laptop of the Sées permanence used by Lucas Bernard.
    await page.getByRole('navigation').getByRole('link', { name: 'Appareils' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Lucas Bernard' });
    await row.getByRole('button', { name: 'Révoquer' }).click();
    await row.getByRole('button', { name: 'Confirmer la révocation' }).click();
    await row.getByText(/^Révoqué le/).waitFor();
    const devices = await server.storage.listDevices();
    expect(devices.find((d) => d.label.includes('Sées') && d.revokedAt)).toBeDefined();
    expect(browser.errors).toEqual([]);
  });
});
