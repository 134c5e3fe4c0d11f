/** Pull: the documents written after a checkpoint that the caller may see, in `seq` order. */
import type { CollectionName, WireDocument } from '../../../src/domain/collections';
import type { PlainDocument } from '../../../src/domain/merge';
import { youthsOfDocuments } from '../audit/entries';
import type { Storage } from '../storage/storage';
import { hiddenFieldsFor } from '../../../src/domain/rules/visibility';
import { redactFor } from './redaction';
import { canReadCollection, visibilityOf, type Caller } from './scope';
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
  const rows = await storage.pull(collection, sinceSeq, limit, visibilityOf(caller));
  const last = rows.at(-1);
  return {
    documents: rows.map((row) =>
      redactFor(caller, collection, row.removal ? toRemoval(row.document) : toWire(row.document)),
    ),
    checkpoint: { seq: last ? last.document.seq : sinceSeq },
  };
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
 * devices writing them.
 */
export async function pullDocumentsJson(
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
    const rows = await storage.pullWire(collection, sinceSeq, limit, visibilityOf(caller));
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
