/**
 * The server's data migration of issues 18, 15 and 17: stored documents of `events`, `pathway`,
 * `attendances` and `youths` written in
 * a previous vocabulary are rewritten in the current one (src/domain/vocabulary.ts, the same
 * mapping as the devices' RxDB migration), as a new revision with a new sequence number, so
 * every device pulls the mapped values. Run at startup (app.ts) on both backends through the
 * Storage interface; the version reached is kept in the settings, so it runs once.
 *
 * Older revisions keep what was written (the history is a record); when one of them serves as
 * the base of a merge it is mapped on read (replication/push.ts). A device still on the previous
 * schema version is answered 426 by the sync routes and migrates its own records when it
 * updates, then pushes them in the new vocabulary: nothing it holds is lost.
 */
import type { CollectionName } from '../../../src/domain/collections';
import { newRev } from '../../../src/domain/ids';
import type { PlainDocument } from '../../../src/domain/merge';
import type { Clock } from '../../../src/domain/time';
import { toCurrentVocabulary, VOCABULARY_VERSION } from '../../../src/domain/vocabulary';
import { SERVER_ADDRESS } from '../audit/entries';
import type { DocumentWrite, Storage, StoredDocument } from '../storage/storage';

export const VOCABULARY_SETTING = 'vocabulary-version';
/** The collections whose values the vocabulary changed. */
export const MIGRATED_COLLECTIONS: readonly CollectionName[] = [
  'events',
  'pathway',
  'attendances',
  'youths',
];
const WRITER = 'server';
const PAGE = 2000;
/** Documents rewritten per transaction: short transactions, other writers are not held long. */
const BATCH = 500;

export interface VocabularyMigration {
  from: number;
  to: number;
  /** Documents rewritten, per collection. */
  migrated: Partial<Record<CollectionName, number>>;
}

function mapped(document: StoredDocument): PlainDocument | undefined {
  const data = toCurrentVocabulary(document.collection, document.data);
  return data === document.data ? undefined : data;
}

/** Ids of the stored documents of `collection` not in the current vocabulary. */
async function outdatedIds(storage: Storage, collection: CollectionName): Promise<string[]> {
  const ids: string[] = [];
  for (let seq = 0; ;) {
    const rows = await storage.pull(collection, seq, PAGE, { all: true });
    if (rows.length === 0) return ids;
    for (const { document } of rows) if (mapped(document)) ids.push(document.id);
    seq = rows.at(-1)!.document.seq;
  }
}

async function rewrite(
  storage: Storage,
  collection: CollectionName,
  ids: string[],
  at: string,
): Promise<number> {
  // Read again inside the transaction (the only writer): another process may have done it.
  return storage.write(async (tx) => {
    const writes: DocumentWrite[] = [];
    for (const document of (await tx.getDocuments(collection, ids)).values()) {
      const data = mapped(document);
      if (!data) continue;
      const state = { ...data, rev: newRev(), updatedAt: at, updatedBy: WRITER };
      writes.push({
        collection,
        id: document.id,
        rev: state.rev,
        deleted: document.deleted,
        data: state,
        youthId: document.youthId,
        scope: document.scope,
        previousScope: document.previousScope,
        previousData: document.previousData ? state : null,
        writtenBy: WRITER,
        deviceId: null,
      });
    }
    await tx.putDocuments(writes);
    if (writes.length > 0) {
      await tx.appendAudit([
        {
          at,
          userId: null,
          deviceId: null,
          address: SERVER_ADDRESS,
          action: 'vocabulary-migration',
          collection,
          documentId: null,
          details: { count: writes.length, to: VOCABULARY_VERSION },
        },
      ]);
    }
    return writes.length;
  });
}

/** Brings the stored documents to the current vocabulary, once per version. */
export async function migrateVocabulary(
  storage: Storage,
  clock: Clock,
): Promise<VocabularyMigration> {
  const stored = await storage.getSetting(VOCABULARY_SETTING);
  const from = typeof stored === 'number' ? stored : 0;
  const result: VocabularyMigration = { from, to: VOCABULARY_VERSION, migrated: {} };
  if (from >= VOCABULARY_VERSION) return result;
  const at = clock.now().toISOString();
  for (const collection of MIGRATED_COLLECTIONS) {
    const ids = await outdatedIds(storage, collection);
    let count = 0;
    for (let i = 0; i < ids.length; i += BATCH) {
      count += await rewrite(storage, collection, ids.slice(i, i + BATCH), at);
    }
    if (count > 0) result.migrated[collection] = count;
  }
  await storage.putSetting(VOCABULARY_SETTING, VOCABULARY_VERSION);
  return result;
}
