/**
 * The « Journal des accès » of one dossier (design.md, Security): every audit row that names it —
 * opened on a device, received by a pull or the stream, written, exported, decided at the siège
 * — with the names of the staff and devices, newest first.
 */
import type { JournalEntry } from '../../../src/domain/access-journal';
import type { AuditRecord, Storage } from '../storage/storage';

/** Enough for years of a dossier's life; the export says when the journal was cut. */
export const JOURNAL_LIMIT = 2000;

export async function accessJournal(
  storage: Storage,
  youthId: string,
  limit = JOURNAL_LIMIT,
): Promise<JournalEntry[]> {
  const rows = await storage.listAuditOfYouth(youthId, limit);
  const accounts = new Map((await storage.listAccounts()).map((a) => [a.id, a]));
  const devices = new Map((await storage.listDevices()).map((d) => [d.id, d]));
  return rows.map((row: AuditRecord): JournalEntry => {
    const account = row.userId ? accounts.get(row.userId) : undefined;
    return {
      at: row.at,
      action: row.action,
      user: account ? { id: account.id, name: account.name, login: account.login } : null,
      deviceId: row.deviceId,
      deviceLabel: row.deviceId ? (devices.get(row.deviceId)?.label ?? null) : null,
      address: row.address,
      collection: row.collection,
      documentId: row.documentId,
      ...(row.details === undefined ? {} : { details: row.details }),
    };
  });
}
