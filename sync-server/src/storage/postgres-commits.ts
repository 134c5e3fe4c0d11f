/**
 * The commit feed of the PostgreSQL storage: every writer's transaction ends with
 * `pg_notify(COMMITS_CHANNEL, <highest seq>)` (postgres.ts), delivered by PostgreSQL only when it
 * commits; each server process listens on one dedicated connection (a `pg.Client`, outside the
 * pool, since a pooled connection would be handed to queries and lose its LISTEN).
 *
 * The payload is a number, never a document: notifications travel in clear to every listener
 * and are kept in PostgreSQL's queue, so personal data stays in the tables, read back under the
 * caller's scope. A lost connection is reopened with backoff; `onConnected` then tells the
 * watcher to catch up, since notifications sent while it was down are gone for good.
 */
import pg from 'pg';
import type { CommitHandlers, CommitWatch } from './storage';

export const COMMITS_CHANNEL = 'relais_changes';
/** Shown in pg_stat_activity, so an operator (or a test) can tell the listening connection. */
export const COMMITS_APPLICATION_NAME = 'relais-commits';

export const RECONNECT_MIN_MS = 100;
export const RECONNECT_MAX_MS = 10_000;

export async function watchCommits(
  connectionString: string,
  handlers: CommitHandlers,
): Promise<CommitWatch> {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let delay = RECONNECT_MIN_MS;

  function scheduleReconnect(): void {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, delay);
    delay = Math.min(delay * 2, RECONNECT_MAX_MS);
  }

  async function connect(): Promise<void> {
    const current = new pg.Client({ connectionString, application_name: COMMITS_APPLICATION_NAME });
    client = current;
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (client === current) client = undefined;
      if (stopped) return;
      handlers.onError(
        error ?? new Error('PostgreSQL closed the connection listening for commits'),
      );
      void current.end().catch(() => undefined);
      scheduleReconnect();
    };
    current.on('error', onLost);
    current.on('end', () => onLost());
    current.on('notification', (message) => {
      if (message.channel !== COMMITS_CHANNEL) return;
      const seq = Number(message.payload);
      if (Number.isSafeInteger(seq)) handlers.onCommit(seq);
    });
    try {
      await current.connect();
      await current.query(`LISTEN ${COMMITS_CHANNEL}`);
    } catch (error) {
      onLost(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (stopped || lost) return;
    delay = RECONNECT_MIN_MS;
    handlers.onConnected();
  }

  await connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      retry = undefined;
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
