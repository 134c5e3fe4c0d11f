/**
 * Page models of the installed app: the service worker, Cache Storage, the sync panel and the
 * quick dossier entry, in the words of the screen.
 */
import type { Page } from 'playwright-core';

/** Waits until the service worker controls the page (stack-notes: before going offline). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 60_000,
  });
}

/** Every URL held in the page's Cache Storage, by cache name. */
export async function cachedUrls(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const result: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      result[name] = (await cache.keys()).map((request) => request.url);
    }
    return result;
  });
}

/** Asks the browser to look for a new service worker now (what the app does periodically). */
export async function checkForUpdateNow(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
}

export async function openSyncPanel(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Détails de la synchronisation' });
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.getByRole('heading', { name: 'Synchronisation de cet appareil' }).waitFor();
}

export async function closeSyncPanel(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Détails de la synchronisation' });
  if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
}

/** The text of the header's status (online/offline, what waits, last sync). */
export async function syncStatusText(page: Page): Promise<string> {
  return (await page.locator('.sync-indicator').innerText()).replace(/\s+/g, ' ');
}

export interface QuickDossier {
  lastName: string;
  firstName: string;
  birthDate?: string;
  phone?: string;
}

async function fill(page: Page, values: Partial<QuickDossier>): Promise<void> {
  if (values.lastName !== undefined)
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill(values.lastName);
  if (values.firstName !== undefined)
    await page.getByRole('textbox', { name: 'Prénom', exact: true }).fill(values.firstName);
  if (values.birthDate !== undefined)
    await page.getByLabel('Date de naissance').fill(values.birthDate);
  if (values.phone !== undefined) await page.getByLabel('Téléphone').fill(values.phone);
}

/** Creates a dossier through "Nouveau dossier"; returns its id (from the link to open it). */
export async function createDossier(page: Page, values: QuickDossier): Promise<string> {
  await page.getByRole('link', { name: 'Nouveau dossier' }).click();
  await page.getByRole('heading', { name: 'Nouveau dossier jeune' }).waitFor();
  await fill(page, values);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  const link = page.getByRole('link', {
    name: `Ouvrir le dossier de ${values.firstName} ${values.lastName}`,
  });
  await link.waitFor();
  const href = await link.getAttribute('href');
  return href!.split('/').pop()!;
}

/** Opens a dossier's quick entry form by its address. */
export async function openDossier(page: Page, baseUrl: string, id: string): Promise<void> {
  await page.goto(`${baseUrl}/saisie-rapide/${id}`);
  await page.getByRole('heading', { name: /^Dossier de / }).waitFor();
}

/** Types into the open dossier form, without saving. */
export async function typeInDossier(page: Page, values: Partial<QuickDossier>): Promise<void> {
  await fill(page, values);
}

export async function saveDossier(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByText(/enregistré sur cet appareil/).waitFor();
}

export async function dossierFieldValue(page: Page, label: string): Promise<string> {
  return page.getByRole('textbox', { name: label, exact: true }).inputValue();
}
