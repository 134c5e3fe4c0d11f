/**
 * A Server-Sent Events client built on `fetch` and `TextDecoderStream`: the same code in the
 * browser and in Node (which has no EventSource), with the session cookie and our headers, and
 * its own reconnection with backoff. Connected means "the server is reachable".
 */
export interface StreamHandlers {
  onMessage(data: string): void;
  onOpen(): void;
  onClose(error?: unknown): void;
}

export interface StreamConnection {
  /** Drops the connection now and opens a new one (e.g. when the browser says it is back online). */
  reconnect(): void;
  close(): void;
}

/** The server sends a comment every 20 s: silence for longer means the connection is dead. */
export const IDLE_TIMEOUT_MS = 50_000;

export const RECONNECT_MIN_MS = 1_000;
export const RECONNECT_MAX_MS = 30_000;

/** Splits an SSE byte stream into the `data` of each event (comments and `retry` ignored). */
export function createEventParser(onData: (data: string) => void) {
  let buffer = '';
  return (chunk: string) => {
    buffer += chunk.replace(/\r\n/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''))
        .join('\n');
      if (data) onData(data);
      end = buffer.indexOf('\n\n');
    }
  };
}

export function connectEventStream(
  url: string,
  handlers: StreamHandlers,
  options: { fetch?: typeof fetch; headers?: () => Record<string, string> } = {},
): StreamConnection {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let closed = false;
  let controller: AbortController | undefined;
  let delay = RECONNECT_MIN_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watchdog: ReturnType<typeof setTimeout> | undefined;

  function feedWatchdog(current: AbortController): void {
    if (watchdog) clearTimeout(watchdog);
    watchdog = setTimeout(() => current.abort(new Error('stream idle')), IDLE_TIMEOUT_MS);
  }

  /** A connection `reconnect` replaced ends silently: the news is the new one's. */
  function ended(connection: AbortController, error?: unknown): void {
    if (controller === connection) handlers.onClose(error);
  }

  async function connect(): Promise<void> {
    const current = new AbortController();
    controller = current;
    try {
      const response = await doFetch(url, {
        headers: { accept: 'text/event-stream', ...(options.headers?.() ?? {}) },
        credentials: 'same-origin',
        signal: current.signal,
      });
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      delay = RECONNECT_MIN_MS;
      handlers.onOpen();
      feedWatchdog(current);
      const parse = createEventParser(handlers.onMessage);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        feedWatchdog(current);
        parse(value);
      }
      ended(current);
    } catch (error) {
      ended(current, error);
    }
    if (watchdog) clearTimeout(watchdog);
    if (!closed && controller === current) {
      timer = setTimeout(() => void connect(), delay);
      delay = Math.min(delay * 2, RECONNECT_MAX_MS);
    }
  }

  void connect();
  return {
    reconnect() {
      if (closed) return;
      if (timer) clearTimeout(timer);
      controller?.abort(new Error('reconnect'));
      delay = RECONNECT_MIN_MS;
      void connect();
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (watchdog) clearTimeout(watchdog);
      controller?.abort();
    },
  };
}
