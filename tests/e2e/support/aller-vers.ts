/**
 * Page model of the aller-vers screen on a touch tablet: every action is a tap (counted) or
 * typing on the on-screen keyboard, as an adviser in the street would do.
 */
import type { Locator, Page } from 'playwright-core';

export class AllerVersTablet {
  /** Taps made since the counter was last reset. */
  taps = 0;

  constructor(readonly page: Page) {}

  async tap(target: Locator): Promise<void> {
    await target.tap();
    this.taps++;
  }

  /** One tap into the field, then the keyboard. */
  async typeInto(label: string, text: string): Promise<void> {
    const field = this.page
      .getByRole('textbox', { name: label, exact: true })
      .or(this.page.getByRole('searchbox', { name: label, exact: true }));
    await this.tap(field);
    await this.page.keyboard.type(text);
  }

  async choose(name: string): Promise<void> {
    await this.tap(this.page.getByRole('radio', { name, exact: true }));
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Aller vers' }).tap();
    await this.page.getByRole('heading', { name: 'Aller vers' }).waitFor();
  }
}

/** How many documents of a collection the device holds in IndexedDB (RxDB on Dexie). */
export async function localDocumentCount(page: Page, collection: string): Promise<number> {
  return page.evaluate(async (name) => {
    const databases = await indexedDB.databases();
    const match = databases.find((d) => d.name?.endsWith(`--${name}`));
    if (!match?.name) return 0;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(match.name!);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<number>((resolve, reject) => {
        const request = db.transaction('docs').objectStore('docs').count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, collection);
}
