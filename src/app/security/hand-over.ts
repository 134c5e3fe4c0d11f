/**
 * A device that lost its access (revoked by the siège, or the account disabled) hands over what
 * it had not sent, then erases the user's data — and, when the device itself was revoked and no
 * other user's data is left on it, everything of Relais (design.md, Security).
 */
import { findIncludingDeleted } from '../../db/deleted';
import type { RelaisDatabase } from '../../db/database';
import type { Keyring } from '../../db/encryption/keyring';
import { COLLECTION_NAMES, type CollectionName, type WireDocument } from '../../domain/collections';
import type { AccessLoss } from '../../stores/session-slice';
import type { ApiClient, SurrenderAnswer } from '../../sync/api';
import type { PendingState } from '../../sync/pending';
import type { SyncEngine } from '../../sync/replication';
import type { Unlocked } from './unlocked';
import { wipeDevice, wipeUser } from './wipe';

export interface UnsentRow {
  collection: CollectionName;
  document: WireDocument;
}

/** Every record written here and not acknowledged (refused ones included), as it stands now. */
export async function unsentRows(db: RelaisDatabase, pending: PendingState): Promise<UnsentRow[]> {
  const rows: UnsentRow[] = [];
  for (const collection of COLLECTION_NAMES) {
    const ids = Object.keys(pending[collection]);
    const found = await findIncludingDeleted(db, collection, ids);
    for (const document of found.values())
      rows.push({ collection, document: document as unknown as WireDocument });
  }
  return rows;
}

export interface HandOverDeps {
  db: RelaisDatabase;
  sync: SyncEngine;
  api: Pick<ApiClient, 'surrender'>;
  keyring: Keyring;
  deviceId: string;
}

/** Stops sync and sends what is unsent; throws (network) without erasing anything. */
export async function handOver(deps: HandOverDeps, unlocked: Unlocked): Promise<SurrenderAnswer> {
  await deps.sync.stop();
  const rows = await unsentRows(deps.db, deps.sync.pending.state);
  if (rows.length === 0) return { kept: 0, unchanged: 0, refused: 0 };
  if (!unlocked.renewToken) throw new Error('no device token to hand over with');
  return deps.api.surrender(
    { deviceId: deps.deviceId, userId: unlocked.user.id, token: unlocked.renewToken },
    rows,
  );
}

/** Erases the user's data (and the whole device when revoked and nobody else is on it). */
export async function eraseAfterLoss(
  deps: Pick<HandOverDeps, 'db' | 'keyring'>,
  userId: string,
  reason: AccessLoss,
): Promise<void> {
  await deps.db.remove();
  await wipeUser(deps.keyring, userId);
  if (reason === 'DEVICE_REVOKED' && deps.keyring.entries().length === 0) {
    await wipeDevice(deps.keyring);
  }
}
