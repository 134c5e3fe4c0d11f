/**
 * Server push and pull throughput on SQLite over loopback HTTP, documents per second: a client
 * pushes the site-scale events in batches, then pulls them back from checkpoint 0.
 */
import type { PlainDocument } from '../../src/domain/merge';
import { createTestAccounts, DIRECTION } from '../support/accounts';
import { loggedInClient } from '../support/http';
import { startTestServer } from '../support/server';
import { benchDocuments, SITE_SCALE } from './datasets';
import { timed, type BenchRow } from './stats';

const PUSH_BATCH = 500;
const PULL_BATCH = 5000;
export const PUSH_TARGET = 5000;
export const PULL_TARGET = 20000;

export async function benchServerThroughput(): Promise<BenchRow[]> {
  const server = await startTestServer();
  try {
    await createTestAccounts(server.storage);
    const api = await loggedInClient(server.url, DIRECTION.login);
    const documents = benchDocuments(SITE_SCALE);
    const rows = (collection: 'youths' | 'events') =>
      (documents[collection] as PlainDocument[]).map((doc) => ({
        newDocumentState: { ...doc, _deleted: false } as never,
      }));

    const youths = rows('youths');
    for (let i = 0; i < youths.length; i += PUSH_BATCH)
      await api.push('youths', youths.slice(i, i + PUSH_BATCH));
    const events = rows('events');
    const push = await timed(async () => {
      for (let i = 0; i < events.length; i += PUSH_BATCH) {
        const answer = await api.push('events', events.slice(i, i + PUSH_BATCH));
        if (answer.refused.length > 0)
          throw new Error(`bench push refused: ${answer.refused[0]!.code}`);
      }
    });
    const pull = await timed(async () => {
      let seq = 0;
      let count = 0;
      for (;;) {
        const page = await api.pull('events', seq, PULL_BATCH);
        count += page.documents.length;
        if (page.documents.length < PULL_BATCH) return count;
        seq = page.checkpoint.seq;
      }
    });
    if (pull.result !== events.length) throw new Error(`pulled ${pull.result} of ${events.length}`);
    const pushRate = events.length / (push.ms / 1000);
    const pullRate = events.length / (pull.ms / 1000);
    return [
      {
        what: `server push, SQLite (${events.length} events, batches of ${PUSH_BATCH})`,
        measured: `${Math.round(pushRate)} docs/s`,
        target: `≥ ${PUSH_TARGET} docs/s`,
        ratio: `${(pushRate / PUSH_TARGET).toFixed(2)}× target`,
        verdict: pushRate >= PUSH_TARGET ? 'ok' : 'MISSED',
      },
      {
        what: `server pull, SQLite (${events.length} events, pages of ${PULL_BATCH})`,
        measured: `${Math.round(pullRate)} docs/s`,
        target: `≥ ${PULL_TARGET} docs/s`,
        ratio: `${(pullRate / PULL_TARGET).toFixed(2)}× target`,
        verdict: pullRate >= PULL_TARGET ? 'ok' : 'MISSED',
      },
    ];
  } finally {
    await server.close();
  }
}
