/**
 * A slow link on loopback for the bench: a TCP proxy in front of the server that delays every
 * chunk by a fixed one-way latency and lets through at most a given bit rate in each direction,
 * shared by all the browser's connections (one link, as a 4G modem is), in order.
 */
import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface LinkShape {
  /** Added to every chunk, each way (the round trip gains twice this). */
  oneWayLatencyMs: number;
  bitsPerSecond: number;
}

/** The rural 4G link: 40 ms of round trip added, 20 Mbit/s. */
export const RURAL_4G: LinkShape = { oneWayLatencyMs: 20, bitsPerSecond: 20_000_000 };

/** One direction of the link: when the wire is free again, shared by every connection. */
class Direction {
  private freeAt = 0;
  constructor(private readonly shape: LinkShape) {}

  /** Sends `chunk` to `to` once it has crossed the wire and the latency. */
  carry(chunk: Buffer, to: Socket): void {
    const now = performance.now();
    const start = Math.max(now, this.freeAt);
    this.freeAt = start + (chunk.length * 8 * 1000) / this.shape.bitsPerSecond;
    const delay = this.freeAt + this.shape.oneWayLatencyMs - now;
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk);
    }, delay);
  }

  /** When everything sent so far has arrived (to close a half after its last chunk). */
  drainedIn(): number {
    return Math.max(0, this.freeAt - performance.now()) + this.shape.oneWayLatencyMs;
  }
}

export async function startShapedLink(
  targetUrl: string,
  shape: LinkShape,
): Promise<{ url: string; close(): Promise<void> }> {
  const target = new URL(targetUrl);
  const up = new Direction(shape);
  const down = new Direction(shape);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.setNoDelay(true);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.on('data', (chunk) => up.carry(chunk, upstream));
    upstream.on('data', (chunk) => down.carry(chunk, client));
    client.on('end', () => setTimeout(() => upstream.end(), up.drainedIn()));
    upstream.on('end', () => setTimeout(() => client.end(), down.drainedIn()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
