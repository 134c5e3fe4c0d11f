/**
 * Slow or stalled clients cannot hold the server's connections: a request whose headers or body
 * do not arrive in time is answered 408 with the envelope and its connection closed, while the
 * server keeps serving everyone else. The server runs with short limits here (the production
 * ones are named constants in sync-server/src/http/connection-limits.ts).
 */
import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestAccounts } from '../support/accounts';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer({
    timeouts: { headersMs: 400, requestMs: 800, checkIntervalMs: 100 },
  });
  await createTestAccounts(server.storage);
});

afterEach(async () => {
  await server.close();
});

interface Stalled {
  socket: Socket;
  /** Everything the server wrote before it closed the connection. */
  closed: Promise<string>;
}

/** Opens a raw connection, sends `start` and nothing more. */
function stall(start: string): Stalled {
  const { port } = new URL(server.url);
  const socket = connect(Number(port), '127.0.0.1');
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  socket.on('error', () => undefined);
  socket.write(start);
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  return { socket, closed };
}

/** Waits for `promise`, failing after `ms` (the limits above are far shorter). */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still open`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('stalled uploads', () => {
  it('answers 408 to 20 logged-out requests that never finish their body, and closes them', async () => {
    const body = '{"login":"x","password":"';
    const stalled = Array.from({ length: 20 }, () =>
      stall(
        'POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
          `Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n${body}`,
      ),
    );
    // Everyone else is served meanwhile.
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
    const answers = await within(
      Promise.all(stalled.map((s) => s.closed)),
      20_000,
      'a stalled upload',
    );
    for (const answer of answers) {
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      const json = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as {
        error: { code: string; message: string };
      };
      expect(json.error.code).toBe('REQUEST_TIMEOUT');
      expect(json.error.message.length).toBeGreaterThan(0);
    }
  });

  it('closes a request whose headers never end', async () => {
    const stalled = stall('GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    const answer = await within(stalled.closed, 20_000, 'a request with endless headers');
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
  });
});
