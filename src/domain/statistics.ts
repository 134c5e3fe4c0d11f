/**
 * The figures a Mission Locale reports on its public (the ones anonymisation must keep,
 * src/domain/retention.ts): young people by year of birth, sex, commune, EPCI, QPV, rural
 * zoning, level, site, status and exit; records by kind and month. Counts only; the same
 * whether a dossier is named or anonymised.
 */
import type { CollectionName } from './collections';
import type { PlainDocument } from './merge';
import { attendanceStatus, type StatusFields } from './rules/attendance';
import { findCommune } from './territory/territory';

export type Counts = Record<string, number>;

export interface Statistics {
  youths: Record<string, Counts>;
  records: Record<string, Counts>;
}

function count(counts: Counts, key: unknown): void {
  const name = key === undefined || key === null || key === '' ? '—' : String(key);
  counts[name] = (counts[name] ?? 0) + 1;
}

function month(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 7) : '—';
}

export function dossierStatistics(
  youths: readonly PlainDocument[],
  records: readonly { collection: CollectionName; data: PlainDocument }[],
): Statistics {
  const y: Record<string, Counts> = {};
  const tally = (dimension: string, key: unknown) => count((y[dimension] ??= {}), key);
  for (const youth of youths) {
    if (youth.mergedInto) continue;
    const commune = findCommune(youth.communeInsee as string | undefined);
    tally('anneeNaissance', String(youth.birthDate ?? '').slice(0, 4));
    tally('sexe', youth.gender);
    tally('commune', youth.communeInsee);
    tally('epci', commune?.epciId);
    tally('zonageRural', commune?.ruralZoning);
    tally('qpv', youth.qpvCode);
    tally('niveau', youth.educationLevel);
    tally('site', youth.siteId);
    tally('statut', youth.status);
    tally('sortie', youth.exitReason ? `${String(youth.exitReason)}:${month(youth.exitDate)}` : '');
    tally('premierAccueil', month(youth.createdOn));
  }
  const r: Record<string, Counts> = {};
  for (const { collection, data } of records) {
    const counts = (r[collection] ??= {});
    if (collection === 'events') count(counts, `${String(data.kind)}:${month(data.at)}`);
    else if (collection === 'pathway')
      count(
        counts,
        [
          data.kind,
          data.programme ?? data.propositionType ?? data.situationType ?? data.theme,
          data.result ?? data.phase,
          month(data.startDate),
          month(data.endDate),
        ].join(':'),
      );
    else if (collection === 'appointments')
      count(counts, `${String(data.status)}:${month(data.start)}`);
    else if (collection === 'attendances') count(counts, attendanceStatus(data as StatusFields));
    else if (collection === 'mobility')
      count(counts, `${String(data.kind)}:${month(data.startDate)}`);
  }
  return { youths: y, records: r };
}
