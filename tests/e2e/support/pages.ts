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

/** Waits until the portefeuille shows its count (the device's data is open). */
export async function waitForCaseload(page: Page): Promise<void> {
  await page
    .getByText(/^\d+ dossiers?/)
    .first()
    .waitFor({ timeout: 60_000 });
}

/** « Verrouiller » in the header. */
export async function lockNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Verrouiller' }).click();
  await page.getByRole('heading', { name: /Relais est verrouillé/ }).waitFor();
}

export async function unlockWith(page: Page, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
}

/**
 * After a reload or a restart, the data key is gone from memory: the login form (the device
 * fills in the last identifiant) asks the password again, online or offline.
 */
export async function signInAgain(page: Page, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/**
 * After a full page load: another open tab of Relais hands its key over, otherwise the login
 * form asks the password again; this waits for one or the other and signs in when asked.
 */
export async function signInIfAsked(page: Page, password = DEMO_PASSWORD): Promise<void> {
  const loginForm = page.getByRole('button', { name: 'Se connecter' });
  const workspace = page.getByRole('button', { name: 'Verrouiller' });
  await loginForm.or(workspace).first().waitFor({ timeout: 60_000 });
  if (await loginForm.isVisible()) await signInAgain(page, password);
}
