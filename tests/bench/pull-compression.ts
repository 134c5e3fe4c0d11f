/**
 * What compressing pull pages costs the server and saves on the wire: the adviser's whole first
 * sync (every collection, pages of 5000) pulled as plain JSON, Brotli and gzip over loopback,
 * with the process's CPU time (server and a raw client that does not decompress) per download.
 * The best of two rounds per encoding, interleaved, as the machine is shared.
 */
import { request as httpRequest } from 'node:http';
import { COLLECTION_NAMES, schemaVersionOf } from '../../src/domain/collections';
import { DEMO_PASSWORD } from '../../sync-server/src/demo/organisation';
import { startTestServer } from '../support/server';
import { SITE_SCALE } from './datasets';
import { BENCH_ADVISER, seedDemoScale } from './first-sync-data';
import type { BenchRow } from './stats';

const PAGE = 5000;
const ROUNDS = 2;
const ENCODINGS = ['identity', 'br', 'gzip'] as const;

function get(url: string, cookie: string, encoding: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { headers: { cookie, 'accept-encoding': encoding } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      },
    );
    request.on('error', reject);
    request.end();
  });
}

/** The URLs of every page of the first sync, read once from plain pages. */
async function pageUrls(serverUrl: string, cookie: string): Promise<string[]> {
  const urls: string[] = [];
  for (const name of COLLECTION_NAMES) {
    let seq = 0;
    for (;;) {
      const url = `${serverUrl}/api/v1/sync/${name}/${schemaVersionOf(name)}/pull?seq=${seq}&limit=${PAGE}`;
      urls.push(url);
      const page = JSON.parse((await get(url, cookie, 'identity')).toString('utf8')) as {
        documents: unknown[];
        checkpoint: { seq: number };
      };
      seq = page.checkpoint.seq;
      if (page.documents.length < PAGE) break;
    }
  }
  return urls;
}

/** Fetches every page; the bytes received and the CPU time it took. */
async function download(
  urls: string[],
  cookie: string,
  encoding: string,
): Promise<{ bytes: number; cpuMs: number; wallMs: number }> {
  const start = process.cpuUsage();
  const wallStart = performance.now();
  let bytes = 0;
  for (const url of urls) bytes += (await get(url, cookie, encoding)).length;
  const cpu = process.cpuUsage(start);
  return { bytes, cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - wallStart };
}

export async function benchPullCompression(): Promise<BenchRow[]> {
  const server = await startTestServer();
  try {
    await seedDemoScale(server.storage, SITE_SCALE);
    const login = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: BENCH_ADVISER, password: DEMO_PASSWORD }),
    });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const urls = await pageUrls(server.url, cookie);
    const best = new Map<string, { bytes: number; cpuMs: number; wallMs: number }>();
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const encoding of ENCODINGS) {
        const result = await download(urls, cookie, encoding);
        const previous = best.get(encoding);
        if (!previous || result.cpuMs < previous.cpuMs) best.set(encoding, result);
      }
    }
    const plain = best.get('identity')!;
    return ENCODINGS.map((encoding) => {
      const result = best.get(encoding)!;
      return {
        what: `pull of ${BENCH_ADVISER}'s first sync (site scale), ${encoding}: CPU of server + raw client`,
        measured: `${(result.bytes / 1e6).toFixed(1)} MB, ${Math.round(result.cpuMs)} ms CPU, ${Math.round(result.wallMs)} ms`,
        target: 'measured (no target)',
        ratio: `${(result.bytes / plain.bytes).toFixed(2)}× bytes, ${(result.cpuMs / plain.cpuMs).toFixed(2)}× CPU`,
        verdict: 'info' as const,
      };
    });
  } finally {
    await server.close();
  }
}
