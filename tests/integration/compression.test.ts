/**
 * Compressed pull pages (sync-server/src/http/compression.ts): a page is sent in Brotli or gzip
 * when the client accepts it, as it is otherwise, the same JSON either way; the SSE stream is
 * never compressed (a compressor would hold its events back); and a device syncs through it.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaVersionOf } from '../../src/domain/collections';
import { ADVISER_SEES, ADVISER_SEES_2, PASSWORD, createTestAccounts } from '../support/accounts';
import { buildEvent, buildYouth, SITE_SEES, wire } from '../support/builders';
import { spawnDevice, type Device } from '../support/device';
import { loggedInClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let device: Device | undefined;
let cookie: string;

beforeEach(async () => {
  server = await startTestServer();
  await createTestAccounts(server.storage);
  const api = await loggedInClient(server.url, ADVISER_SEES_2.login);
  const youth = buildYouth({ siteId: SITE_SEES });
  await api.push('youths', [{ newDocumentState: wire(youth) }]);
  await api.push(
    'events',
    Array.from({ length: 50 }, () => ({
      newDocumentState: wire(buildEvent({ youthId: youth.id })),
    })),
  );
  const login = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: ADVISER_SEES.login, password: PASSWORD }),
  });
  cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
});

afterEach(async () => {
  await device?.close();
  device = undefined;
  await server.close();
});

/** A raw GET (fetch would decompress and hide the encoding), up to its headers and first bytes. */
function get(
  path: string,
  acceptEncoding?: string,
  { firstChunkOnly = false } = {},
): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { cookie };
    if (acceptEncoding) headers['accept-encoding'] = acceptEncoding;
    const request = httpRequest(`${server.url}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (firstChunkOnly) {
          request.destroy();
          resolve({ headers: response.headers, body: Buffer.concat(chunks) });
        }
      });
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

const pullPath = `/api/v1/sync/events/${schemaVersionOf('events')}/pull?seq=0&limit=100`;

describe('compressed pull pages', () => {
  it('sends Brotli or gzip as accepted, the same JSON as without', async () => {
    const plain = await get(pullPath);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const json = JSON.parse(plain.body.toString('utf8')) as { documents: unknown[] };
    expect(json.documents).toHaveLength(50);

    const br = await get(pullPath, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    expect(JSON.parse(brotliDecompressSync(br.body).toString('utf8'))).toEqual(json);

    const gzip = await get(pullPath, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.body).toString('utf8'))).toEqual(json);
  });

  it('leaves the event stream uncompressed, so its events are not held back', async () => {
    const stream = await get('/api/v1/sync/stream', 'gzip, deflate, br', { firstChunkOnly: true });
    expect(stream.headers['content-type']).toMatch(/text\/event-stream/);
    expect(stream.headers['content-encoding']).toBeUndefined();
    expect(stream.body.toString('utf8')).toMatch(/^retry: /);
  });

  it('lets a device sync through compressed pages', async () => {
    // Node's fetch asks for compressed answers as browsers do.
    const probe = await fetch(`${server.url}${pullPath}`, { headers: { cookie } });
    expect(probe.headers.get('content-encoding')).toMatch(/^(br|gzip)$/);
    device = spawnDevice({ serverUrl: server.url, login: ADVISER_SEES.login, password: PASSWORD });
    await device.sync();
    expect(await device.find('youths')).toHaveLength(1);
    expect(await device.find('events')).toHaveLength(50);
  });
});
