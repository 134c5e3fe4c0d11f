/**
 * A bulk import path for a collection that holds nothing yet (the first sync, src/sync/
 * bootstrap.ts), below RxDB's conflict checks. RxDB's Dexie storage reads every key before
 * writing it (`bulkGet`, then `categorizeBulkWriteRows`) so that a write can fail as a conflict;
 * on an empty table there is nothing to conflict with, and those reads cost about a quarter of
 * the storage's time (issue 19, measured in Chromium). A `bulkWrite` with FRESH_IMPORT_CONTEXT
 * therefore goes straight to Dexie's `bulkAdd`, in one transaction:
 * - `bulkAdd` never overwrites: if any key is already stored, the whole transaction aborts and
 *   the rows go through RxDB's own `bulkWrite`, checks included (slower, never wrong);
 * - the rows are written as RxDB would store them (its own boolean-index encoding) and keep the
 *   `_rev`, `_meta.lwt` and origin the caller gave, so RxDB's metadata stays valid;
 * - the change event RxDB's storage would emit is emitted on the same subject, so open queries,
 *   the sealed storage above and the other tabs (RxDB multi-instance) hear of every row.
 * Wraps the Dexie storage directly (the sealed and validating wrappers sit above it and pass the
 * context through), so what it writes is what they gave.
 */
import type {
  BulkWriteRow,
  DexieStorageInternals,
  EventBulk,
  RxDocumentData,
  RxStorage,
  RxStorageBulkWriteResponse,
  RxStorageChangeEvent,
  RxStorageDefaultCheckpoint,
  RxStorageInstance,
} from 'rxdb/plugins/core';
import { getPrimaryFieldOfPrimaryKey, randomToken } from 'rxdb/plugins/core';
import { fromStorageToDexie } from 'rxdb/plugins/storage-dexie';
import type { Subject } from 'rxjs';

/** The `bulkWrite` context of rows to import into a collection believed empty. */
export const FRESH_IMPORT_CONTEXT = 'relais-fresh-import';

type Doc = RxDocumentData<Record<string, unknown>>;
type Bulk = EventBulk<RxStorageChangeEvent<Doc>, RxStorageDefaultCheckpoint>;
/** RxDB's Dexie instance as it is at run time (`changes$` is private in its types only). */
type DexieInstance = RxStorageInstance<Record<string, unknown>, unknown, unknown> & {
  internals: DexieStorageInternals;
  changes$: Subject<Bulk>;
};

async function importRows(
  instance: DexieInstance,
  primary: string,
  rows: BulkWriteRow<Record<string, unknown>>[],
): Promise<boolean> {
  const state = await instance.internals;
  const stored = rows.map((row) => fromStorageToDexie(state.booleanIndexes, row.document));
  try {
    await state.dexieDb.transaction('rw', state.dexieTable, () => state.dexieTable.bulkAdd(stored));
  } catch (error) {
    // A key already there (ConstraintError in a BulkError): nothing was written.
    if ((error as { name?: string }).name === 'BulkError') return false;
    throw error;
  }
  const last = rows.at(-1)!.document;
  instance.changes$.next({
    id: randomToken(10),
    events: rows.map((row) => ({
      documentId: String(row.document[primary]),
      operation: 'INSERT',
      documentData: row.document,
      previousDocumentData: undefined,
    })),
    checkpoint: { id: String(last[primary]), lwt: last._meta.lwt },
    context: FRESH_IMPORT_CONTEXT,
  });
  return true;
}

/** RxDB's Dexie storage, with the fresh-import path on its instances. */
export function withFreshImport(storage: RxStorage<unknown, unknown>): RxStorage<unknown, unknown> {
  return {
    ...storage,
    async createStorageInstance(params) {
      const instance = (await storage.createStorageInstance(params)) as unknown as DexieInstance;
      const primary = getPrimaryFieldOfPrimaryKey(params.schema.primaryKey) as string;
      const bulkWrite = instance.bulkWrite.bind(instance);
      instance.bulkWrite = async (
        rows: BulkWriteRow<Record<string, unknown>>[],
        context: string,
      ): Promise<RxStorageBulkWriteResponse<Record<string, unknown>>> => {
        if (context === FRESH_IMPORT_CONTEXT && rows.length > 0 && !rows.some((r) => r.previous)) {
          if (await importRows(instance, primary, rows)) return { error: [] };
        }
        return bulkWrite(rows, context);
      };
      return instance as never;
    },
  };
}
