/**
 * The peer row (issue 19, item 6): PouchDB's `replicate.from` with its defaults, as CHT
 * replicates, of the same documents as the adviser's first sync, from a PouchDB-protocol server
 * on loopback (pouchdb-server.ts) into the browser's IndexedDB, against the baseline measured in
 * the same page. So "faster than the usual offline-first stack" is a measure, not a claim.
 */
import type { Scale } from './datasets';
import { withFirstSyncPage } from './first-sync-bench';
import { BENCH_ADVISER } from './first-sync-data';
import { startPouchServer } from './pouchdb-server';
import type { BenchRow } from './stats';

type Timed = { ms: number; documents: number };
type PeerWindow = {
  relaisBench: { baselineChunks(): Promise<Timed>; peerReplicate(url: string): Promise<Timed> };
};

export async function benchPeer(scale: Scale): Promise<BenchRow> {
  return withFirstSyncPage(scale, async (relaisPage, manifest, pageDir) => {
    const pouch = await startPouchServer(pageDir, manifest);
    // The same bench page, from the PouchDB server's origin.
    const page = await relaisPage.context().newPage();
    try {
      await page.goto(pouch.url);
      await page.waitForFunction(() => document.title === 'ready');
      const baseline = await page.evaluate(() =>
        (window as never as PeerWindow).relaisBench.baselineChunks(),
      );
      const peer = await page.evaluate(
        (url) => (window as never as PeerWindow).relaisBench.peerReplicate(url),
        pouch.dbUrl,
      );
      if (peer.documents !== manifest.total) {
        throw new Error(`PouchDB replicated ${peer.documents} of ${manifest.total}`);
      }
      const ratio = peer.ms / baseline.ms;
      return {
        what: `peer: PouchDB replicate.from, defaults, ${scale.name} scale, ${BENCH_ADVISER} (${manifest.total} docs, no encryption), Chromium`,
        measured: `${(peer.ms / 1000).toFixed(2)} s (baseline ${(baseline.ms / 1000).toFixed(2)} s)`,
        target: 'measured: compare with the first-sync row',
        ratio: `${ratio.toFixed(2)}× baseline`,
        verdict: 'info',
      };
    } finally {
      await page.close();
      await pouch.close();
    }
  });
}
