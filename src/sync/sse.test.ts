import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../tests/support/http';
import { connectEventStream, type StreamConnection } from './sse';

/** A server that answers every stream request with a body it can write to until aborted. */
function streamServer() {
  const bodies: ReadableStreamDefaultController<Uint8Array>[] = [];
  const fetch: typeof globalThis.fetch = async (_input, init) => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        bodies.push(controller);
        init?.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  };
  const send = (data: string) =>
    bodies.at(-1)!.enqueue(new TextEncoder().encode(`data: ${data}\n\n`));
  return { fetch, send, connections: () => bodies.length };
}

let connection: StreamConnection | undefined;
afterEach(() => connection?.close());

describe('the event stream', () => {
  it('tells of a new connection, and not of the one it replaced closing after it', async () => {
    const server = streamServer();
    const told: string[] = [];
    connection = connectEventStream(
      'http://relais.test/api/v1/sync/stream',
      {
        onOpen: () => told.push('open'),
        onClose: () => told.push('close'),
        onMessage: (data) => told.push(data),
      },
      { fetch: server.fetch },
    );
    await eventually(async () => expect(told).toEqual(['open']));
    server.send('RESYNC');
    await eventually(async () => expect(told).toEqual(['open', 'RESYNC']));

    connection.reconnect();
    await eventually(async () => expect(server.connections()).toBe(2));
    server.send('RESYNC');
    await eventually(async () => expect(told).toContain('RESYNC'));
    // Let the replaced connection's end run its course.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(told).toEqual(['open', 'RESYNC', 'open', 'RESYNC']);
  });
});
