/**
 * A device of the property test: a model of what RxDB's replication does on a device (fork
 * state, assumed master state per document), calling the real server code in-process and the
 * device's real conflict handler (`src/db/conflicts.ts`) where RxDB calls it. Rules copied from
 * RxDB 17's replication protocol (replication-protocol/upstream.ts, downstream.ts):
 * - upstream: a document is pushed `{newDocumentState, assumedMasterState}` unless the handler's
 *   `isEqual` says its fork state equals its assumed master (a resolved conflict is pushed
 *   once whatever `isEqual` says); a row answered without a master makes its state the assumed
 *   master; a row answered with a master goes through `resolve`, whose result becomes the fork
 *   state (to be pushed), the master becoming the assumed master;
 * - downstream: a pulled master does not overwrite a fork state that `isEqual` says differs from
 *   its assumed master (a change not pushed yet), nor one never pushed; a fork state `isEqual`
 *   to the master only takes it as its assumed master; anything else takes the master.
 * Like the real device (src/sync/pending.ts), it sends the revs of pushes whose answer was lost
 * as the row's lineage. A row the server refuses (a dossier that left its scope) is treated as
 * RxDB treats it: pushed, the refusal kept aside.
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
import { canReadCollection, type Caller } from '../../../sync-server/src/replication/scope';
import { CLOCK, type World } from './world';

type Key = `${CollectionName}/${string}`;

const key = (collection: CollectionName, id: string): Key => `${collection}/${id}`;
const collectionOf = (k: Key) => k.slice(0, k.indexOf('/')) as CollectionName;

/**
 * Refusals a device meets through no fault of its own: its dossier left its scope, or another
 * site booked the vehicle's slot (both bookings then wait in a review).
 */
const SCOPE_REFUSALS = ['SCOPE_LEFT', 'OUT_OF_SCOPE', 'SLOT_TAKEN'];
/** Refusals whose typed values the server keeps in a review for the siège. */
const KEPT_FOR_SIEGE = ['SCOPE_LEFT', 'SLOT_TAKEN'];
/** Far more pages than a run ever writes: a checkpoint that does not move fails here, fast. */
const MAX_PULL_PAGES = 50;
const PULL_PAGE = 500;

export interface SentBatch {
  collection: CollectionName;
  rows: PushRow[];
  /**
   * Some rows were refused for their scope: sent again later, they are a new attempt, taken if
   * the dossier came back meanwhile (the siège transferred it back).
   */
  refused: boolean;
}

export class ModelDevice {
  readonly local = new Map<Key, PlainDocument>();
  private readonly assumed = new Map<Key, PlainDocument>();
  /** Fork states written by `resolve`, pushed once whatever `isEqual` says. */
  private readonly resolvedConflicts = new Set<Key>();
  /** Revs pushed whose answer was lost (the real device's `sent`, pending.ts). */
  private readonly unanswered = new Map<Key, string[]>();
  private readonly checkpoints = new Map<CollectionName, number>();
  private seenSeq = -1;
  private revCounter = 0;
  readonly sent: SentBatch[] = [];
  readonly refused: { key: Key; code: string }[] = [];

  constructor(
    readonly name: string,
    readonly caller: Caller,
    private readonly world: World,
  ) {}

  private newRev(): string {
    this.revCounter += 1;
    return `${this.name}-${this.revCounter}-${this.world.typed.length}`;
  }

  private isEqual(collection: CollectionName, a: PlainDocument, b: PlainDocument): boolean {
    return conflictHandlerFor<WireDocument>(collection).isEqual(
      a as WireDocument,
      b as WireDocument,
      'model',
    );
  }

  /** Documents of a collection on this device, not deleted, in a stable order. */
  documents(collection: CollectionName, filter?: (doc: PlainDocument) => boolean): PlainDocument[] {
    return [...this.local.entries()]
      .filter(([k, doc]) => k.startsWith(`${collection}/`) && !doc._deleted)
      .map(([, doc]) => doc)
      .filter((doc) => !filter || filter(doc))
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  }

  /** Whether the server last refused this document and kept it in a review. */
  keptForSiege(collection: CollectionName, id: string): boolean {
    const k = key(collection, id);
    return KEPT_FOR_SIEGE.includes(this.refused.findLast((row) => row.key === k)?.code ?? '');
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
  }

  /** Whether RxDB's upstream would push this document now. */
  private needsPush(k: Key): boolean {
    const assumed = this.assumed.get(k);
    if (!assumed || this.resolvedConflicts.has(k)) return true;
    return !this.isEqual(collectionOf(k), assumed, this.local.get(k)!);
  }

  /** Documents RxDB would still push. */
  get pendingCount(): number {
    return [...this.local.keys()].filter((k) => this.needsPush(k)).length;
  }

  private rowsOf(collection: CollectionName): PushRow[] {
    const rows: PushRow[] = [];
    for (const k of [...this.local.keys()].sort()) {
      if (collectionOf(k) !== collection || !this.needsPush(k)) continue;
      const state = this.local.get(k)!;
      const assumed = this.assumed.get(k);
      const lineage = (this.unanswered.get(k) ?? []).filter((rev) => rev !== state.rev);
      rows.push({
        newDocumentState: state,
        ...(assumed ? { assumedMasterState: assumed } : {}),
        ...(lineage.length > 0 ? { lineage } : {}),
      });
    }
    return rows;
  }

  /** Sends what changed; `loseAnswer` drops the server's answer (the device will send again). */
  async push(order: readonly CollectionName[], loseAnswer = false): Promise<void> {
    for (const collection of order) {
      const rows = this.rowsOf(collection);
      if (rows.length === 0) continue;
      const batch: SentBatch = { collection, rows, refused: false };
      this.sent.push(batch);
      const outcome = await applyPush(this.world.storage, this.caller, collection, rows, CLOCK);
      batch.refused = outcome.rejected.length > 0;
      const unexpected = outcome.rejected.filter((row) => !SCOPE_REFUSALS.includes(row.code));
      expect(unexpected, `${this.name} push refused`).toEqual([]);
      if (loseAnswer) {
        for (const row of rows) {
          const k = key(collection, String(row.newDocumentState.id));
          this.unanswered.set(k, [
            ...(this.unanswered.get(k) ?? []),
            String(row.newDocumentState.rev),
          ]);
        }
        continue;
      }
      for (const row of outcome.rejected) {
        this.refused.push({ key: key(collection, String(row.id)), code: row.code });
      }
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
      this.unanswered.delete(k);
      this.resolvedConflicts.delete(k);
      const master = byId.get(String(row.newDocumentState.id));
      if (!master) {
        this.assumed.set(k, row.newDocumentState);
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
      this.resolvedConflicts.add(k);
    }
  }

  /** Sends one of the batches sent before again, as a network retry would; the batch sent. */
  async replay(index: number): Promise<SentBatch | undefined> {
    if (this.sent.length === 0) return undefined;
    const batch = this.sent[index % this.sent.length]!;
    await applyPush(this.world.storage, this.caller, batch.collection, batch.rows, CLOCK);
    return batch;
  }

  /** Takes one pulled master as RxDB's downstream would. */
  private receive(collection: CollectionName, master: PlainDocument): void {
    const k = key(collection, String(master.id));
    const local = this.local.get(k);
    const assumed = this.assumed.get(k);
    if (local) {
      const unpushed =
        !assumed || this.resolvedConflicts.has(k) || !this.isEqual(collection, assumed, local);
      if (unpushed) return;
      if (this.isEqual(collection, master, local)) {
        this.assumed.set(k, master);
        return;
      }
    }
    this.local.set(k, master);
    this.assumed.set(k, master);
  }

  /**
   * Pulls every collection it may read to the end of the server's sequence, page by page; a
   * checkpoint that does not move forward, or a pull that never ends, fails at once.
   */
  async pull(): Promise<void> {
    const last = await this.world.storage.lastSeq();
    if (last === this.seenSeq) return;
    for (const collection of COLLECTION_NAMES) {
      if (!canReadCollection(this.caller, collection)) continue;
      for (let page = 0; ; page += 1) {
        expect(page, `${this.name} pulls ${collection} without end`).toBeLessThan(MAX_PULL_PAGES);
        const since = this.checkpoints.get(collection) ?? 0;
        const result = await pullDocuments(
          this.world.storage,
          this.caller,
          collection,
          since,
          PULL_PAGE,
        );
        for (const master of result.documents as unknown as PlainDocument[]) {
          this.receive(collection, master);
        }
        if (result.documents.length === 0) break;
        expect(result.checkpoint.seq, `${this.name} ${collection} checkpoint`).toBeGreaterThan(
          since,
        );
        this.checkpoints.set(collection, result.checkpoint.seq);
      }
    }
    this.seenSeq = last;
  }
}
