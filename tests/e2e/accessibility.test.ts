/**
 * axe-core on every main screen (issue 14, item 10): an adviser's screens and the siège's, online
 * and offline, the login page, the logout dialog and the lock screen, on a laptop (1366×768) and
 * on a tablet in portrait (768×1024), in Chromium on the real build. Every screen must have no violation; a failure lists each one by screen.
 * One server and one browser per user for the whole file; screens are opened in the app itself
 * (no reload between them), as a person moves from one to the next.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SITES, DEMO_STAFF } from '../../sync-server/src/demo/organisation';
import { openBrowser, type Browser } from './support/browser';
import { startAppServer, type AppServer } from './support/app-server';
import { axeViolations, describeViolations } from './support/axe';
import { lockNow, logIn, unlockWith } from './support/pages';
import { waitForServiceWorker } from './support/pwa';

const SIZES = {
  'ordinateur 1366×768': { width: 1366, height: 768 },
  'tablette 768×1024': { width: 768, height: 1024 },
} as const;

let server: AppServer;

beforeAll(async () => {
  server = await startAppServer({ youths: 150 });
});

afterAll(async () => {
  await server?.close();
});

/**
 * Opens `path` inside the running app (wouter follows pushState) and waits for the screen's
 * code and data (a missing title is for axe to report, not a reason to wait).
 */
async function openScreen(page: Browser['page'], path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForFunction(
    () => {
      const main = document.querySelector('main');
      return (
        main !== null && main.innerText.trim() !== '' && !/Chargement de l/.test(main.innerText)
      );
    },
    null,
    { timeout: 30_000 },
  );
  // Live queries fill the screen in a moment: let them settle before looking.
  await page
    .waitForFunction(() => !/Chargement|chargement…/.test(document.body.innerText), null, {
      timeout: 10_000,
    })
    .catch(() => undefined);
  await page.waitForTimeout(300);
}

/** Every screen at every size, online then offline: violations by « screen · size · network ». */
async function audit(
  login: string,
  screens: (page: Browser['page']) => Promise<[string, string][]>,
): Promise<{ found: Record<string, string[]>; figures: Record<string, number> }> {
  const found: Record<string, string[]> = {};
  const figures: Record<string, number> = {};
  const browser = await openBrowser({ viewport: SIZES['ordinateur 1366×768'] });
  try {
    const { page, context } = browser;
    await logIn(page, server.url, login);
    await page.getByText('En ligne', { exact: true }).waitFor({ timeout: 120_000 });
    await waitForServiceWorker(page);
    const list = await screens(page);
    for (const online of [true, false]) {
      await context.setOffline(!online);
      if (!online) await page.getByText('Hors ligne', { exact: true }).waitFor();
      for (const [size, viewport] of Object.entries(SIZES)) {
        await page.setViewportSize(viewport);
        for (const [name, path] of list) {
          await openScreen(page, path);
          const violations = await axeViolations(page);
          const key = `${name} · ${size} · ${online ? 'en ligne' : 'hors ligne'}`;
          figures[key] = violations.reduce((sum, v) => sum + v.nodes, 0);
          if (violations.length > 0) found[key] = describeViolations(violations);
        }
      }
    }
    await context.setOffline(false);
  } finally {
    await browser.close();
  }
  return { found, figures };
}

/**
 * The day of the adviser's permanence with the most rendez-vous, some of them cancelled or
 * missed: the cards of every status are on screen.
 */
async function busiestPermanenceDay(siteId: string): Promise<{ siteId: string; day: string }> {
  const rows = await server.storage.pull('appointments', 0, 5000, { all: true });
  const byDay = new Map<string, { count: number; freed: boolean }>();
  for (const { document } of rows) {
    if (document.data.siteId !== siteId) continue;
    const day = String(document.data.start).slice(0, 10);
    const entry = byDay.get(day) ?? { count: 0, freed: false };
    entry.count += 1;
    entry.freed ||= ['annule', 'reporte', 'absent'].includes(String(document.data.status));
    byDay.set(day, entry);
  }
  const [day] = [...byDay.entries()]
    .filter(([, entry]) => entry.freed)
    .sort((a, b) => b[1].count - a[1].count)[0]!;
  return { siteId, day };
}

function report(figures: Record<string, number>): void {
  // The figures per screen, for the record of the issue (every one must be 0).
  for (const [key, count] of Object.entries(figures)) console.log(`axe: ${key}: ${count}`);
}

describe('accessibility of every main screen (axe-core)', () => {
  it('has no violation on the adviser’s screens, online and offline, laptop and tablet', async () => {
    const adviser = DEMO_STAFF.find((s) => s.login === 'camille.martin')!;
    const busyDay = await busiestPermanenceDay(adviser.siteIds[0]!);
    const { found, figures } = await audit(adviser.login, async (page) => {
      // A dossier of the adviser's, opened from the portefeuille.
      const href = await page
        .locator('table.caseload a[data-row-link]')
        .first()
        .getAttribute('href');
      return [
        ['Portefeuille', '/'],
        ['Ma permanence', '/permanence'],
        ['Ma permanence, jour chargé', `/permanence?site=${busyDay.siteId}&date=${busyDay.day}`],
        ['Agenda, semaine', '/agenda'],
        ['Agenda, jour', '/agenda?vue=jour'],
        ['Relances', '/relances'],
        ['Aller vers', '/aller-vers'],
        ['Ateliers', '/ateliers'],
        ['Sites', '/sites'],
        ['Statistiques', '/statistiques'],
        ['Premier accueil', '/dossiers/nouveau'],
        ['Dossier', href!],
        ['Dossier, parcours', `${href}/parcours`],
        ['Dossier, dispositifs', `${href}/dispositifs`],
        ['Dossier, identité', `${href}/identite`],
        ['Page introuvable', '/nulle-part'],
      ];
    });
    report(figures);
    expect(found).toEqual({});
  });

  it('has no violation on the siège’s screens, online and offline, laptop and tablet', async () => {
    const { found, figures } = await audit('direction', async () => [
      ['Réconciliation', '/reconciliation'],
      ['Doublons', '/doublons'],
      ['Appareils', '/appareils'],
      ['Passation de dossiers', '/passation'],
      ['Export i-milo', '/export-imilo'],
      ['Statistiques', '/statistiques'],
      ['Atelier Mob, chiffres', '/mobilite?vue=chiffres'],
      ['Site (formulaire)', `/sites/${DEMO_SITES[1]!.id}`],
      ['Nouveau site', '/sites/nouveau'],
    ]);
    report(figures);
    expect(found).toEqual({});
  });

  it('has no violation on the login page, the logout dialog and the lock screen', async () => {
    const found: Record<string, string[]> = {};
    const figures: Record<string, number> = {};
    const look = async (page: Browser['page'], key: string) => {
      const violations = await axeViolations(page);
      figures[key] = violations.reduce((sum, v) => sum + v.nodes, 0);
      if (violations.length > 0) found[key] = describeViolations(violations);
    };
    const browser = await openBrowser({ viewport: SIZES['ordinateur 1366×768'] });
    try {
      const { page } = browser;
      await page.goto(server.url);
      for (const [size, viewport] of Object.entries(SIZES)) {
        await page.setViewportSize(viewport);
        await page.getByLabel('Identifiant').waitFor();
        await look(page, `Connexion · ${size}`);
      }
      await logIn(page, server.url, 'camille.martin');
      await page.getByText('En ligne', { exact: true }).waitFor({ timeout: 120_000 });
      for (const [size, viewport] of Object.entries(SIZES)) {
        await page.setViewportSize(viewport);
        await page.getByRole('button', { name: 'Se déconnecter' }).click();
        await page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).waitFor();
        await look(page, `Se déconnecter · ${size}`);
        await page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();
        await lockNow(page);
        await look(page, `Verrouillé · ${size}`);
        await unlockWith(page);
        await page.getByRole('button', { name: 'Verrouiller' }).waitFor();
      }
    } finally {
      await browser.close();
    }
    report(figures);
    expect(found).toEqual({});
  });
});

/** Boxes of the elements `selector` finds, in page coordinates. */
async function boxes(page: Browser['page'], selector: string) {
  return page.$$eval(selector, (elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { left: box.left, right: box.right, top: box.top, bottom: box.bottom };
    }),
  );
}

async function expectHeaderOnOneLine(page: Browser['page'], user: string): Promise<void> {
  await page.setViewportSize(SIZES['tablette 768×1024']);
  await openScreen(page, '/');
  const parts = await boxes(page, 'header.app-header > *');
  const tops = parts.map((part) => Math.round(part.top));
  expect(Math.max(...tops) - Math.min(...tops), `${user}: ${JSON.stringify(parts)}`).toBeLessThan(
    16,
  );
}

describe('layout (issue 14, item 11)', () => {
  it('keeps the site form’s checkbox by its label and its buttons apart, and the tablet header on one line', async () => {
    const browser = await openBrowser({ viewport: SIZES['ordinateur 1366×768'] });
    try {
      const { page } = browser;
      await logIn(page, server.url, 'direction');
      await page.getByText('En ligne', { exact: true }).waitFor({ timeout: 120_000 });
      await openScreen(page, `/sites/${DEMO_SITES[1]!.id}`);
      const [checkbox] = await boxes(page, '.site-form .field-checkbox input');
      const [label] = await boxes(page, '.site-form .field-checkbox label');
      // A box of its own size, its label just after it.
      expect(checkbox!.right - checkbox!.left).toBeLessThan(40);
      expect(label!.left - checkbox!.right).toBeGreaterThanOrEqual(0);
      expect(label!.left - checkbox!.right).toBeLessThan(24);
      const [save, close] = await boxes(page, '.site-form .form-actions button');
      expect(close!.left - save!.right).toBeGreaterThanOrEqual(8);

      // A tablet held upright: the header's brand, sync status and user stay on one line.
      await expectHeaderOnOneLine(page, 'direction');
    } finally {
      await browser.close();
    }
    const adviser = await openBrowser({ viewport: SIZES['tablette 768×1024'], hasTouch: true });
    try {
      await logIn(adviser.page, server.url, 'camille.martin');
      await adviser.page.getByText('En ligne', { exact: true }).waitFor({ timeout: 120_000 });
      await expectHeaderOnOneLine(adviser.page, 'camille.martin');
    } finally {
      await adviser.close();
    }
  });
});
