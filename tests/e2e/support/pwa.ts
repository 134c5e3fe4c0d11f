/**
 * Page models of the installed app: the service worker, Cache Storage and the sync panel, in
 * the words of the screen. The dossier screens have theirs in dossier-pages.ts.
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
