/**
 * The SSE stream of design.md: `RESYNC` when a device (re)connects, so it pulls what it missed,
 * then `{collection, documents, checkpoint}` for every commit the caller may see. A comment line
 * every HEARTBEAT_MS keeps proxies and the device's connection check alive.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ChangeHub, StreamBatch } from '../replication/hub';
import type { Caller } from '../replication/scope';

export const HEARTBEAT_MS = 20_000;
/** How long a device waits before reconnecting after the stream drops. */
const RETRY_MS = 2_000;

export function openStream(
  request: FastifyRequest,
  reply: FastifyReply,
  hub: ChangeHub,
  caller: Caller,
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

  const unsubscribe = hub.subscribe(caller, (batch: StreamBatch) => {
    response.write(`data: ${JSON.stringify(batch)}\n\n`);
  });
  const heartbeat = setInterval(() => response.write(': ping\n\n'), HEARTBEAT_MS);
  const close = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  request.raw.on('close', close);
  response.on('close', close);
}
