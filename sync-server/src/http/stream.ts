/**
 * The SSE stream of design.md: `RESYNC` when a device (re)connects, so it pulls what it missed,
 * then `{collection, documents, checkpoint}` for every commit the caller may see. A comment line
 * every HEARTBEAT_MS keeps proxies and the device's connection check alive. Nothing is written
 * unless the session still holds (stream-guard.ts): once it does not, the stream ends.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ChangeHub, StreamBatch } from '../replication/hub';
import type { Caller } from '../replication/scope';
import type { SessionCheck, StreamGuards } from './stream-guard';

export const HEARTBEAT_MS = 20_000;
/** How long a device waits before reconnecting after the stream drops. */
const RETRY_MS = 2_000;

export function openStream(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: {
    hub: ChangeHub;
    guards: StreamGuards;
    caller: Caller;
    check: SessionCheck;
    /** Told of each batch once it is written to the device (for the audit log). */
    delivered?: (batch: StreamBatch) => void;
  },
): void {
  reply.hijack();
  const response = reply.raw;
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  response.write(`retry: ${RETRY_MS}\n\n`);
  response.write('data: RESYNC\n\n');

  const guard = deps.guards.open(
    deps.caller,
    deps.check,
    (chunk) => response.write(chunk),
    () => {
      close();
      response.end();
    },
  );
  const unsubscribe = deps.hub.subscribe(deps.caller, (batch: StreamBatch) => {
    guard.deliver(`data: ${JSON.stringify(batch)}\n\n`, () => deps.delivered?.(batch));
  });
  // The heartbeat goes through the guard too, so an idle stream is checked at least this often.
  const heartbeat = setInterval(() => guard.deliver(': ping\n\n'), HEARTBEAT_MS);
  function close(): void {
    clearInterval(heartbeat);
    unsubscribe();
    guard.close();
  }
  request.raw.on('close', close);
  response.on('close', close);
}
