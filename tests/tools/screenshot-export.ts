/**
 * `node --import tsx tests/tools/screenshot-export.ts`: the screenshot of issue 12's right of
 * access, public/screenshots/12-export-dossier.png — the printable export of a demo dossier
 * (the one with the most kinds of records), as direction opens it, in Debian's Chromium.
 */
import { mkdirSync } from 'node:fs';
import { systemClock } from '../../src/domain/time';
import { DEMO_PASSWORD } from '../../sync-server/src/demo/organisation';
import { seedDemo } from '../../sync-server/src/demo/seed';
import { openBrowser } from '../e2e/support/browser';
import { ensureChromium } from '../setup/ensure-chromium';
import { startTestServer } from '../support/server';

const OUT = new URL('../../public/screenshots/', import.meta.url).pathname;

async function richestDossier(server: Awaited<ReturnType<typeof startTestServer>>) {
  const counts = new Map<string, Set<string>>();
  for (const collection of ['events', 'pathway', 'appointments', 'attendances'] as const) {
    for (const row of await server.storage.pull(collection, 0, 1_000_000, { all: true })) {
      const youthId = row.document.youthId;
      if (!youthId) continue;
      const kinds = counts.get(youthId) ?? new Set<string>();
      kinds.add(collection === 'pathway' ? `pathway:${row.document.data.kind}` : collection);
      counts.set(youthId, kinds);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1].size - a[1].size)[0]![0];
}

async function main(): Promise<void> {
  ensureChromium();
  mkdirSync(OUT, { recursive: true });
  const server = await startTestServer();
  await seedDemo(server.storage, systemClock, { youths: 80, events: 800 });
  const youthId = await richestDossier(server);
  const browser = await openBrowser({ viewport: { width: 1100, height: 1500 } });
  try {
    const login = await browser.context.request.post(`${server.url}/api/v1/session`, {
      data: { login: 'direction', password: DEMO_PASSWORD },
    });
    if (!login.ok()) throw new Error(`login: ${login.status()}`);
    await browser.page.goto(`${server.url}/api/v1/youths/${youthId}/export?format=html`);
    await browser.page.getByRole('heading', { name: 'Journal des accès au dossier' }).waitFor();
    await browser.page.screenshot({ path: `${OUT}12-export-dossier.png` });
    console.log(`public/screenshots/12-export-dossier.png (dossier ${youthId})`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
