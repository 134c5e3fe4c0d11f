/**
 * Fan-out of committed writes to the open SSE streams of this process. Each subscriber sees only
 * what its caller may see, and documents that left its scope as removals. What is committed
 * reaches `publish` through commit-fanout.ts (on PostgreSQL, every process's commits).
 */
import type { CollectionName, WireDocument } from '../../../src/domain/collections';
import type { StoredDocument } from '../storage/storage';
import { redactFor } from './redaction';
import { canReadCollection, canSee, type Caller } from './scope';
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
}

export class ChangeHub {
  private readonly subscribers = new Set<Subscriber>();

  subscribe(caller: Caller, listener: Listener): () => void {
    const subscriber = { caller, listener };
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get size(): number {
    return this.subscribers.size;
  }

  publish(written: StoredDocument[]): void {
    if (written.length === 0) return;
    for (const subscriber of this.subscribers) {
      for (const batch of batchesFor(subscriber.caller, written)) subscriber.listener(batch);
    }
  }
}

function batchesFor(caller: Caller, written: StoredDocument[]): StreamBatch[] {
  const byCollection = new Map<CollectionName, StreamBatch>();
  for (const document of written) {
    if (!canReadCollection(caller, document.collection)) continue;
    let wire: WireDocument | undefined;
    if (canSee(caller, document.scope)) wire = toWire(document);
    else if (document.previousScope && canSee(caller, document.previousScope))
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
