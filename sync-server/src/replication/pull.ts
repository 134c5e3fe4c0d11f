/** Pull: the documents written after a checkpoint that the caller may see, in `seq` order. */
import type { CollectionName, WireDocument } from '../../../src/domain/collections';
import type { Storage } from '../storage/storage';
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
