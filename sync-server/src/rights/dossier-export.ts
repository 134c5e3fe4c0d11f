/**
 * The right of access (RGPD art. 15; design.md, Security): one young person's whole file as the
 * server holds it — the dossier, every document attached to it (events, parcours, rendez-vous,
 * émargements with their session, loans with their vehicle), deleted ones included and marked,
 * every stored state of each (the history of changes, with who and from which device), and the
 * access journal. Read in one transaction, so the parts agree. The JSON form is this object;
 * export-html.ts prints it in French.
 */
import type { CollectionName } from '../../../src/domain/collections';
import type { JournalEntry } from '../../../src/domain/access-journal';
import { RelaisError } from '../../../src/domain/errors';
import type { PlainDocument } from '../../../src/domain/merge';
import type { Storage, StoredDocument, WriteTransaction } from '../storage/storage';
import type { Caller } from '../replication/scope';
import { accessJournal } from './journal';

export const EXPORT_FORMAT = 'relais-dossier-export-1';

/** A record of the file: its fields, and `deleted` when it was deleted (kept, and shown). */
export type ExportedRecord = PlainDocument & { deleted?: true };

export interface ExportedRevision {
  rev: string;
  seq: number;
  /** The device's time of the write (updatedAt), for display. */
  at: string | null;
  writtenBy: string;
  deviceId: string | null;
  deleted: boolean;
  data: PlainDocument;
}

export interface DossierExport {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  exportedBy: { id: string; name: string };
  dossier: ExportedRecord;
  /** Earlier dossiers of the same person merged into this one (kept as redirects). */
  mergedDossiers: ExportedRecord[];
  events: ExportedRecord[];
  situations: ExportedRecord[];
  demandes: ExportedRecord[];
  propositions: ExportedRecord[];
  dispositifs: ExportedRecord[];
  appointments: ExportedRecord[];
  attendances: (ExportedRecord & { workshop: PlainDocument | null })[];
  loans: (ExportedRecord & { vehicle: PlainDocument | null })[];
  history: { collection: CollectionName; id: string; revisions: ExportedRevision[] }[];
  accessJournal: JournalEntry[];
  /** Names of the staff and sites the records refer to by id. */
  names: { staff: Record<string, string>; sites: Record<string, string> };
}

function record(document: StoredDocument): ExportedRecord {
  return document.deleted ? { ...document.data, deleted: true } : { ...document.data };
}

function byDate(field: string) {
  return (a: ExportedRecord, b: ExportedRecord) =>
    String(a[field] ?? '').localeCompare(String(b[field] ?? ''));
}

async function historyOf(
  tx: WriteTransaction,
  documents: StoredDocument[],
): Promise<DossierExport['history']> {
  const history: DossierExport['history'] = [];
  for (const document of documents) {
    const revisions = (await tx.getHistory(document.collection, document.id))
      .filter((revision) => !revision.absorbed)
      .reverse()
      .map((revision): ExportedRevision => ({
        rev: revision.rev,
        seq: revision.seq,
        at: typeof revision.data.updatedAt === 'string' ? revision.data.updatedAt : null,
        writtenBy: revision.writtenBy,
        deviceId: revision.deviceId,
        deleted: revision.deleted,
        data: revision.data,
      }));
    history.push({ collection: document.collection, id: document.id, revisions });
  }
  return history;
}

async function linked(
  tx: WriteTransaction,
  collection: CollectionName,
  ids: unknown[],
): Promise<Map<string, StoredDocument>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  return wanted.length > 0 ? tx.getDocuments(collection, wanted) : new Map();
}

export async function exportDossier(
  storage: Storage,
  caller: Caller,
  youthId: string,
  now: Date,
): Promise<DossierExport> {
  const gathered = await storage.write(async (tx) => {
    const youth = (await tx.getDocuments('youths', [youthId])).get(youthId);
    if (!youth) throw new RelaisError('NOT_FOUND', 'Dossier introuvable.');
    const redirects = await tx.listRedirects(youthId);
    const attached = (await tx.getAttachedDocuments([youthId, ...redirects.map((r) => r.id)]))
      // The journal says who opened the dossier; its entries are not the young person's data.
      .filter((document) => document.collection !== 'accesses');
    const of = (collection: CollectionName) => attached.filter((d) => d.collection === collection);
    const workshops = await linked(
      tx,
      'workshops',
      of('attendances').map((a) => a.data.workshopId),
    );
    const loans = of('mobility').filter((document) => document.data.kind === 'loan');
    const vehicles = await linked(
      tx,
      'mobility',
      loans.map((loan) => loan.data.vehicleId),
    );
    const history = await historyOf(tx, [youth, ...redirects, ...attached]);
    return { youth, redirects, attached, of, workshops, loans, vehicles, history };
  });
  const { youth, redirects, of, workshops, loans, vehicles, history } = gathered;
  const pathway = of('pathway').map(record);
  const ofKind = (kind: string) => pathway.filter((r) => r.kind === kind).sort(byDate('startDate'));
  const accounts = await storage.listAccounts();
  const sites = await storage.pull('sites', 0, 1000, { all: true });
  return {
    format: EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    exportedBy: {
      id: caller.userId,
      name: accounts.find((a) => a.id === caller.userId)?.name ?? caller.userId,
    },
    dossier: record(youth),
    mergedDossiers: redirects.map(record),
    events: of('events').map(record).sort(byDate('at')),
    situations: ofKind('situation'),
    demandes: ofKind('demande'),
    propositions: ofKind('proposition'),
    dispositifs: ofKind('dispositif'),
    appointments: of('appointments').map(record).sort(byDate('start')),
    attendances: of('attendances').map((document) => ({
      ...record(document),
      workshop: workshops.get(String(document.data.workshopId))?.data ?? null,
    })),
    loans: loans.map((document) => ({
      ...record(document),
      vehicle: vehicles.get(String(document.data.vehicleId))?.data ?? null,
    })),
    history,
    accessJournal: await accessJournal(storage, youthId),
    names: {
      staff: Object.fromEntries(accounts.map((a) => [a.id, a.name])),
      sites: Object.fromEntries(
        sites.map((row) => [row.document.id, String(row.document.data.name ?? row.document.id)]),
      ),
    },
  };
}
