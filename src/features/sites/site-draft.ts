/**
 * The site form's values as typed, their French validation and the site document they make.
 * The schedule is typed as text ("mardi 9 h–12 h, jeudi 14 h–17 h") and read by the domain's
 * schedule parser; exceptions are rows of a small table. Pure, tested without rendering.
 */
import {
  formatSchedule,
  parseSchedule,
  type ScheduleException,
  type ScheduleSlot,
} from '../../domain/rules/schedule';
import type { Site, SiteKind } from '../../domain/schemas/site';
import { minutesOfDay, parseDay } from '../../domain/time';
import { scheduleIssueText } from './labels';

export type ExceptionMode = 'ferme' | 'ferme-heures' | 'ouverture';

export interface ExceptionDraft {
  /** Stable key of the row while editing. */
  key: string;
  date: string;
  mode: ExceptionMode;
  start: string;
  end: string;
  note: string;
}

export interface SiteDraft {
  name: string;
  kind: SiteKind;
  address: string;
  communeInsee: string;
  qpvCode: string;
  scheduleText: string;
  exceptions: ExceptionDraft[];
  active: boolean;
}

export interface SiteDraftErrors {
  name?: string;
  address?: string;
  schedule?: string[];
  /** By row key. */
  exceptions?: Record<string, string>;
}

export type SiteFields = Omit<Site, 'id' | 'rev' | 'updatedAt' | 'updatedBy'>;

let rowCounter = 0;
export function newRowKey(): string {
  rowCounter += 1;
  return `row-${rowCounter}`;
}

export function emptySiteDraft(): SiteDraft {
  return {
    name: '',
    kind: 'permanence-rurale',
    address: '',
    communeInsee: '',
    qpvCode: '',
    scheduleText: '',
    exceptions: [],
    active: true,
  };
}

export function draftFromSite(site: Site): SiteDraft {
  return {
    name: site.name,
    kind: site.kind,
    address: site.address ?? '',
    communeInsee: site.communeInsee ?? '',
    qpvCode: site.qpvCode ?? '',
    scheduleText: formatSchedule(site.schedule),
    exceptions: [...(site.exceptions ?? [])]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((e) => ({
        key: newRowKey(),
        date: e.date,
        mode: !e.closed ? 'ouverture' : e.start && e.end ? 'ferme-heures' : 'ferme',
        start: e.start ?? '',
        end: e.end ?? '',
        note: e.note ?? '',
      })),
    active: site.active !== false,
  };
}

function exceptionProblem(row: ExceptionDraft): string | undefined {
  if (!row.date || !parseDay(row.date)) return 'Indiquez une date valide.';
  if (row.mode === 'ferme') return undefined;
  if (minutesOfDay(row.start) === undefined || minutesOfDay(row.end) === undefined)
    return 'Indiquez les heures de début et de fin.';
  if (row.end <= row.start) return 'La fin doit venir après le début.';
  return undefined;
}

function exceptionOf(row: ExceptionDraft): ScheduleException {
  const note = row.note.trim() ? { note: row.note.trim().slice(0, 200) } : {};
  if (row.mode === 'ferme') return { date: row.date, closed: true, ...note };
  return {
    date: row.date,
    closed: row.mode === 'ferme-heures',
    start: row.start,
    end: row.end,
    ...note,
  };
}

export type SiteDraftResult =
  | { ok: true; fields: SiteFields; slots: ScheduleSlot[] }
  | { ok: false; errors: SiteDraftErrors; slots: ScheduleSlot[] };

/** Checks the draft; when valid, gives the site's fields (empty optional fields left out). */
export function readSiteDraft(draft: SiteDraft): SiteDraftResult {
  const errors: SiteDraftErrors = {};
  if (!draft.name.trim()) errors.name = 'Donnez un nom au site.';
  else if (draft.name.trim().length > 120) errors.name = 'Le nom tient en 120 caractères.';
  if (draft.address.length > 200) errors.address = "L'adresse tient en 200 caractères.";
  const { slots, issues } = parseSchedule(draft.scheduleText);
  if (issues.length > 0) errors.schedule = issues.map(scheduleIssueText);
  const exceptionErrors: Record<string, string> = {};
  for (const row of draft.exceptions) {
    const problem = exceptionProblem(row);
    if (problem) exceptionErrors[row.key] = problem;
  }
  if (Object.keys(exceptionErrors).length > 0) errors.exceptions = exceptionErrors;
  if (Object.keys(errors).length > 0) return { ok: false, errors, slots };
  return {
    ok: true,
    slots,
    fields: {
      name: draft.name.trim(),
      kind: draft.kind,
      ...(draft.address.trim() ? { address: draft.address.trim() } : {}),
      ...(draft.communeInsee ? { communeInsee: draft.communeInsee } : {}),
      ...(draft.kind === 'permanence-qpv' && draft.qpvCode
        ? { qpvCode: draft.qpvCode as NonNullable<Site['qpvCode']> }
        : {}),
      schedule: slots,
      exceptions: draft.exceptions.map(exceptionOf).sort((a, b) => a.date.localeCompare(b.date)),
      active: draft.active,
    },
  };
}
