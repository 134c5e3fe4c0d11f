/**
 * A device of the property test: a model of what RxDB's replication does on a device (fork
 * state, assumed master state per document, unpushed changes), calling the real server code
 * in-process and resolving the server's answers with the device's real conflict handler
 * (`src/db/conflicts.ts`). Rules copied from RxDB's replication protocol:
 * - upstream pushes `{newDocumentState, assumedMasterState}` for every changed document; a row the server answers with a master state
 *   goes through the conflict handler, whose result becomes the fork state, the master becoming
 *   the assumed master; other rows become their own assumed master;
 * - downstream overwrites the fork with the master state unless the fork holds a change not yet
 *   pushed (or a document never pushed), which the upstream will carry.
 */
import { expect } from 'vitest';
import {
  COLLECTION_NAMES,
  type CollectionName,
  type WireDocument,
} from '../../../src/domain/collections';
import { conflictHandlerFor } from '../../../src/db/conflicts';
import type { PlainDocument } from '../../../src/domain/merge';
import { pullDocuments } from '../../../sync-server/src/replication/pull';
import { applyPush, type PushRow } from '../../../sync-server/src/replication/push';
import type { Caller } from '../../../sync-server/src/replication/scope';
import { CLOCK, type World } from './world';

type Key = `${CollectionName}/${string}`;

const key = (collection: CollectionName, id: string): Key => `${collection}/${id}`;

export interface SentBatch {
  collection: CollectionName;
  rows: PushRow[];
}

export class ModelDevice {
  readonly local = new Map<Key, PlainDocument>();
  private readonly assumed = new Map<Key, PlainDocument>();
  private readonly dirty = new Set<Key>();
  private readonly checkpoints = new Map<CollectionName, number>();
  private seenSeq = -1;
  private revCounter = 0;
  readonly sent: SentBatch[] = [];

  constructor(
    readonly name: string,
    readonly caller: Caller,
    private readonly world: World,
  ) {}

  private newRev(): string {
    this.revCounter += 1;
    return `${this.name}-${this.revCounter}-${this.world.typed.length}`;
  }

  /** Documents of a collection on this device, not deleted, in a stable order. */
  documents(collection: CollectionName, filter?: (doc: PlainDocument) => boolean): PlainDocument[] {
    return [...this.local.entries()]
      .filter(([k, doc]) => k.startsWith(`${collection}/`) && !doc._deleted)
      .map(([, doc]) => doc)
      .filter((doc) => !filter || filter(doc))
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  }

  get(collection: CollectionName, id: string): PlainDocument | undefined {
    return this.local.get(key(collection, id));
  }

  /** A local write, stamped as the database hooks stamp it. */
  write(collection: CollectionName, next: PlainDocument): void {
    const k = key(collection, String(next.id));
    const before = this.local.get(k);
    const stamped = {
      ...next,
      rev: this.newRev(),
      updatedAt: '2026-11-20T10:00:00.000Z',
      updatedBy: this.caller.userId,
      _deleted: next._deleted === true,
    };
    this.world.recordWrite(collection, before, stamped);
    this.local.set(k, stamped);
    this.dirty.add(k);
  }

  get pendingCount(): number {
    return this.dirty.size;
  }

  private rowsOf(collection: CollectionName): PushRow[] {
    // Unlike RxDB, a change back to the assumed master is sent too: the model cannot tell
    // whether a newer master was skipped by a pull meanwhile, and the server merges it anyway.
    const rows: PushRow[] = [];
    for (const k of [...this.dirty].sort()) {
      if (!k.startsWith(`${collection}/`)) continue;
      const state = this.local.get(k)!;
      const assumed = this.assumed.get(k);
      rows.push({ newDocumentState: state, ...(assumed ? { assumedMasterState: assumed } : {}) });
    }
    return rows;
  }

  /** Sends what changed; `loseAnswer` drops the server's answer (the device will send again). */
  async push(order: readonly CollectionName[], loseAnswer = false): Promise<void> {
    for (const collection of order) {
      const rows = this.rowsOf(collection);
      if (rows.length === 0) continue;
      this.sent.push({ collection, rows });
      const outcome = await applyPush(this.world.storage, this.caller, collection, rows, CLOCK);
      expect(outcome.rejected, `${this.name} push refused`).toEqual([]);
      if (loseAnswer) continue;
      await this.adopt(collection, rows, outcome.conflicts as unknown as PlainDocument[]);
    }
  }

  private async adopt(
    collection: CollectionName,
    rows: PushRow[],
    masters: PlainDocument[],
  ): Promise<void> {
    const handler = conflictHandlerFor<WireDocument>(collection);
    const byId = new Map(masters.map((master) => [String(master.id), master]));
    for (const row of rows) {
      const k = key(collection, String(row.newDocumentState.id));
      const master = byId.get(String(row.newDocumentState.id));
      if (!master) {
        this.assumed.set(k, row.newDocumentState);
        this.dirty.delete(k);
        continue;
      }
      const resolved = (await handler.resolve(
        {
          assumedMasterState: (row.assumedMasterState ?? undefined) as WireDocument | undefined,
          realMasterState: master as WireDocument,
          newDocumentState: row.newDocumentState as WireDocument,
        },
        'model',
      )) as unknown as PlainDocument;
      this.assumed.set(k, master);
      this.local.set(k, resolved);
      if (handler.isEqual(master as WireDocument, resolved as WireDocument, 'model')) {
        this.dirty.delete(k);
      } else {
        this.dirty.add(k);
      }
    }
  }

  /** Sends one of the batches sent before again, as a network retry would. */
  async replay(index: number): Promise<void> {
    if (this.sent.length === 0) return;
    const batch = this.sent[index % this.sent.length]!;
    await applyPush(this.world.storage, this.caller, batch.collection, batch.rows, CLOCK);
  }

  /** Pulls every collection it may read to the end of the server's sequence. */
  async pull(): Promise<void> {
    const last = await this.world.storage.lastSeq();
    if (last === this.seenSeq) return;
    for (const collection of COLLECTION_NAMES) {
      for (;;) {
        const since = this.checkpoints.get(collection) ?? 0;
        const result = await pullDocuments(this.world.storage, this.caller, collection, since, 500);
        for (const master of result.documents as unknown as PlainDocument[]) {
          const k = key(collection, String(master.id));
          if (this.dirty.has(k)) continue;
          this.local.set(k, master);
          this.assumed.set(k, master);
        }
        this.checkpoints.set(collection, result.checkpoint.seq);
        if (result.documents.length === 0) break;
      }
    }
    this.seenSeq = last;
  }
}
