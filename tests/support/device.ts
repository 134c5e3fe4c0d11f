/** The test side of a simulated device: spawns device-worker.ts and calls it like an object. */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { CollectionName } from '../../src/domain/collections';
import type { DeviceCommand, DeviceWorkerData } from './device-worker';

type Doc = Record<string, unknown>;

export interface Device {
  insert(collection: CollectionName, document: object): Promise<Doc>;
  /** Inserts documents in one write (RxDB's bulkInsert). */
  insertMany(collection: CollectionName, documents: readonly object[]): Promise<void>;
  patch(collection: CollectionName, id: string, patch: object): Promise<Doc>;
  remove(collection: CollectionName, id: string): Promise<void>;
  find(collection: CollectionName): Promise<Doc[]>;
  get(collection: CollectionName, id: string): Promise<Doc | null>;
  /** Cuts or restores the device's network. */
  setOnline(online: boolean): Promise<void>;
  /** Pushes what is waiting and pulls to the end. */
  sync(): Promise<void>;
  /** Closes the app and opens it again on the same database (a restart). */
  restart(): Promise<void>;
  /** A device made with `previousSchemas` updates to the current version and starts syncing. */
  upgrade(): Promise<void>;
  status(): Promise<{
    online: boolean;
    pending: number;
    refused: number;
    lastError: { code: string } | null;
    pendingState: Record<string, Record<string, { refused?: string }>>;
  }>;
  /** Documents as the device's storage holds them, deleted ones included (decrypted). */
  findIncludingDeleted(collection: CollectionName, ids: string[]): Promise<Doc[]>;
  /** Every value of the device's IndexedDB as stored (sealed), as JSON text. */
  rawText(): Promise<string>;
  close(): Promise<void>;
}

export function spawnDevice(
  options: Omit<DeviceWorkerData, 'deviceId' | 'clockOffsetMs'> & Partial<DeviceWorkerData>,
): Device {
  const data: DeviceWorkerData = { deviceId: randomUUID(), clockOffsetMs: 0, ...options };
  const worker = new Worker(new URL('./device-worker-entry.mjs', import.meta.url), {
    workerData: data,
  });
  let exited = false;
  let nextId = 0;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  worker.on('message', (message: { id: number; result?: unknown; error?: string }) => {
    const call = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) call?.reject(new Error(message.error));
    else call?.resolve(message.result);
  });
  const failAll = (error: Error) => {
    for (const call of waiting.values()) call.reject(error);
    waiting.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => {
    exited = true;
    failAll(new Error(`device worker exited with code ${code}`));
  });

  function call<T>(command: DeviceCommand): Promise<T> {
    if (exited) return Promise.reject(new Error('device worker has exited'));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, command });
    });
  }

  return {
    insert: (collection, document) =>
      call({ type: 'insert', collection, document: document as Doc }),
    patch: (collection, id, patch) => call({ type: 'patch', collection, id, patch: patch as Doc }),
    remove: (collection, id) => call({ type: 'remove', collection, id }),
    insertMany: (collection, documents) =>
      call({ type: 'insertMany', collection, documents: documents as Doc[] }),
    restart: () => call({ type: 'restart' }),
    upgrade: () => call({ type: 'upgrade' }),
    find: (collection) => call({ type: 'find', collection }),
    get: (collection, id) => call({ type: 'get', collection, id }),
    setOnline: (online) => call({ type: 'setOnline', online }),
    sync: () => call({ type: 'awaitInSync' }),
    status: () => call({ type: 'status' }),
    findIncludingDeleted: (collection, ids) =>
      call({ type: 'findIncludingDeleted', collection, ids }),
    rawText: () => call({ type: 'rawText' }),
    async close() {
      await call({ type: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}
