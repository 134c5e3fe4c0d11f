/** Page models: what a user does, in the words of the screen. */
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../sync-server/src/demo/organisation';

export async function logIn(
  page: Page,
  baseUrl: string,
  login: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('Identifiant').fill(login);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** The number in "N dossiers" of the portefeuille header. */
export async function caseloadCount(page: Page): Promise<number> {
  const text = await page
    .getByText(/^\d+ dossiers?/)
    .first()
    .textContent();
  return Number(/^(\d+)/.exec(text ?? '')?.[1] ?? NaN);
}

/**
 * How many dossiers the device holds: N in "N dossiers", or M in "N dossiers sur M" when the
 * portefeuille shows part of them (an adviser's own dossiers first).
 */
export async function caseloadTotal(page: Page): Promise<number> {
  const text = await page
    .getByText(/^\d+ dossiers?/)
    .first()
    .textContent();
  const match = /sur (\d+)/.exec(text ?? '') ?? /^(\d+)/.exec(text ?? '');
  return Number(match?.[1] ?? NaN);
}
