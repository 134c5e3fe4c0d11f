/** Pull: the documents written after a checkpoint that the caller may see, in `seq` order. */
import type { CollectionName, WireDocument } from '../../../src/domain/collections';
import type { PlainDocument } from '../../../src/domain/merge';
import { youthsOfDocuments } from '../audit/entries';
import type { Storage } from '../storage/storage';
import { hiddenFieldsFor } from '../../../src/domain/rules/visibility';
import { redactFor } from './redaction';
import { canReadCollection, seesBorrowersOnly, visibilityOf, type Caller } from './scope';
import { toRemoval, toWire } from './wire';

export interface Checkpoint {
  seq: number;
}

export interface PullResult {
  documents: WireDocument[];
  checkpoint: Checkpoint;
}

export async function pullDocuments(
  storage: Storage,
  caller: Caller,
  collection: CollectionName,
  sinceSeq: number,
  limit: number,
): Promise<PullResult> {
  if (!canReadCollection(caller, collection)) {
    return { documents: [], checkpoint: { seq: sinceSeq } };
  }
  const visibility = visibilityOf(caller, collection);
  // The Atelier Mob receives the dossiers of the young people who borrow, and no other; the
  // checkpoint still moves past every row read. Its page is filled by reading on: RxDB stops
  // pulling at a page shorter than asked, and stalls on an empty one (it keeps its checkpoint),
  // so a page of dossiers without a loan must not end its pull before the borrowers after it.
  const borrowers = seesBorrowersOnly(caller, collection)
    ? new Set((await storage.listBorrowers()).map((row) => row.id))
    : undefined;
  const shown: Awaited<ReturnType<Storage['pull']>> = [];
  let seq = sinceSeq;
  for (;;) {
    const rows = await storage.pull(collection, seq, limit, visibility);
    seq = rows.at(-1)?.document.seq ?? seq;
    for (const row of rows) {
      if (!borrowers || borrowers.has(row.document.id)) shown.push(row);
    }
    if (!borrowers || rows.length < limit || shown.length >= limit) break;
  }
  return {
    documents: shown.map((row) =>
      redactFor(caller, collection, row.removal ? toRemoval(row.document) : toWire(row.document)),
    ),
    checkpoint: { seq },
  };
}

/** Where a first download stands in a collection, after the page answered (see countVisible). */
export interface PullProgress {
  total: number;
  remaining: number;
}

async function progressAfter(
  storage: Storage,
  caller: Caller,
  collection: CollectionName,
  checkpoint: Checkpoint,
): Promise<PullProgress> {
  if (!canReadCollection(caller, collection)) return { total: 0, remaining: 0 };
  if (seesBorrowersOnly(caller, collection)) {
    const live = (await storage.listBorrowers()).filter((row) => !row.deleted);
    return {
      total: live.length,
      remaining: live.filter((row) => row.seq > checkpoint.seq).length,
    };
  }
  return storage.countVisible(collection, checkpoint.seq, visibilityOf(caller, collection));
}

export interface PullJsonResult {
  /** The JSON text of a PullResult. */
  json: string;
  count: number;
  checkpoint: Checkpoint;
  /** The dossiers the answer holds documents of (audit log: who received which file). */
  youthIds: string[];
}

/**
 * `pullDocuments` as the JSON text of the answer. When the caller sees every field of the
 * collection, the documents' stored JSON goes out as it is (no parse, no stringify): a first
 * sync pulls tens of thousands of documents from a server on two cores, often shared with the
 * devices writing them. With `progress`, the answer also says how many documents the caller may
 * see in the collection and how many remain after this page (a first download's progress bar).
 */
export async function pullDocumentsJson(
  storage: Storage,
  caller: Caller,
  collection: CollectionName,
  sinceSeq: number,
  limit: number,
  options: { progress?: boolean } = {},
): Promise<PullJsonResult> {
  const result = await pullJson(storage, caller, collection, sinceSeq, limit);
  if (!options.progress) return result;
  // Asked once per collection by a device starting (or resuming) its first download: one count.
  const progress = await progressAfter(storage, caller, collection, result.checkpoint);
  return { ...result, json: `${result.json.slice(0, -1)},"progress":${JSON.stringify(progress)}}` };
}

async function pullJson(
  storage: Storage,
  caller: Caller,
  collection: CollectionName,
  sinceSeq: number,
  limit: number,
): Promise<PullJsonResult> {
  if (
    canReadCollection(caller, collection) &&
    hiddenFieldsFor(caller.role, collection).length === 0
  ) {
    const rows = await storage.pullWire(
      collection,
      sinceSeq,
      limit,
      visibilityOf(caller, collection),
    );
    const checkpoint = { seq: rows.at(-1)?.seq ?? sinceSeq };
    const youthIds = new Set<string>();
    for (const row of rows) if (row.youthId) youthIds.add(row.youthId);
    // A review names its dossiers inside (few reviews: parsing them costs nothing).
    if (collection === 'reviews') {
      const reviews = rows.map((row) => JSON.parse(row.json) as PlainDocument);
      for (const id of youthsOfDocuments('reviews', reviews)) youthIds.add(id);
    }
    return {
      json: `{"documents":[${rows.map((row) => row.json).join(',')}],"checkpoint":${JSON.stringify(checkpoint)}}`,
      count: rows.length,
      checkpoint,
      youthIds: [...youthIds],
    };
  }
  const result = await pullDocuments(storage, caller, collection, sinceSeq, limit);
  return {
    json: JSON.stringify(result),
    count: result.documents.length,
    checkpoint: result.checkpoint,
    youthIds: youthsOfDocuments(collection, result.documents as unknown as PlainDocument[]),
  };
}
