/**
 * Erasure of a dossier (RGPD art. 17; design.md, Security: erasure that reaches every device),
 * asked by the siège with a confirmation naming the young person. In one transaction, every
 * document of the file — the dossier, the dossiers merged into it, every attached document
 * (events, parcours, rendez-vous, émargements, prêts, accès), and every review naming them
 * (conflicts, duplicate pairs) — loses its whole history and is replaced by a tombstone without
 * personal data (src/domain/erasure.ts); the tombstones are pulled by every device that held
 * the documents, which then purges its copies. The audit log keeps its rows, which hold ids
 * only. Then the storage is compacted, so the values are gone from the files too.
 */
import { newRev } from '../../../src/domain/ids';
import {
  confirmsErasure,
  erasedRev,
  erasureTombstone,
  isErasureTombstone,
} from '../../../src/domain/erasure';
import { RelaisError } from '../../../src/domain/errors';
import type { Clock } from '../../../src/domain/time';
import { auditBy } from '../audit/entries';
import { calendarWrites, touchedVehicles } from '../mobility/calendars';
import { assertSiege } from '../replication/resolution';
import type { Caller } from '../replication/scope';
import type { DocumentWrite, Storage, StoredDocument } from '../storage/storage';

export interface ErasureSummary {
  youthId: string;
  /** How many documents of each collection were replaced by a tombstone. */
  erased: Record<string, number>;
  /** How many stored states were deleted from the history. */
  revisions: number;
}

function tombstoneWrite(document: StoredDocument, at: string, caller: Caller): DocumentWrite {
  const data = erasureTombstone(document.collection, document.data, {
    rev: erasedRev(newRev()),
    at,
  });
  return {
    collection: document.collection,
    id: document.id,
    rev: String(data.rev),
    deleted: true,
    data,
    youthId: document.youthId,
    // Every device that could see it, now or before a scope change, gets the tombstone.
    scope: document.scope,
    previousScope: document.previousScope,
    previousData: document.previousData ? data : null,
    writtenBy: caller.userId,
    deviceId: caller.deviceId,
  };
}

function unique(documents: StoredDocument[]): StoredDocument[] {
  const seen = new Map<string, StoredDocument>();
  for (const document of documents) seen.set(`${document.collection}:${document.id}`, document);
  return [...seen.values()];
}

export async function eraseDossier(
  storage: Storage,
  caller: Caller,
  youthId: string,
  confirmation: string,
  clock: Clock,
): Promise<{ written: StoredDocument[]; summary: ErasureSummary }> {
  assertSiege(caller);
  const at = clock.now().toISOString();
  const outcome = await storage.write(async (tx) => {
    const youth = (await tx.getDocuments('youths', [youthId])).get(youthId);
    if (!youth) throw new RelaisError('NOT_FOUND', 'Dossier introuvable.');
    if (isErasureTombstone(youth.data)) throw new RelaisError('ALREADY_ERASED');
    if (!confirmsErasure(youth.data, confirmation)) throw new RelaisError('ERASURE_NOT_CONFIRMED');

    const redirects = await tx.listRedirects(youthId);
    const youthIds = [youthId, ...redirects.map((r) => r.id)];
    const attached = await tx.getAttachedDocuments(youthIds);
    const reviews = [
      ...(await tx.listReviewsOfYouths(youthIds)),
      ...(await tx.getReviewsAbout([...youthIds, ...attached.map((d) => d.id)])),
    ];
    const documents = unique([youth, ...redirects, ...attached, ...reviews]).filter(
      (document) => !isErasureTombstone(document.data),
    );

    const summary: ErasureSummary = { youthId, erased: {}, revisions: 0 };
    const byCollection = new Map<StoredDocument['collection'], string[]>();
    for (const document of documents) {
      byCollection.set(document.collection, [
        ...(byCollection.get(document.collection) ?? []),
        document.id,
      ]);
    }
    for (const [collection, ids] of byCollection) {
      summary.erased[collection] = ids.length;
      summary.revisions += await tx.eraseHistory(collection, ids);
    }
    const tombstones = documents.map((d) => tombstoneWrite(d, at, caller));
    // The vehicles' calendars lose the erased loans (mobility/calendars.ts).
    const calendars = await calendarWrites(
      tx,
      await touchedVehicles(tx, tombstones),
      tombstones,
      { deviceId: caller.deviceId },
      at,
    );
    const written = await tx.putDocuments([...tombstones, ...calendars]);
    await tx.appendAudit([
      auditBy(caller, at, 'dossier-erase', {
        collection: 'youths',
        documentId: youthId,
        youthIds,
        details: summary,
      }),
    ]);
    return { written, summary };
  });
  await storage.compact();
  return outcome;
}
