/**
 * The i-milo export (issue 18, item 3): for a period and a set of dossiers, one CSV per category
 * in i-milo's terms (files.ts), each row led by the young person's identity as i-milo matches a
 * dossier. Rows already exported unchanged are left out: every exported row is marked with the
 * revision of its document (Storage export marks), so the next export takes only what is new or
 * changed. A record's rows in a file are written all or none: when one of its values has no
 * i-milo word, or its dossier cannot be matched, the report says why and it stays unmarked, so
 * it is reported again until corrected, then exported.
 */
import type { CollectionName } from '../../../src/domain/collections';
import { isErasureTombstone } from '../../../src/domain/erasure';
import { newId } from '../../../src/domain/ids';
import type { PlainDocument } from '../../../src/domain/merge';
import type { Clock } from '../../../src/domain/time';
import type { AuditEntry, Storage, StoredDocument } from '../storage/storage';
import { toCsv } from '../../../src/domain/csv';
import {
  EXPORT_FILES,
  IDENTITY_COLUMNS,
  frenchDate,
  type Cell,
  type ExportLookups,
  type Period,
} from './files';

export const IMILO_TARGET = 'imilo';
const PAGE = 5000;

/** Whose dossiers: all, a site's (site de rattachement) or an adviser's (référent·e). */
export type DossierSet =
  { kind: 'all' } | { kind: 'site'; siteId: string } | { kind: 'adviser'; adviserId: string };

export interface UnmappedRecord {
  file: string;
  collection: CollectionName;
  documentId: string;
  youthId: string | null;
  reason: string;
}

export interface ImiloExportReport {
  exportId: string;
  at: string;
  from: string;
  to: string;
  set: DossierSet;
  /** Rows written, per file (every file is listed, 0 included). */
  files: Record<string, number>;
  /** Rows of the period left out because an earlier export carried them unchanged. */
  alreadyExported: number;
  /** Records not exported, and why. */
  unmapped: UnmappedRecord[];
}

export interface ImiloExport {
  report: ImiloExportReport;
  /** CSV text per file name. */
  files: Record<string, string>;
}

async function everything(storage: Storage, collection: CollectionName): Promise<StoredDocument[]> {
  const all: StoredDocument[] = [];
  for (let seq = 0; ;) {
    const rows = await storage.pull(collection, seq, PAGE, { all: true });
    if (rows.length === 0) return all;
    for (const row of rows) if (!row.document.deleted) all.push(row.document);
    seq = rows.at(-1)!.document.seq;
  }
}

function inSet(youth: PlainDocument, set: DossierSet): boolean {
  if (set.kind === 'site') return youth.siteId === set.siteId;
  if (set.kind === 'adviser') return youth.referentId === set.adviserId;
  return true;
}

/** The identity columns, or why i-milo could not find the dossier with them. */
function identityOf(youth: PlainDocument): Cell[] | string {
  const number = typeof youth.imiloNumber === 'string' ? youth.imiloNumber : undefined;
  const birthDate = frenchDate(youth.birthDate);
  const lastName = typeof youth.lastName === 'string' ? youth.lastName.trim() : '';
  if (!number && (!lastName || !birthDate)) {
    return 'dossier sans n° i-milo, et nom ou date de naissance complète manquants';
  }
  return [lastName, String(youth.firstName ?? ''), birthDate, number];
}

export async function runImiloExport(
  storage: Storage,
  clock: Clock,
  options: {
    period: Period;
    set: DossierSet;
    by: Pick<AuditEntry, 'userId' | 'deviceId' | 'address'>;
  },
): Promise<ImiloExport> {
  const { period, set } = options;
  const at = clock.now().toISOString();
  const exportId = newId();
  const byCollection = new Map<CollectionName, StoredDocument[]>();
  const load = async (name: CollectionName) => {
    if (!byCollection.has(name)) byCollection.set(name, await everything(storage, name));
    return byCollection.get(name)!;
  };
  const youths = new Map(
    (await load('youths'))
      .filter((y) => !isErasureTombstone(y.data) && !y.data.mergedInto)
      .map((y) => [y.id, y.data]),
  );
  const names = (docs: StoredDocument[]) => new Map(docs.map((d) => [d.id, String(d.data.name)]));
  const sites = names(await load('sites'));
  const staff = names(await load('staff'));
  const workshops = new Map((await load('workshops')).map((w) => [w.id, w.data]));
  const lookups: ExportLookups = {
    siteName: (id) => sites.get(String(id)),
    staffName: (id) => staff.get(String(id)),
    workshop: (id) => workshops.get(String(id)),
  };
  // Sessions of a site set, and those any dossier of the set is inscribed in.
  const attendances = await load('attendances');
  const sessionsOfSet = new Set(
    attendances
      .filter((a) => {
        const youth = youths.get(String(a.data.youthId));
        return youth !== undefined && inSet(youth, set);
      })
      .map((a) => String(a.data.workshopId)),
  );
  const sessionInSet = (session: StoredDocument) =>
    set.kind === 'all' ||
    sessionsOfSet.has(session.id) ||
    (set.kind === 'site' && session.data.siteId === set.siteId);
  const marks = await storage.listExportMarks(IMILO_TARGET);

  const report: ImiloExportReport = {
    exportId,
    at,
    from: period.from,
    to: period.to,
    set,
    files: {},
    alreadyExported: 0,
    unmapped: [],
  };
  const files: Record<string, string> = {};
  const newMarks: { collection: string; id: string; rev: string }[] = [];
  const exportedYouths = new Set<string>();

  for (const file of EXPORT_FILES) {
    const rows: Cell[][] = [];
    for (const document of await load(file.collection)) {
      const data = document.data;
      const youthId = file.perYouth ? String(data.youthId) : null;
      const youth = youthId === null ? undefined : youths.get(youthId);
      if (youthId !== null && (!youth || !inSet(youth, set))) continue;
      if (youthId === null && !sessionInSet(document)) continue;
      const mapped = file.rows(data, period, lookups);
      if ('rows' in mapped && mapped.rows.length === 0) continue;
      const identity = youth ? identityOf(youth) : [];
      const unmapped =
        typeof identity === 'string' ? identity : 'unmapped' in mapped && mapped.unmapped;
      if (unmapped || 'unmapped' in mapped || typeof identity === 'string') {
        report.unmapped.push({
          file: file.name,
          collection: file.collection,
          documentId: document.id,
          youthId,
          reason: unmapped || 'valeur sans équivalent i-milo',
        });
        continue;
      }
      for (const row of mapped.rows) {
        if (marks.get(`${file.collection}:${row.key}`) === document.rev) {
          report.alreadyExported += 1;
          continue;
        }
        rows.push([...identity, ...row.cells]);
        newMarks.push({ collection: file.collection, id: row.key, rev: document.rev });
        if (youthId) exportedYouths.add(youthId);
      }
    }
    report.files[file.name] = rows.length;
    files[file.name] = toCsv(
      file.perYouth ? [...IDENTITY_COLUMNS, ...file.columns] : file.columns,
      rows,
    );
  }

  await storage.putExportMarks(IMILO_TARGET, exportId, at, newMarks);
  // Who read which dossiers for i-milo: ids and counts only, never a value.
  await storage.appendAudit([
    {
      at,
      ...options.by,
      action: 'imilo-export',
      collection: null,
      documentId: null,
      ...(exportedYouths.size > 0 ? { youthIds: [...exportedYouths] } : {}),
      details: {
        exportId,
        from: period.from,
        to: period.to,
        set,
        files: report.files,
        unmapped: report.unmapped.length,
      },
    },
  ]);
  return { report, files };
}
