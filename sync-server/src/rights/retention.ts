/**
 * The retention job (design.md, Security; rules in src/domain/retention.ts): each dossier past
 * its retention — 26th birthday, end of the CEJ or PACEA in progress then, or the configured
 * time without activity — is anonymised with every record attached to it, its history of
 * changes is deleted (it holds the names too), and the reviews naming it become tombstones.
 * Devices pull the anonymised states like any change. Run daily by the server and by
 * `npm run admin -- retention:run [--dry-run]`; the run and each dossier are audited.
 */
import type { CollectionName } from '../../../src/domain/collections';
import { erasedRev, erasureTombstone, isErasureTombstone } from '../../../src/domain/erasure';
import { newRev } from '../../../src/domain/ids';
import type { PlainDocument } from '../../../src/domain/merge';
import {
  anonymisedRecord,
  anonymisedYouth,
  retentionDue,
  type RetentionReason,
} from '../../../src/domain/retention';
import { toDay, type Clock } from '../../../src/domain/time';
import { SERVER_ADDRESS } from '../audit/entries';
import type { DailyJob } from '../jobs/daily';
import type { AuditEntry, DocumentWrite, Storage, StoredDocument } from '../storage/storage';

/** The collections whose records belong to a dossier and say when something happened. */
const ATTACHED: CollectionName[] = ['events', 'pathway', 'appointments', 'attendances', 'mobility'];
const PAGE = 5000;
const WRITER = 'server';

export interface RetentionReport {
  today: string;
  dryRun: boolean;
  inactivityMonths: number;
  /** The dossiers anonymised (or that would be, in a dry run), with why. */
  dossiers: { youthId: string; reason: RetentionReason }[];
  /** Documents rewritten (dossiers and their records) and reviews erased. */
  documents: number;
}

async function everything(storage: Storage, collection: CollectionName): Promise<StoredDocument[]> {
  const all: StoredDocument[] = [];
  for (let seq = 0; ;) {
    const rows = await storage.pull(collection, seq, PAGE, { all: true });
    if (rows.length === 0) return all;
    all.push(...rows.map((row) => row.document));
    seq = rows.at(-1)!.document.seq;
  }
}

/** The dossiers due on `today`, read from what is stored. */
async function dueDossiers(
  storage: Storage,
  today: string,
  inactivityMonths: number,
): Promise<RetentionReport['dossiers']> {
  const byYouth = new Map<string, { collection: CollectionName; data: PlainDocument }[]>();
  for (const collection of ATTACHED) {
    for (const document of await everything(storage, collection)) {
      if (!document.youthId || document.deleted) continue;
      const list = byYouth.get(document.youthId) ?? [];
      list.push({ collection, data: document.data });
      byYouth.set(document.youthId, list);
    }
  }
  const due: RetentionReport['dossiers'] = [];
  for (const youth of await everything(storage, 'youths')) {
    if (youth.deleted || isErasureTombstone(youth.data)) continue;
    const reason = retentionDue(youth.data, byYouth.get(youth.id) ?? [], today, inactivityMonths);
    if (reason) due.push({ youthId: youth.id, reason });
  }
  return due;
}

function rewrite(document: StoredDocument, data: PlainDocument, deleted: boolean): DocumentWrite {
  return {
    collection: document.collection,
    id: document.id,
    rev: String(data.rev),
    deleted,
    data,
    youthId: document.youthId,
    scope: document.scope,
    previousScope: document.previousScope,
    previousData: document.previousData ? data : null,
    writtenBy: WRITER,
    deviceId: null,
  };
}

export async function runRetention(
  storage: Storage,
  clock: Clock,
  options: { inactivityMonths: number; dryRun?: boolean; address?: string },
): Promise<RetentionReport> {
  const now = clock.now();
  const at = now.toISOString();
  const today = toDay(now);
  const dryRun = options.dryRun ?? false;
  const address = options.address ?? SERVER_ADDRESS;
  const dossiers = await dueDossiers(storage, today, options.inactivityMonths);
  const report: RetentionReport = {
    today,
    dryRun,
    inactivityMonths: options.inactivityMonths,
    dossiers,
    documents: 0,
  };
  const row = (action: string, fields: Partial<AuditEntry>): AuditEntry => ({
    at,
    userId: null,
    deviceId: null,
    address,
    action,
    collection: null,
    documentId: null,
    details: null,
    ...fields,
  });
  const summary = () =>
    row(dryRun ? 'retention-dry-run' : 'retention-run', {
      details: {
        today,
        inactivityMonths: options.inactivityMonths,
        dossiers: dossiers.length,
        documents: report.documents,
      },
    });
  if (dryRun || dossiers.length === 0) {
    await storage.appendAudit([summary()]);
    return report;
  }
  await storage.write(async (tx) => {
    const audit: AuditEntry[] = [];
    for (const { youthId, reason } of dossiers) {
      const youth = (await tx.getDocuments('youths', [youthId])).get(youthId);
      if (!youth) continue;
      const stamp = () => ({ rev: newRev(), updatedAt: at, updatedBy: WRITER });
      const writes: DocumentWrite[] = [
        rewrite(youth, { ...anonymisedYouth(youth.data), ...stamp(), id: youthId }, youth.deleted),
      ];
      for (const document of await tx.getAttachedDocuments([youthId])) {
        if (document.collection === 'accesses') continue; // ids and times only
        const data = { ...anonymisedRecord(document.collection, document.data), ...stamp() };
        writes.push(rewrite(document, data, document.deleted));
      }
      for (const review of await tx.listReviewsOfYouths([youthId])) {
        if (isErasureTombstone(review.data)) continue;
        const data = erasureTombstone('reviews', review.data, { rev: erasedRev(newRev()), at });
        writes.push(rewrite(review, data, true));
      }
      for (const collection of new Set(writes.map((w) => w.collection))) {
        const ids = writes.filter((w) => w.collection === collection).map((w) => w.id);
        await tx.eraseHistory(collection, ids);
      }
      await tx.putDocuments(writes);
      report.documents += writes.length;
      audit.push(
        row('dossier-anonymise', {
          collection: 'youths',
          documentId: youthId,
          youthIds: [youthId],
          details: { reason, documents: writes.length },
        }),
      );
    }
    await tx.appendAudit([...audit, summary()]);
  });
  await storage.compact();
  return report;
}

/** The server's daily run (sync-server/src/jobs/daily.ts). */
export function retentionJob(storage: Storage, clock: Clock, inactivityMonths: number): DailyJob {
  return {
    name: 'anonymisation des dossiers en fin de conservation',
    run: () => runRetention(storage, clock, { inactivityMonths }),
  };
}

/** What the command line prints of a run. */
export function describeRetention(
  report: RetentionReport,
  labels: Record<string, string>,
): string[] {
  const verb = report.dryRun ? 'seraient anonymisés' : 'anonymisés';
  return [
    `Conservation au ${report.today} (inactivité : ${report.inactivityMonths} mois)${report.dryRun ? ' — simulation, rien n’est modifié' : ''}`,
    ...report.dossiers.map((d) => `  ${d.youthId}  ${labels[d.reason] ?? d.reason}`),
    `${report.dossiers.length} dossier(s) ${verb}${report.dryRun ? '' : `, ${report.documents} document(s) réécrit(s)`}.`,
  ];
}
