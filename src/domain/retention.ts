/**
 * Retention of the dossiers (design.md, Security: a dossier stays accessible until the 26th
 * birthday or the end of a programme in progress, then anonymised), run by the server
 * (sync-server/src/rights/retention.ts). Pure rules, with "today" given:
 * - when a dossier is due: the 26th birthday has passed — or, when a CEJ or PACEA was in
 *   progress on that birthday, its end has passed; or nothing happened in the file for the
 *   configured time, and no programme is in progress;
 * - what an anonymised dossier keeps: what statistics need (year of birth, sex, commune and so
 *   its EPCI, QPV and zoning, level and diploma, how the young person came, status and exit,
 *   dates and kinds of records) and nothing
 *   that names, reaches or describes the person (identity, contact, notes, sensitive flags,
 *   free text).
 */
import type { CollectionName } from './collections';
import type { PlainDocument } from './merge';
import { addMonthsToDay } from './time';

export type RetentionReason = 'age-26' | 'fin-de-programme' | 'inactivite';

export const RETENTION_REASON_LABELS: Record<RetentionReason, string> = {
  'age-26': '26 ans révolus',
  'fin-de-programme': 'fin du dispositif en cours à 26 ans',
  inactivite: 'sans activité depuis la durée configurée',
};

/** The name an anonymised dossier shows (the schema requires a first name). */
export const ANONYMOUS_FIRST_NAME = 'Anonyme';

/** The youth fields an anonymised dossier keeps, beside the write metadata. */
const YOUTH_KEPT = [
  'id',
  'siteId',
  'referentId',
  'status',
  'exitReason',
  'exitDate',
  'createdOn',
  'gender',
  'communeInsee',
  'qpvCode',
  'educationLevel',
  'diplomaObtained',
  'orientation',
  'mergedInto',
] as const;

/** Free text and details of the records attached to a dossier, dropped by anonymisation. */
const ATTACHED_DROPPED: Partial<Record<CollectionName, readonly string[]>> = {
  events: ['report'],
  pathway: ['comment', 'label', 'partner'],
  appointments: ['subject', 'cancellationReason'],
  // The émargement's signature names the person; a correction's reason is free text.
  attendances: ['signature', 'corrections'],
};

interface Dated {
  collection: CollectionName;
  data: PlainDocument;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The 26th birthday; with the year only, the last day of the year the person turns 26. */
export function twentySixthBirthday(birthDate: string | undefined): string | undefined {
  if (!birthDate) return undefined;
  if (/^\d{4}$/.test(birthDate)) return `${Number(birthDate) + 26}-12-31`;
  return /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? addMonthsToDay(birthDate, 26 * 12) : undefined;
}

function dispositifs(records: readonly Dated[]): PlainDocument[] {
  return records
    .filter((r) => r.collection === 'pathway' && r.data.kind === 'dispositif')
    .map((r) => r.data);
}

/** A dispositif's last day: the day it was closed, else its planned end (rules/dispositif.ts). */
function lastDay(d: PlainDocument): string | undefined {
  return text(d.endedOn) ?? text(d.endDate);
}

/** The programme in progress on `day`, if any (no end date: still running). */
function inProgressOn(records: readonly Dated[], day: string): PlainDocument | undefined {
  return dispositifs(records).find((d) => {
    const start = text(d.startDate);
    const end = lastDay(d);
    return start !== undefined && start <= day && (end === undefined || end >= day);
  });
}

/** The last day something happened in the file: records' own dates, never a device clock. */
export function lastActivity(youth: PlainDocument, records: readonly Dated[]): string | undefined {
  const days: string[] = [];
  const add = (value: unknown) => {
    const day = text(value)?.slice(0, 10);
    if (day) days.push(day);
  };
  add(youth.createdOn);
  add(youth.exitDate);
  for (const { collection, data } of records) {
    if (collection === 'events') add(data.at);
    if (collection === 'pathway') {
      add(data.startDate);
      add(data.endDate);
      add(data.endedOn);
    }
    if (collection === 'appointments') add(data.start);
    if (collection === 'attendances') add(data.registeredAt);
    if (collection === 'mobility') add(data.startDate);
  }
  return days.sort().at(-1);
}

export function isAnonymised(youth: PlainDocument): boolean {
  return youth.firstName === ANONYMOUS_FIRST_NAME && youth.lastName === '' && !youth.phone;
}

/** Why the dossier is due for anonymisation on `today`, or undefined when it is not. */
export function retentionDue(
  youth: PlainDocument,
  records: readonly Dated[],
  today: string,
  inactivityMonths: number,
): RetentionReason | undefined {
  if (isAnonymised(youth) || text(youth.mergedInto)) return undefined;
  const birthday = twentySixthBirthday(text(youth.birthDate));
  if (birthday && birthday < today) {
    const running = inProgressOn(records, birthday);
    if (!running) return 'age-26';
    const end = lastDay(running);
    if (end && end < today) return 'fin-de-programme';
    return undefined;
  }
  if (inProgressOn(records, today)) return undefined;
  const last = lastActivity(youth, records);
  if (last && addMonthsToDay(last, inactivityMonths) < today) return 'inactivite';
  return undefined;
}

/** The dossier's fields once anonymised (write metadata left to the caller). */
export function anonymisedYouth(youth: PlainDocument): PlainDocument {
  const kept: PlainDocument = { firstName: ANONYMOUS_FIRST_NAME, lastName: '' };
  for (const field of YOUTH_KEPT) if (youth[field] !== undefined) kept[field] = youth[field];
  const year = text(youth.birthDate)?.slice(0, 4);
  if (year) kept.birthDate = year;
  const consent = youth.consent as { freeAdherence?: boolean } | undefined;
  if (consent) kept.consent = { freeAdherence: consent.freeAdherence === true };
  const need = (youth.outreach as { need?: string } | undefined)?.need;
  if (need) kept.outreach = { need };
  return kept;
}

/** An attached record's fields once its dossier is anonymised. */
export function anonymisedRecord(collection: CollectionName, data: PlainDocument): PlainDocument {
  const dropped = ATTACHED_DROPPED[collection] ?? [];
  const kept: PlainDocument = {};
  for (const [field, value] of Object.entries(data)) {
    if (!dropped.includes(field)) kept[field] = value;
  }
  if (collection === 'pathway' && Array.isArray(data.phases)) {
    kept.phases = (data.phases as PlainDocument[]).map((phase) => ({
      label: phase.label,
      startDate: phase.startDate,
      ...(phase.endDate ? { endDate: phase.endDate } : {}),
    }));
  }
  return kept;
}
