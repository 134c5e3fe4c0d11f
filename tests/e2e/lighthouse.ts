/**
 * `npm run lighthouse`: Lighthouse (12.2.3, the last line that runs on Node 20) against Debian's
 * Chromium on the real built PWA served by the real server, plus Chromium's own installability
 * check (Lighthouse 12 dropped its PWA category; `Page.getInstallabilityErrors` is the check
 * Chromium runs before offering "Installer Relais"). Two runs: a first anonymous visit (login
 * page, fresh storage) and an adviser signed in (service worker and data in place).
 * Prints the figures and writes the JSON reports under .tmp/lighthouse/. Not part of `npm test`
 * (slow, and scores are measurements, not assertions); exits non-zero only if the app is not
 * installable.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, ensureChromium } from '../setup/ensure-chromium';
import { startAppServer } from './support/app-server';
import { CHROMIUM_ARGS } from './support/browser';
import { logIn } from './support/pages';
import { waitForServiceWorker } from './support/pwa';

const CATEGORIES = ['best-practices', 'accessibility'];
const REPORT_DIR = '.tmp/lighthouse';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

async function waitForDevtools(port: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('Chromium did not open its DevTools port');
}

function summary(name: string, result: Result): string[] {
  const lines = [`${name}:`];
  for (const id of CATEGORIES) {
    const category = result.categories[id];
    if (!category) continue;
    lines.push(`  ${category.title}: ${Math.round((category.score ?? 0) * 100)} / 100`);
    const failed = category.auditRefs
      .map((ref) => result.audits[ref.id]!)
      .filter(
        (audit) =>
          audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative',
      );
    for (const audit of failed) lines.push(`    ✗ ${audit.id}: ${audit.title}`);
  }
  return lines;
}

async function audit(name: string, url: string, flags: Flags): Promise<string[]> {
  const run = await lighthouse(url, {
    output: 'json',
    onlyCategories: CATEGORIES,
    formFactor: 'desktop',
    screenEmulation: {
      mobile: false,
      width: 1280,
      height: 800,
      deviceScaleFactor: 1,
      disabled: false,
    },
    throttlingMethod: 'provided',
    logLevel: 'error',
    ...flags,
  });
  if (!run) throw new Error(`Lighthouse returned nothing for ${name}`);
  writeFileSync(join(REPORT_DIR, `${name}.json`), run.report as string);
  return summary(name, run.lhr);
}

async function main(): Promise<void> {
  ensureChromium();
  mkdirSync(REPORT_DIR, { recursive: true });
  const server = await startAppServer();
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'relais-lighthouse-'));
  const browserProcess = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_ARGS,
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const lines: string[] = [`Relais ${server.url} — Lighthouse 12.2.3, ${CHROMIUM_PATH}`];
  let installable = false;
  try {
    await waitForDevtools(port);
    lines.push(...(await audit('first-visit', server.url, { port })));

    // Sign in in the same browser, then audit again without wiping what the visit installed.
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const context = browser.contexts()[0]!;
    const page = await context.newPage();
    await logIn(page, server.url, 'camille.martin');
    await page.getByRole('heading', { name: 'Portefeuille' }).waitFor();
    await page.getByText('En ligne', { exact: true }).waitFor({ timeout: 60_000 });
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as {
      url: string;
      errors: { message: string }[];
    };
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    installable = installabilityErrors.length === 0 && manifest.errors.length === 0;
    lines.push(
      'Installability (Chromium, Page.getInstallabilityErrors):',
      `  manifest ${manifest.url}: ${manifest.errors.length === 0 ? 'no error' : manifest.errors.map((e) => e.message).join('; ')}`,
      `  ${installable ? 'installable' : `NOT installable: ${installabilityErrors.map((e) => e.errorId).join(', ')}`}`,
    );
    await page.close();
    await browser.close();
    lines.push(...(await audit('signed-in', server.url, { port, disableStorageReset: true })));
  } finally {
    browserProcess.kill();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(lines.join('\n'));
  console.log(`JSON reports: ${REPORT_DIR}/`);
  if (!installable) process.exitCode = 1;
}

await main();
