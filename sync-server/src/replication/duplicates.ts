/**
 * Probable duplicates after sync. A tablet holds only the dossiers of its sites, so a young
 * person met in the street may already have a dossier elsewhere. Each dossier NEW to the server
 * (any status) is scored against every live dossier with the device's matcher
 * (src/domain/rules/matching.ts); each pair at or above PROBABLE_DUPLICATE_THRESHOLD becomes a
 * `reviews` document (kind `duplicate`, status `open`, `youthIds: [new, existing]`) for the siège,
 * written in the same transaction as the push that brought the dossier. The merge itself belongs
 * to the reconciliation screens.
 *
 * Invariants: a dossier is never paired with itself; a pair already recorded (in any status,
 * either order) is never recorded again; two new dossiers of one push are paired once.
 */
import { newId, newRev } from '../../../src/domain/ids';
import type { PlainDocument } from '../../../src/domain/merge';
import {
  comparePeople,
  preparePerson,
  PROBABLE_DUPLICATE_THRESHOLD,
  type PersonIdentity,
} from '../../../src/domain/rules/matching';
import type { DocumentWrite, Storage, WriteTransaction } from '../storage/storage';
import { DuplicateIndex, type DossierMatch } from './duplicate-index';
import { scopeOf } from './scope';

const SERVER_ACTOR = 'server';
/** A very common name met with many dossiers: the best few pairs are enough for a review. */
export const MAX_PAIRS_PER_DOSSIER = 5;

const indexes = new WeakMap<Storage, DuplicateIndex>();

function indexOf(storage: Storage): DuplicateIndex {
  let index = indexes.get(storage);
  if (!index) indexes.set(storage, (index = new DuplicateIndex()));
  return index;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function identityOf(data: PlainDocument): PersonIdentity & { id: string } {
  const optional = (['lastName', 'birthName', 'birthDate', 'phone'] as const).flatMap((field) => {
    const value = text(data[field]);
    return value ? [[field, value] as const] : [];
  });
  return {
    id: String(data.id),
    firstName: text(data.firstName) ?? '',
    ...Object.fromEntries(optional),
  };
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function reviewWrite(newDossier: DocumentWrite, match: DossierMatch, now: string): DocumentWrite {
  const siteId = text(newDossier.data.siteId);
  const data: PlainDocument = {
    id: newId(),
    rev: newRev(),
    updatedAt: now,
    updatedBy: SERVER_ACTOR,
    kind: 'duplicate',
    status: 'open',
    youthIds: [newDossier.id, match.id],
    score: match.score,
    openedAt: now,
    ...(siteId ? { siteId } : {}),
  };
  return {
    collection: 'reviews',
    id: String(data.id),
    rev: String(data.rev),
    deleted: false,
    data,
    youthId: null,
    scope: scopeOf('reviews', data, undefined, SERVER_ACTOR),
    previousScope: null,
    previousData: null,
    writtenBy: SERVER_ACTOR,
    deviceId: null,
  };
}

/** The dossiers this batch creates: youths, live, and not yet stored before the batch. */
async function createdDossiers(
  tx: WriteTransaction,
  writes: DocumentWrite[],
): Promise<DocumentWrite[]> {
  const latest = new Map<string, DocumentWrite>();
  for (const write of writes) if (write.collection === 'youths') latest.set(write.id, write);
  const live = [...latest.values()].filter((w) => !w.deleted && !text(w.data.mergedInto));
  if (live.length === 0) return [];
  const stored = await tx.getDocuments(
    'youths',
    live.map((w) => w.id),
  );
  return live.filter((write) => !stored.has(write.id));
}

/**
 * The review documents to write with this batch (call it before the batch's writes are stored:
 * a dossier is new when the storage does not hold it yet).
 */
export async function probableDuplicateReviews(
  storage: Storage,
  tx: WriteTransaction,
  writes: DocumentWrite[],
  now: string,
): Promise<DocumentWrite[]> {
  const created = await createdDossiers(tx, writes);
  if (created.length === 0) return [];
  const index = indexOf(storage);
  await index.catchUp(tx);
  const recorded = new Set(
    (await tx.listDuplicatePairs(created.map((w) => w.id))).map(([a, b]) => pairKey(a, b)),
  );
  const reviews: DocumentWrite[] = [];
  const earlier: { id: string; keys: ReturnType<typeof preparePerson> }[] = [];
  for (const dossier of created) {
    const identity = identityOf(dossier.data);
    const keys = preparePerson(identity);
    const inBatch = earlier
      .map((other) => ({ id: other.id, score: comparePeople(keys, other.keys).score }))
      .filter((match) => match.score >= PROBABLE_DUPLICATE_THRESHOLD);
    const matches = [...index.find(identity, PROBABLE_DUPLICATE_THRESHOLD), ...inBatch]
      .sort((a, b) => b.score - a.score)
      .slice(0, MAX_PAIRS_PER_DOSSIER);
    for (const match of matches) {
      const key = pairKey(dossier.id, match.id);
      if (match.id === dossier.id || recorded.has(key)) continue;
      recorded.add(key);
      reviews.push(reviewWrite(dossier, match, now));
    }
    earlier.push({ id: dossier.id, keys });
  }
  return reviews;
}
