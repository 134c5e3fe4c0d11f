/**
 * The audit log's own retention (design.md: 12 months by default; the CNIL recommends six months
 * to a year for access logs): rows older than that are deleted — the only deletion the
 * append-only guard allows — and the purge is itself written to the log with the hash of the
 * last row it removed, which the oldest row kept chains to (verify.ts checks it).
 */
import { addMonthsToDay, toDay, type Clock } from '../../../src/domain/time';
import type { DailyJob } from '../jobs/daily';
import type { Storage } from '../storage/storage';
import { CLI_ADDRESS, SERVER_ADDRESS } from './entries';

export const DEFAULT_AUDIT_RETENTION_MONTHS = 12;

export interface AuditPurge {
  before: string;
  purged: number;
}

/** Deletes the rows older than `months` and records it; `address` says who asked. */
export async function purgeOldAudit(
  storage: Storage,
  clock: Clock,
  months: number,
  address: string = CLI_ADDRESS,
): Promise<AuditPurge> {
  const before = `${addMonthsToDay(toDay(clock.now()), -months)}T00:00:00.000Z`;
  const { purged, last } = await storage.purgeAuditBefore(before);
  if (purged > 0) {
    await storage.appendAudit([
      {
        at: clock.now().toISOString(),
        userId: null,
        deviceId: null,
        address,
        action: 'audit-purge',
        collection: null,
        documentId: null,
        details: { before, purged, lastSeq: last?.seq ?? null, lastHash: last?.hash ?? null },
      },
    ]);
  }
  return { before, purged };
}

/** The server's daily purge of the audit log (sync-server/src/jobs/daily.ts). */
export function auditPurgeJob(storage: Storage, clock: Clock, months: number): DailyJob {
  return {
    name: "purge du journal d'audit",
    run: () => purgeOldAudit(storage, clock, months, SERVER_ADDRESS),
  };
}
