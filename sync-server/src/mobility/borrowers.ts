/**
 * The Atelier Mob receives the dossier (identity and contact) of a young person once a loan
 * names them (replication/scope.ts). A device pulls by sequence number, and the dossier was
 * written long before its first loan: so when a young person borrows for the first time, their
 * dossier is stored again unchanged (same rev, new seq) in the same transaction, and the
 * Atelier Mob's devices receive it at their next pull, or at once on their stream. Devices that
 * held it already receive the same revision and change nothing.
 */
import type { DocumentWrite, WriteTransaction } from '../storage/storage';
import { SERVER_ACTOR } from '../replication/conflicts';
import { documentWrite } from '../replication/document-write';

export async function borrowerRestamps(
  tx: WriteTransaction,
  batch: readonly DocumentWrite[],
  deviceId: string | null,
): Promise<DocumentWrite[]> {
  const loans = batch.filter((w) => w.collection === 'mobility' && w.youthId !== null);
  const youthIds = [...new Set(loans.map((w) => w.youthId!))];
  if (youthIds.length === 0) return [];
  const inBatch = new Set(loans.map((w) => w.id));
  const stored = await tx.getAttachedDocuments(youthIds);
  const borrowedBefore = new Set(
    stored.filter((d) => d.collection === 'mobility' && !inBatch.has(d.id)).map((d) => d.youthId),
  );
  const firstTime = youthIds.filter((id) => !borrowedBefore.has(id));
  if (firstTime.length === 0) return [];
  // A loan of a dossier the batch rewrites anyway (its scope changed) needs no second write.
  const rewritten = new Set(batch.filter((w) => w.collection === 'youths').map((w) => w.id));
  const youths = await tx.getDocuments(
    'youths',
    firstTime.filter((id) => !rewritten.has(id)),
  );
  return [...youths.values()].map((youth) =>
    documentWrite('youths', { ...youth.data, _deleted: youth.deleted }, youth.scope, youth, {
      writtenBy: SERVER_ACTOR,
      deviceId,
    }),
  );
}
