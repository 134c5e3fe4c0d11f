/**
 * A dossier erased at the siège leaves this device too (design.md, Security: erasure that
 * reaches every device). The server replaces each document of the file by a tombstone without
 * personal data (src/domain/erasure.ts); once one is pulled and the replication has settled,
 * this module purges the collection's deleted documents from the device's storage — RxDB keeps
 * deleted documents, with their last fields, until they are cleaned up — and, for an erased
 * dossier, its entries in the device logs (the access journal), which are never pulled back.
 * Waiting for the replication to be in sync first means no local change is waiting to be
 * pushed when deleted documents are dropped.
 */
import type { RxCollection } from 'rxdb/plugins/core';
import type { Subscription } from 'rxjs';
import { COLLECTION_NAMES, isDeviceLog, type CollectionName } from '../domain/collections';
import { isErasureTombstone } from '../domain/erasure';
import { errorSummary } from '../domain/errors';
import type { RelaisDatabase } from '../db/database';
import type { CollectionReplication } from './collection-replication';

/**
 * Deleted documents written up to this long after "now" are purged too: RxDB's storage compares
 * their last-write time with `now - minimumDeletedTime`, and the tombstone was just written.
 */
const PURGE_AHEAD_MS = 60_000;

/** Drops this collection's deleted documents from the device's storage for good. */
export async function purgeDeleted(db: RelaisDatabase, name: CollectionName): Promise<void> {
  const collection = db.collections[name] as RxCollection;
  await collection.storageInstance.cleanup(-PURGE_AHEAD_MS);
}

/** Settles when the replication of a collection has nothing left to push or pull. */
export type AwaitInSync = (name: CollectionName) => Promise<void>;

/**
 * The device-log entries (accesses) of erased dossiers: removed, then purged once the removal
 * has been answered (the server answers with its tombstone, which is purged as well).
 */
async function purgeDeviceLogs(
  db: RelaisDatabase,
  youthIds: string[],
  awaitInSync: AwaitInSync,
): Promise<void> {
  for (const name of COLLECTION_NAMES.filter(isDeviceLog)) {
    const collection = db.collections[name] as RxCollection;
    await collection.find({ selector: { youthId: { $in: youthIds } } }).remove();
    await awaitInSync(name);
    await purgeDeleted(db, name);
  }
}

/** Watches what `replication` pulls for tombstones, and purges after each batch of them. */
export function purgeOnErasure(
  db: RelaisDatabase,
  name: CollectionName,
  replication: CollectionReplication,
  awaitInSync: AwaitInSync,
): Subscription {
  const erasedYouths = new Set<string>();
  let scheduled = false;
  const purge = async () => {
    await replication.awaitInSync();
    scheduled = false;
    const youthIds = [...erasedYouths];
    erasedYouths.clear();
    if (youthIds.length > 0) await purgeDeviceLogs(db, youthIds, awaitInSync);
    await purgeDeleted(db, name);
  };
  return replication.received$.subscribe((document) => {
    if (!isErasureTombstone(document as object)) return;
    if (name === 'youths') erasedYouths.add(String((document as unknown as { id: unknown }).id));
    if (scheduled) return;
    scheduled = true;
    purge().catch((error: unknown) => {
      scheduled = false;
      console.warn(`Effacement sur cet appareil : ${errorSummary(error)}`);
    });
  });
}
