/**
 * Initial JavaScript of the PWA, gzip: the scripts index.html loads at start (entry and
 * modulepreloads), from a production build.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildPwa } from '../e2e/support/app-server';
import type { BenchRow } from './stats';

export const INITIAL_JS_TARGET_KB = 300;

export function initialScripts(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const sources = [
    ...html.matchAll(
      /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g,
    ),
  ].map((m) => m[1]!);
  return [...new Set(sources)];
}

export async function benchBundleSize(): Promise<BenchRow> {
  const distDir = buildPwa();
  try {
    const scripts = initialScripts(distDir);
    const gzipBytes = scripts.reduce(
      (sum, src) => sum + gzipSync(readFileSync(join(distDir, src.replace(/^\//, '')))).length,
      0,
    );
    const kb = gzipBytes / 1024;
    return {
      what: `initial JavaScript of the PWA (${scripts.length} file${scripts.length > 1 ? 's' : ''}, gzip)`,
      measured: `${kb.toFixed(0)} KB`,
      target: `≤ ${INITIAL_JS_TARGET_KB} KB gzip`,
      ratio: `${(kb / INITIAL_JS_TARGET_KB).toFixed(2)}× target`,
      verdict: kb <= INITIAL_JS_TARGET_KB ? 'ok' : 'MISSED',
    };
  } finally {
    rmSync(distDir, { recursive: true, force: true });
  }
}
