/**
 * Renders the PWA icons of the web manifest from `public/favicon.svg` with Debian's Chromium
 * (the same one the end-to-end tests use), so the PNGs always match the vector logo:
 * `npm run icons` rewrites public/icons/*.png, which are committed.
 * - icon-192 / icon-512: the logo as drawn (rounded square, transparent corners), purpose "any";
 * - icon-maskable-512: full-bleed background, logo within the central 80 % safe zone, so a
 *   launcher may cut it to a circle or a squircle without cutting the logo.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/support/browser';
import { CHROMIUM_PATH, ensureChromium } from '../setup/ensure-chromium';

const BRAND_BLUE = '#1d4e89';
const svg = readFileSync(new URL('../../public/favicon.svg', import.meta.url), 'utf8');
const outDir = new URL('../../public/icons/', import.meta.url);

interface IconSpec {
  file: string;
  size: number;
  /** Share of the canvas the logo takes (1 = edge to edge). */
  logoScale: number;
  background: string;
}

export const ICONS: IconSpec[] = [
  { file: 'icon-192.png', size: 192, logoScale: 1, background: 'transparent' },
  { file: 'icon-512.png', size: 512, logoScale: 1, background: 'transparent' },
  { file: 'icon-maskable-512.png', size: 512, logoScale: 0.72, background: BRAND_BLUE },
  { file: 'apple-touch-icon-180.png', size: 180, logoScale: 0.86, background: BRAND_BLUE },
];

function pageFor(icon: IconSpec): string {
  const logo = icon.size * icon.logoScale;
  return `<!doctype html><html><body style="margin:0;background:${icon.background}">
    <div style="width:${icon.size}px;height:${icon.size}px;display:grid;place-items:center">
      <div style="width:${logo}px;height:${logo}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div>
    </div></body></html>`;
}

async function main(): Promise<void> {
  ensureChromium();
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    for (const icon of ICONS) {
      const page = await browser.newPage({
        viewport: { width: icon.size, height: icon.size },
        deviceScaleFactor: 1,
      });
      await page.setContent(pageFor(icon));
      await page.screenshot({
        path: new URL(icon.file, outDir).pathname,
        omitBackground: icon.background === 'transparent',
      });
      await page.close();
      console.log(`public/icons/${icon.file} (${icon.size}×${icon.size})`);
    }
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
