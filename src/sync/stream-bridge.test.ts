/**
 * The stream bridge with RxDB's real replication protocol, against a server reduced to its
 * commit log (documents in seq order) so that the order of events is the test's: a pull that
 * holds the downstream, a batch of the old connection, commits while the stream is down, the
 * reconnection, a batch on the new connection.
 */
import { Subject, type Observable } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createRxDatabase,
  type RxDatabase,
  type RxReplicationPullStreamItem,
} from 'rxdb/plugins/core';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { eventually } from '../../tests/support/http';
import { StreamBridge } from './stream-bridge';

interface Doc {
  id: string;
  seq: number;
  _deleted: boolean;
}
type Checkpoint = { seq: number };
type Task = RxReplicationPullStreamItem<unknown, Checkpoint>;

const PAGE = 100;

/** The server: what it committed, in seq order. */
function commitLog() {
  const docs: Doc[] = [];
  return {
    commit(id: string): Doc {
      const doc = { id, seq: docs.length + 1, _deleted: false };
      docs.push(doc);
      return doc;
    },
    since: (seq: number) => docs.filter((doc) => doc.seq > seq).slice(0, PAGE),
  };
}

const opened: { db: RxDatabase; replication: RxReplicationState<unknown, Checkpoint> }[] = [];
afterEach(async () => {
  for (const { db, replication } of opened.splice(0)) {
    await replication.cancel();
    await db.remove();
  }
});

/**
 * A device replicating from `log` (pull only), its stream fed to `tasks` directly or through the
 * bridge.
 */
async function device(options: {
  log: ReturnType<typeof commitLog>;
  tasks: Observable<Task>;
  bridge?: StreamBridge<Checkpoint>;
}) {
  const db = await createRxDatabase({
    name: `bridge${crypto.randomUUID().replace(/-/g, '')}`,
    storage: getRxStorageMemory(),
  });
  const { docs: collection } = await db.addCollections({
    docs: {
      schema: {
        version: 0,
        primaryKey: 'id',
        type: 'object',
        properties: { id: { type: 'string', maxLength: 40 }, seq: { type: 'number' } },
        required: ['id'],
      },
    },
  });
  // While `gate` is set, a pull answers what was committed when it began, once released.
  let gate: Promise<void> | undefined;
  let pullBegan = () => undefined as void;
  const replication = replicateRxCollection<unknown, Checkpoint>({
    collection,
    replicationIdentifier: 'bridge-test',
    live: true,
    retryTime: 50,
    pull: {
      batchSize: PAGE,
      stream$: options.tasks,
      async handler(checkpoint: Checkpoint | undefined) {
        const ended = options.bridge?.pullStarted();
        const page = options.log.since(checkpoint?.seq ?? 0);
        pullBegan();
        await gate;
        ended?.(page.length, PAGE);
        const seq = page.at(-1)?.seq ?? checkpoint?.seq ?? 0;
        return { documents: page as never[], checkpoint: { seq } };
      },
    },
  });
  opened.push({ db, replication });
  await replication.awaitInitialReplication();
  const held = async () =>
    new Set((await collection.find().exec()).map((doc) => String(doc.get('id'))));
  /** A pull that keeps the downstream busy until released (a slow network, a slow write). */
  const holdDownstream = async () => {
    let release = () => undefined as void;
    gate = new Promise<void>((resolve) => (release = resolve));
    const began = new Promise<void>((resolve) => (pullBegan = resolve));
    replication.reSync();
    await began;
    return () => {
      gate = undefined;
      release();
    };
  };
  return { replication, held, holdDownstream };
}

const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The stream of events that loses documents in RxDB 17.6 when fed to it as they come. */
async function dropAndReconnectDuringPull(
  log: ReturnType<typeof commitLog>,
  stream: { batch(doc: Doc): void; reconnected(): void },
  holdDownstream: () => Promise<() => void>,
  withBatchAfter: boolean,
) {
  const release = await holdDownstream();
  stream.batch(log.commit('before-the-drop'));
  // Events of the network come in turns of the event loop (RxDB reorders those of one turn).
  await nextTurn();
  log.commit('while-the-stream-is-down');
  stream.reconnected();
  await nextTurn();
  if (withBatchAfter) stream.batch(log.commit('after-the-reconnection'));
  await nextTurn();
  release();
}

/** A device fed through a bridge, caught up with the stream's first connection. */
async function bridgedDevice(log: ReturnType<typeof commitLog>) {
  const bridge = new StreamBridge<Checkpoint>(50);
  const { held, holdDownstream } = await device({ log, tasks: bridge.tasks$, bridge });
  bridge.reconnected();
  await eventually(async () => expect(bridge.isCaughtUp()).toBe(true));
  return { bridge, held, holdDownstream };
}

const throughBridge = (bridge: StreamBridge<Checkpoint>) => ({
  batch: (doc: Doc) => bridge.batch([doc], { seq: doc.seq }),
  reconnected: () => bridge.reconnected(),
});

describe('the stream of a collection', () => {
  it('in RxDB 17.6 alone, loses what was committed while it was down (why the bridge exists)', async () => {
    const log = commitLog();
    const tasks = new Subject<Task>();
    const { replication, held, holdDownstream } = await device({ log, tasks });
    await dropAndReconnectDuringPull(
      log,
      {
        batch: (doc) => tasks.next({ documents: [doc] as never[], checkpoint: { seq: doc.seq } }),
        reconnected: () => tasks.next('RESYNC'),
      },
      holdDownstream,
      true,
    );
    await eventually(async () => expect(await held()).toContain('after-the-reconnection'));
    // Asking again does not help: the checkpoint has passed the document.
    replication.reSync();
    await replication.awaitInSync();
    expect(await held()).not.toContain('while-the-stream-is-down');
  });

  it('through the bridge, the device gets what it missed and what came after', async () => {
    const log = commitLog();
    const { bridge, held, holdDownstream } = await bridgedDevice(log);
    await dropAndReconnectDuringPull(log, throughBridge(bridge), holdDownstream, true);
    await eventually(async () =>
      expect([...(await held())].sort()).toEqual([
        'after-the-reconnection',
        'before-the-drop',
        'while-the-stream-is-down',
      ]),
    );
    bridge.disconnected();
  });

  it('through the bridge, asks again when RxDB dropped the reconnection and nothing followed', async () => {
    const log = commitLog();
    const { bridge, held, holdDownstream } = await bridgedDevice(log);
    await dropAndReconnectDuringPull(log, throughBridge(bridge), holdDownstream, false);
    await eventually(async () => expect(await held()).toContain('while-the-stream-is-down'));
    expect(bridge.isCaughtUp()).toBe(true);
    bridge.disconnected();
  });

  it('keeps no watch for a collection nothing pulls (a device log)', () => {
    vi.useFakeTimers();
    try {
      const bridge = new StreamBridge<Checkpoint>(50);
      bridge.reconnected();
      bridge.batch([], { seq: 1 });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
