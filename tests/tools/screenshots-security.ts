/**
 * `npm run screenshots:security`: the screens of issue 11 (a lost device reveals nothing), taken
 * on the real build served by the real server with the demo Mission Locale: the lock screen, the
 * logout dialog that offers to wipe the device (laptop and tablet), and the siège's device
 * security settings on « Appareils ».
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { buildPwa, startAppServer } from '../e2e/support/app-server';
import { openBrowser } from '../e2e/support/browser';
import { lockNow, logIn } from '../e2e/support/pages';
import { ensureChromium } from '../setup/ensure-chromium';

const OUT = new URL('../../public/screenshots/', import.meta.url).pathname;
const LAPTOP = { width: 1280, height: 800 };
const TABLET = { width: 768, height: 1024 };

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${OUT}${name}.png` });
  console.log(`public/screenshots/${name}.png`);
}

async function main(): Promise<void> {
  ensureChromium();
  mkdirSync(OUT, { recursive: true });
  const server = await startAppServer({ staticDir: buildPwa() });
  try {
    for (const [viewport, suffix] of [
      [LAPTOP, ''],
      [TABLET, '-tablette'],
    ] as const) {
      const browser = await openBrowser({ viewport, hasTouch: viewport === TABLET });
      const { page } = browser;
      await logIn(page, server.url, 'camille.martin');
      await page.getByText('En ligne', { exact: true }).waitFor({ timeout: 180_000 });
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.getByRole('dialog').waitFor();
      await shoot(page, `11-deconnexion${suffix}`);
      await page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();
      await lockNow(page);
      await shoot(page, `11-verrouille${suffix}`);
      await browser.close();
    }
    const siege = await openBrowser({ viewport: { width: 1440, height: 900 } });
    await logIn(siege.page, server.url, 'direction');
    await siege.page.getByText('En ligne', { exact: true }).waitFor({ timeout: 180_000 });
    await siege.page.getByRole('link', { name: 'Appareils', exact: true }).click();
    await siege.page
      .getByRole('heading', { name: 'Sécurité des appareils' })
      .scrollIntoViewIfNeeded();
    await shoot(siege.page, '11-securite-appareils');
    await siege.close();
  } finally {
    await server.close();
  }
}

await main();
