/**
 * A loopback HTTP proxy between the devices and the real server that makes the network bad on
 * purpose, each decision drawn from a seeded generator:
 * - drop-request: the request never reaches the server (the device sees the connection close);
 * - cut-request: the server receives half of the body, then the connection closes;
 * - drop-response: the server handles the request, its answer is lost (a lost acknowledgement);
 * - cut-response: the device receives half of the answer;
 * - duplicate: the server receives the request twice;
 * - replay: an earlier push is sent to the server again, later, besides this request;
 * - delay: the request waits before it goes on;
 * - cut-stream: an open SSE stream is cut (the device reconnects and resyncs).
 * It counts what it did and every answer of the server by status, so a test can say that no
 * fault ever made the server answer 5xx. `loseAnswers` loses the answers of chosen requests on
 * purpose, whatever the generator says (the lost-acknowledgement case).
 */
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Random } from './random';

export const FAULT_KINDS = [
  'drop-request',
  'cut-request',
  'drop-response',
  'cut-response',
  'duplicate',
  'replay',
  'delay',
  'cut-stream',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

interface Upstream {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

interface SentRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface FaultProxy {
  readonly url: string;
  /** Faults drawn for a request, when on; `rate` is the share of requests that get one. */
  setFaults(on: boolean): void;
  /** Loses the answer of every request `match` accepts (until called with null). */
  loseAnswers(match: ((method: string, path: string) => boolean) | null): void;
  /** Resolves at the next answer lost through `loseAnswers`. */
  nextLostAnswer(): Promise<void>;
  readonly faults: Record<FaultKind, number>;
  /** Answers of the server by status code, replays and duplicates included. */
  readonly statuses: Map<number, number>;
  readonly requests: number;
  close(): Promise<void>;
}

/** Headers that describe one connection, never forwarded as they are. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);
const STREAM_PATH = '/api/v1/sync/stream';
const REPLAYS_KEPT = 50;

function forwardable(headers: IncomingMessage['headers']): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  }
  return kept;
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    stream.on('aborted', () => reject(new Error('aborted')));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFaultProxy(options: {
  target: string;
  random: Random;
  /** Share of requests that get a fault while faults are on. */
  rate: number;
}): Promise<FaultProxy> {
  const target = new URL(options.target);
  const { random } = options;
  const faults = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<
    FaultKind,
    number
  >;
  const statuses = new Map<number, number>();
  const sentPushes: SentRequest[] = [];
  const openStreams = new Set<() => void>();
  let faultsOn = false;
  let losing: ((method: string, path: string) => boolean) | null = null;
  let lostWaiters: (() => void)[] = [];
  let requests = 0;

  const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);

  /** Sends a request to the server; `cutAfter` sends only that many bytes of the body. */
  function upstream(sent: SentRequest, cutAfter?: number): Promise<Upstream> {
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: sent.method,
          path: sent.path,
          headers: { ...sent.headers, 'content-length': String(sent.body.length) },
          agent: false,
        },
        (response) => {
          readBody(response).then((body) => {
            count(response.statusCode ?? 0);
            resolve({
              status: response.statusCode ?? 0,
              headers: forwardable(response.headers),
              body,
            });
          }, reject);
        },
      );
      outgoing.on('error', reject);
      if (cutAfter === undefined) {
        outgoing.end(sent.body);
      } else {
        outgoing.write(sent.body.subarray(0, cutAfter));
        // The rest never comes: the connection breaks halfway through the upload.
        setTimeout(() => outgoing.destroy(), 20);
      }
    });
  }

  function draw(sent: SentRequest): FaultKind | undefined {
    if (!faultsOn || !random.chance(options.rate)) return undefined;
    const kinds = FAULT_KINDS.filter(
      (kind) =>
        (kind !== 'cut-stream' || openStreams.size > 0) &&
        (kind !== 'cut-request' || sent.body.length > 1) &&
        (kind !== 'replay' || sentPushes.length > 0),
    );
    return random.pick(kinds);
  }

  /** Cuts one of the open SSE streams: the device reconnects and resyncs. */
  function cutAStream(): void {
    const streams = [...openStreams];
    streams[random.int(streams.length)]?.();
  }

  /** The SSE stream: piped as it comes, until a fault cuts it. */
  function stream(sent: SentRequest, incoming: IncomingMessage, response: ServerResponse): void {
    const outgoing = httpRequest({
      host: target.hostname,
      port: target.port,
      method: sent.method,
      path: sent.path,
      headers: sent.headers,
      agent: false,
    });
    const cut = () => {
      outgoing.destroy();
      incoming.socket.destroy();
    };
    outgoing.on('response', (answer) => {
      count(answer.statusCode ?? 0);
      response.writeHead(answer.statusCode ?? 502, forwardable(answer.headers));
      response.flushHeaders();
      answer.pipe(response);
      openStreams.add(cut);
    });
    outgoing.on('error', () => incoming.socket.destroy());
    incoming.socket.on('close', () => {
      openStreams.delete(cut);
      outgoing.destroy();
    });
    outgoing.end();
  }

  const server: Server = createServer((incoming, response) => {
    requests += 1;
    const path = incoming.url ?? '/';
    const method = incoming.method ?? 'GET';
    readBody(incoming)
      .then(async (body) => {
        const sent: SentRequest = { method, path, headers: forwardable(incoming.headers), body };
        if (path.startsWith(STREAM_PATH)) {
          stream(sent, incoming, response);
          return;
        }
        const answer = (upstreamAnswer: Upstream, cut = false) => {
          const bytes = cut
            ? upstreamAnswer.body.subarray(0, upstreamAnswer.body.length >> 1)
            : upstreamAnswer.body;
          response.writeHead(upstreamAnswer.status, {
            ...upstreamAnswer.headers,
            'content-length': String(upstreamAnswer.body.length),
            connection: 'close',
          });
          if (cut) {
            response.write(bytes);
            setTimeout(() => incoming.socket.destroy(), 20);
          } else {
            response.end(bytes);
          }
        };
        if (losing?.(method, path)) {
          await upstream(sent);
          incoming.socket.destroy();
          const waiters = lostWaiters;
          lostWaiters = [];
          for (const waiter of waiters) waiter();
          return;
        }
        const fault = draw(sent);
        if (fault) faults[fault] += 1;
        if (method === 'POST' && path.endsWith('/push')) {
          sentPushes.push(sent);
          if (sentPushes.length > REPLAYS_KEPT) sentPushes.shift();
        }
        switch (fault) {
          case 'drop-request':
            incoming.socket.destroy();
            return;
          case 'cut-request':
            await upstream(sent, random.int(sent.body.length - 1) + 1).catch(() => undefined);
            incoming.socket.destroy();
            return;
          case 'drop-response':
            await upstream(sent);
            incoming.socket.destroy();
            return;
          case 'cut-response':
            answer(await upstream(sent), true);
            return;
          case 'duplicate':
            await upstream(sent);
            answer(await upstream(sent));
            return;
          case 'replay': {
            const earlier = random.pick(sentPushes);
            answer(await upstream(sent));
            await sleep(random.int(200));
            await upstream(earlier).catch(() => undefined);
            return;
          }
          case 'delay':
            await sleep(50 + random.int(400));
            answer(await upstream(sent));
            return;
          case 'cut-stream':
            cutAStream();
            answer(await upstream(sent));
            return;
          default:
            answer(await upstream(sent));
        }
      })
      .catch(() => incoming.socket.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setFaults(on) {
      faultsOn = on;
    },
    loseAnswers(match) {
      losing = match;
    },
    nextLostAnswer: () => new Promise((resolve) => lostWaiters.push(resolve)),
    faults,
    statuses,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
