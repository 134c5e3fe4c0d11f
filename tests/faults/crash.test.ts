/**
 * The server process killed with SIGKILL in the middle of pushes, several times, and started
 * again on the same SQLite file: every write it acknowledged is there, nothing it stored is
 * damaged (`PRAGMA integrity_check`), and it keeps serving. Three clients push new dossiers and
 * edits without pause; the kills fall at seeded random moments. `RELAIS_SEED=n` replays a run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { newRev } from '../../src/domain/ids';
import type { ApiClient } from '../../src/sync/api';
import { openSqliteStorage } from '../../sync-server/src/storage/sqlite';
import { ADVISER_SEES, ADVISER_SEES_2, DIRECTION } from '../support/accounts';
import { buildYouth, wire } from '../support/builders';
import { eventually, loggedInClient } from '../support/http';
import { seedFromEnv, seededRandom } from './support/random';

const SEED = seedFromEnv('faults/crash');
const KILLS = 8;
const BATCH = 20;

const dir = mkdtempSync(join(tmpdir(), 'relais-crash-'));
const file = join(dir, 'relais.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts the server process on the file; resolves once it listens. */
function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'support/crash-server.ts')],
    {
      env: { ...process.env, RELAIS_CRASH_FILE: file, RELAIS_CRASH_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before ready`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

type Doc = ReturnType<typeof buildYouth>;

/** What a client sent and what the server acknowledged, per document, in order. */
interface Ledger {
  sent: Map<string, string[]>;
  acknowledged: Map<string, string>;
  count: number;
}

/** Pushes new dossiers and edits of its own acknowledged ones until `running` says stop. */
async function writeUntilStopped(api: ApiClient, ledger: Ledger, running: () => boolean) {
  const mine: Doc[] = [];
  let round = 0;
  while (running()) {
    round += 1;
    const creates = Array.from({ length: BATCH }, () => buildYouth());
    const edits = mine.slice(-5).map((seen) => ({
      seen,
      next: { ...seen, rev: newRev(), notes: `Édition ${round}` },
    }));
    const rows = [
      ...creates.map((doc) => ({ newDocumentState: wire(doc) })),
      ...edits.map(({ seen, next }) => ({
        newDocumentState: wire(next),
        assumedMasterState: wire(seen),
      })),
    ];
    const states = [...creates, ...edits.map(({ next }) => next)];
    for (const state of states) {
      ledger.sent.set(state.id, [...(ledger.sent.get(state.id) ?? []), state.rev]);
    }
    try {
      const answer = await api.push('youths', rows);
      expect(answer.refused).toEqual([]);
      for (const state of states) ledger.acknowledged.set(state.id, state.rev);
      ledger.count += states.length;
      mine.push(...creates);
      for (const { seen, next } of edits) mine[mine.indexOf(seen)] = next;
      // An edit whose earlier answer a kill swallowed meets that edit: the master it got back.
      for (const master of answer.conflicts as unknown as Doc[]) {
        ledger.acknowledged.set(master.id, master.rev);
        ledger.sent.get(master.id)!.push(master.rev);
        const index = mine.findIndex((doc) => doc.id === master.id);
        if (index >= 0) mine[index] = master;
      }
    } catch (error) {
      // The server died under this push: its outcome is unknown, the next push goes on.
      if ((error as { code?: string }).code !== 'NETWORK') throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

it('keeps every acknowledged write through 8 kill -9 during pushes, with an intact file', async () => {
  const random = seededRandom(SEED);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let server = await startServer(port);
  const clients = await Promise.all(
    [ADVISER_SEES, ADVISER_SEES_2, DIRECTION].map((account) => loggedInClient(url, account.login)),
  );
  const ledger: Ledger = { sent: new Map(), acknowledged: new Map(), count: 0 };
  let running = true;
  const writers = clients.map((api) => writeUntilStopped(api, ledger, () => running));

  const acknowledgedAtKill: number[] = [];
  const firstAnswerMs: number[] = [];
  for (let i = 0; i < KILLS; i += 1) {
    // The (re)started server serves again, then dies in the middle of the pushes. (A fixed delay
    // after "ready" once fell before the first push a cold process answered: nothing to kill.)
    const [before, startedAt] = [ledger.count, Date.now()];
    await eventually(async () =>
      expect(ledger.count, `writes acknowledged after start ${i + 1}`).toBeGreaterThan(before),
    );
    firstAnswerMs.push(Date.now() - startedAt);
    await new Promise((resolve) => setTimeout(resolve, random.int(1_200)));
    acknowledgedAtKill.push(ledger.count);
    await kill(server);
    server = await startServer(port);
  }
  // Some pushes go through after the last restart too.
  await eventually(async () => expect(ledger.count).toBeGreaterThan(acknowledgedAtKill.at(-1)!));
  running = false;
  await Promise.all(writers);
  await kill(server);

  const raw = new Database(file, { readonly: true });
  expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  raw.close();
  const storage = openSqliteStorage(file);
  try {
    for (const [id, rev] of ledger.acknowledged) {
      const stored = await storage.getDocument('youths', id);
      expect(stored, `acknowledged youths/${id}`).not.toBeNull();
      // The last acknowledged state, or one sent after it whose answer the kill swallowed.
      const sent = ledger.sent.get(id)!;
      expect(sent.slice(sent.indexOf(rev))).toContain(stored!.rev);
      expect(await storage.write((tx) => tx.hasRevision('youths', id, rev))).toBe(true);
    }
  } finally {
    await storage.close();
  }
  console.log(
    `faults/crash: seed ${SEED}, ${KILLS} kills, ${ledger.count} acknowledged writes ` +
      `(${ledger.acknowledged.size} dossiers), acknowledged before each kill: ${acknowledgedAtKill.join(', ')}; ` +
      `first acknowledgement after each start (ms): ${firstAnswerMs.join(', ')}`,
  );
});
