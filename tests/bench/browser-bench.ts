/**
 * An edit on one device shown on another, in headless Chromium against the real server over
 * loopback (design.md: fake-indexeddb says nothing); and the bench page the Chromium rows share
 * (the first-sync rows are in first-sync-bench.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from '../e2e/support/browser';
import { createTestAccounts, DIRECTION, ADVISER_SEES, PASSWORD } from '../support/accounts';
import { SITE_SEES } from '../support/builders';
import { startTestServer, type TestServer } from '../support/server';
import { benchDocuments, seedScale } from './datasets';
import { percentile, type BenchRow } from './stats';

const EDITS = 40;
export const LIVE_EDIT_TARGET_MS = 300;

/** Builds the bench page into a temporary folder (the server serves it). */
export function buildBenchPage(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'relais-bench-page-'));
  execFileSync(
    'npx',
    ['vite', 'build', '--config', 'tests/bench/browser/vite.bench.config.ts', '--outDir', outDir],
    {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  return outDir;
}

export interface Fixture {
  server: TestServer;
  pageDir: string;
  browsers: Browser[];
}

export async function openBenchPage(fixture: Fixture): Promise<Page> {
  const browser = await openBrowser();
  fixture.browsers.push(browser);
  await browser.page.goto(fixture.server.url);
  await browser.page.waitForFunction(() => document.title === 'ready');
  return browser.page;
}

/** `files` are written beside the page before the server starts (it lists static files then). */
export async function withFixture<T>(
  files: Record<string, string>,
  work: (fixture: Fixture) => Promise<T>,
): Promise<T> {
  const pageDir = buildBenchPage();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(pageDir, name), content);
  const server = await startTestServer({ staticDir: pageDir });
  const fixture: Fixture = { server, pageDir, browsers: [] };
  try {
    await createTestAccounts(server.storage);
    return await work(fixture);
  } finally {
    for (const browser of fixture.browsers) await browser.close();
    await server.close();
    rmSync(pageDir, { recursive: true, force: true });
  }
}

type BenchWindow = {
  relaisBench: {
    openDevice(l: string, p: string): Promise<void>;
    firstSync(): Promise<unknown>;
    anyYouthId(): Promise<string>;
    edit(id: string, name: string): Promise<number>;
    seen(id: string, name: string): Promise<number>;
  };
};

export async function benchLiveEdit(): Promise<BenchRow> {
  return withFixture({}, async (fixture) => {
    const documents = benchDocuments({ name: 'small', youths: 200, events: 1000 });
    for (const youth of documents.youths!) youth.siteId = SITE_SEES;
    await seedScale(fixture.server.storage, { youths: documents.youths, events: documents.events });
    const [writer, reader] = [await openBenchPage(fixture), await openBenchPage(fixture)];
    for (const [page, login] of [
      [writer, DIRECTION.login],
      [reader, ADVISER_SEES.login],
    ] as const) {
      await page.evaluate(
        ([l, p]) => (window as never as BenchWindow).relaisBench.openDevice(l!, p!),
        [login, PASSWORD],
      );
      await page.evaluate(() => (window as never as BenchWindow).relaisBench.firstSync());
    }
    const id = await writer.evaluate(() =>
      (window as never as BenchWindow).relaisBench.anyYouthId(),
    );
    const latencies: number[] = [];
    for (let i = 0; i < EDITS; i += 1) {
      const name = `Inès ${i}`;
      const seenAt = reader.evaluate(
        ([docId, n]) => (window as never as BenchWindow).relaisBench.seen(docId!, n!),
        [id, name],
      );
      const editedAt = await writer.evaluate(
        ([docId, n]) => (window as never as BenchWindow).relaisBench.edit(docId!, n!),
        [id, name],
      );
      latencies.push((await seenAt) - editedAt);
    }
    const p95 = percentile(latencies, 95);
    return {
      what: `edit on one device shown on another (${EDITS} edits, Chromium)`,
      measured: `p95 ${Math.round(p95)} ms (median ${Math.round(percentile(latencies, 50))} ms)`,
      target: `≤ ${LIVE_EDIT_TARGET_MS} ms p95`,
      ratio: `${(p95 / LIVE_EDIT_TARGET_MS).toFixed(2)}× target`,
      verdict: p95 <= LIVE_EDIT_TARGET_MS ? 'ok' : 'MISSED',
    };
  });
}
