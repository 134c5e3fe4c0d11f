/** Debian's Chromium through playwright-core, with a fresh profile (stack-notes.md). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../../setup/ensure-chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Messages the page logged as errors (a test can assert there were none). */
  errors: string[];
  /** The profile folder, kept until `close` (a test may read it after `quit`). */
  profile: string;
  /** Closes Chromium and keeps the profile folder. */
  quit(): Promise<void>;
  /** Closes Chromium and removes the profile folder. */
  close(): Promise<void>;
}

export async function openBrowser(
  options: {
    viewport?: { width: number; height: number };
    hasTouch?: boolean;
    /** 'block' plays a browser where the service worker cannot install. */
    serviceWorkers?: 'allow' | 'block';
    /** Reopens an existing profile (the same device after a restart). */
    profile?: string;
  } = {},
): Promise<Browser> {
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'relais-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    hasTouch: options.hasTouch ?? false,
    serviceWorkers: options.serviceWorkers ?? 'allow',
    locale: 'fr-FR',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    context,
    page,
    errors,
    profile,
    quit: () => context.close(),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
