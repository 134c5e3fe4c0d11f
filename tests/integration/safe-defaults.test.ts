/**
 * Safe by default (issue 12, item 8): HSTS when Relais is served over TLS, no source maps served
 * even if a build left some, and the login page told when the data is the demo's.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SETTING } from '../../sync-server/src/demo/demo-setting';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer | undefined;
let dist: string | undefined;

afterEach(async () => {
  await server?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
  server = undefined;
  dist = undefined;
});

describe('safe defaults', () => {
  it('sends Strict-Transport-Security over TLS only', async () => {
    server = await startTestServer({ trustProxy: 'loopback' });
    const tls = await fetch(`${server.url}/api/v1/health`, {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(tls.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    const plain = await fetch(`${server.url}/api/v1/health`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  it('serves no source map, even one left in the build folder', async () => {
    dist = mkdtempSync(join(tmpdir(), 'relais-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Relais</title>');
    writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log(1);\n');
    writeFileSync(join(dist, 'assets', 'index-abc.js.map'), '{"sources":["src/app/App.tsx"]}');
    server = await startTestServer({ staticDir: dist });
    expect((await fetch(`${server.url}/assets/index-abc.js`)).status).toBe(200);
    const map = await fetch(`${server.url}/assets/index-abc.js.map`);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain('sources');
  });

  it('tells the login page when the data is the demo', async () => {
    server = await startTestServer();
    const before = (await (await fetch(`${server.url}/api/v1/health`)).json()) as { demo: boolean };
    expect(before.demo).toBe(false);
    await server.storage.putSetting(DEMO_SETTING, true);
    const after = (await (await fetch(`${server.url}/api/v1/health`)).json()) as { demo: boolean };
    expect(after.demo).toBe(true);
  });
});
