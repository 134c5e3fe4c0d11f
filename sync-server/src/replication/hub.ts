/**
 * Fan-out of committed writes to the open SSE streams of this process. Each subscriber sees only
 * what its caller may see, and documents that left its scope as removals. What is committed
 * reaches `publish` through commit-fanout.ts (on PostgreSQL, every process's commits).
 *
 * The Atelier Mob (scope.ts) receives a dossier only if a loan names it, which no scope says:
 * its batches wait for the storage's answer (`borrowers`), one after the other, so they keep the
 * commit order; every other subscriber is served at once.
 */
import type { CollectionName, WireDocument } from '../../../src/domain/collections';
import type { StoredDocument } from '../storage/storage';
import { redactFor } from './redaction';
import {
  canReadCollection,
  canSeeIn,
  isMobilityPartner,
  seesBorrowersOnly,
  type Caller,
} from './scope';
import { toRemoval, toWire } from './wire';

export interface StreamBatch {
  collection: CollectionName;
  documents: WireDocument[];
  checkpoint: { seq: number };
}

type Listener = (batch: StreamBatch) => void;

interface Subscriber {
  caller: Caller;
  listener: Listener;
  /** The Atelier Mob's batches, delivered in order once the borrowers are known. */
  queue: Promise<void>;
}

export interface HubOptions {
  /** The ids of the dossiers a loan names (Storage.listBorrowers). */
  borrowers?: () => Promise<ReadonlySet<string>>;
}

export class ChangeHub {
  private readonly subscribers = new Set<Subscriber>();

  constructor(private readonly options: HubOptions = {}) {}

  subscribe(caller: Caller, listener: Listener): () => void {
    const subscriber: Subscriber = { caller, listener, queue: Promise.resolve() };
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get size(): number {
    return this.subscribers.size;
  }

  publish(written: StoredDocument[]): void {
    if (written.length === 0) return;
    for (const subscriber of this.subscribers) {
      if (isMobilityPartner(subscriber.caller)) {
        this.deliverToPartner(subscriber, written);
        continue;
      }
      for (const batch of batchesFor(subscriber.caller, written)) subscriber.listener(batch);
    }
  }

  private deliverToPartner(subscriber: Subscriber, written: StoredDocument[]): void {
    const needsBorrowers = written.some((d) => seesBorrowersOnly(subscriber.caller, d.collection));
    subscriber.queue = subscriber.queue
      .then(async () => {
        const borrowers =
          needsBorrowers && this.options.borrowers
            ? await this.options.borrowers()
            : new Set<string>();
        if (!this.subscribers.has(subscriber)) return;
        for (const batch of batchesFor(subscriber.caller, written, borrowers)) {
          subscriber.listener(batch);
        }
      })
      // Not delivered (the storage did not answer): the device pulls it at its next resync.
      .catch(() => undefined);
  }
}

function batchesFor(
  caller: Caller,
  written: StoredDocument[],
  borrowers: ReadonlySet<string> = new Set(),
): StreamBatch[] {
  const byCollection = new Map<CollectionName, StreamBatch>();
  for (const document of written) {
    const collection = document.collection;
    if (!canReadCollection(caller, collection)) continue;
    let wire: WireDocument | undefined;
    if (seesBorrowersOnly(caller, collection)) {
      if (borrowers.has(document.id)) wire = toWire(document);
    } else if (canSeeIn(caller, collection, document.scope)) wire = toWire(document);
    else if (document.previousScope && canSeeIn(caller, collection, document.previousScope))
      wire = toRemoval(document);
    if (!wire) continue;
    wire = redactFor(caller, document.collection, wire);
    const batch = byCollection.get(document.collection) ?? {
      collection: document.collection,
      documents: [],
      checkpoint: { seq: 0 },
    };
    batch.documents.push(wire);
    batch.checkpoint = { seq: Math.max(batch.checkpoint.seq, document.seq) };
    byCollection.set(document.collection, batch);
  }
  return [...byCollection.values()];
}
