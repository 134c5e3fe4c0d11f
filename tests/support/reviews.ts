/**
 * A probable duplicate pair as the server's duplicate detector writes it (`kind: 'duplicate'`,
 * `youthIds`, `score`), for tests of the doublons review that must not depend on the detector.
 */
import { newId, newRev } from '../../src/domain/ids';
import type { Storage, StoredDocument } from '../../sync-server/src/storage/storage';

export async function storeDuplicateReview(
  storage: Storage,
  youthIds: [string, string],
  options: { score?: number; siteId?: string; openedAt?: string } = {},
): Promise<StoredDocument> {
  const at = options.openedAt ?? new Date().toISOString();
  const data = {
    id: newId(),
    rev: newRev(),
    updatedAt: at,
    updatedBy: 'server',
    kind: 'duplicate',
    status: 'open',
    youthIds,
    score: options.score ?? 0.92,
    openedAt: at,
    ...(options.siteId ? { siteId: options.siteId } : {}),
  };
  const [stored] = await storage.write((tx) =>
    tx.putDocuments([
      {
        collection: 'reviews',
        id: data.id,
        rev: data.rev,
        deleted: false,
        data,
        youthId: null,
        scope: { siteId: options.siteId ?? null, ownerId: null },
        previousScope: null,
        previousData: null,
        writtenBy: 'server',
        deviceId: null,
      },
    ]),
  );
  return stored!;
}
