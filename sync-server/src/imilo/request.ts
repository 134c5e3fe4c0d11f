/**
 * What an i-milo export asks for — a period and a set of dossiers — checked the same way for
 * the HTTP route and the admin command line, and the report as French lines for the terminal.
 */
import { RelaisError } from '../../../src/domain/errors';
import { parseDay } from '../../../src/domain/time';
import type { DossierSet, ImiloExportReport } from './export';
import type { Period } from './files';

/** A year at most: an export is a month's or a quarter's work, not the whole history at once. */
export const MAX_EXPORT_DAYS = 366;

export interface ExportRequest {
  from?: unknown;
  to?: unknown;
  siteId?: unknown;
  adviserId?: unknown;
}

export function periodOf(request: ExportRequest): Period {
  const from = typeof request.from === 'string' ? request.from : '';
  const to = typeof request.to === 'string' ? request.to : '';
  const start = parseDay(from);
  const end = parseDay(to);
  if (!start || !end) {
    throw new RelaisError('VALIDATION_FAILED', 'Indiquez la période : du … au … (AAAA-MM-JJ).');
  }
  if (end < start) {
    throw new RelaisError('VALIDATION_FAILED', 'La fin de la période précède son début.');
  }
  if ((end.getTime() - start.getTime()) / 86_400_000 >= MAX_EXPORT_DAYS) {
    throw new RelaisError('VALIDATION_FAILED', 'Une période d’un an au plus.');
  }
  return { from, to };
}

export function setOf(request: ExportRequest): DossierSet {
  const site = typeof request.siteId === 'string' && request.siteId ? request.siteId : undefined;
  const adviser =
    typeof request.adviserId === 'string' && request.adviserId ? request.adviserId : undefined;
  if (site && adviser) {
    throw new RelaisError('VALIDATION_FAILED', 'Un site ou un·e conseiller·ère, pas les deux.');
  }
  if (site) return { kind: 'site', siteId: site };
  if (adviser) return { kind: 'adviser', adviserId: adviser };
  return { kind: 'all' };
}

export function describeImiloReport(report: ImiloExportReport): string[] {
  const lines = [
    `Export i-milo du ${report.from} au ${report.to} (${report.exportId}) :`,
    ...Object.entries(report.files).map(
      ([name, count]) => `  ${name.padEnd(20)} ${count} ligne(s)`,
    ),
    `  déjà exporté sans changement : ${report.alreadyExported} ligne(s)`,
  ];
  if (report.unmapped.length === 0) return [...lines, 'Tout a pu être exporté.'];
  return [
    ...lines,
    `Non exporté (${report.unmapped.length}) :`,
    ...report.unmapped.map(
      (u) =>
        `  ${u.file} ${u.documentId}${u.youthId ? ` (dossier ${u.youthId})` : ''} : ${u.reason}`,
    ),
  ];
}
