/**
 * Handing dossiers over to a colleague (issue 18): who may hand what to whom, and what a
 * handover does to a dossier and its rendez-vous. One module for the « Passation de dossiers »
 * screen and for the server (sync-server/src/handover/), which is the only writer of a handover:
 * - the direction (and admin) may hand any dossier; an adviser only those they are référent of;
 * - to an active adviser's account, who is not already the référent;
 * - `temporaire`, from a day (today or later) to a day (not before it): the référent stays, the
 *   colleague stands in (`interimReferentId`) and both see the dossier; after the last day the
 *   server's daily job ends it and the colleague's devices drop the dossier;
 * - `definitive`: the colleague becomes the référent at once; the dossier moves to one of the
 *   colleague's sites when they do not work at its site (so the former référent's devices drop
 *   it, unless they work at that site too: a site's advisers see its dossiers).
 * Upcoming rendez-vous (planned, not yet begun) follow: all of them for a permanent handover,
 * those of the period for a temporary one; past ones keep their adviser.
 */
import type { ErrorCode } from '../errors';
import type { Appointment } from '../schemas/appointment';
import type { Role } from '../schemas/staff';
import {
  MAX_HANDOVERS_KEPT,
  type HandoverKind,
  type HandoverRecord,
  type Youth,
} from '../schemas/youth';
import { formatDayLong } from '../time';

/** The longest a single handover may list: a whole caseload, in one server transaction. */
export const MAX_HANDOVER_DOSSIERS = 2000;

export interface HandoverActor {
  id: string;
  role: Role;
}

/** The colleague's account, as the directory (device) or the accounts (server) know it. */
export interface HandoverTarget {
  id: string;
  role: Role;
  active: boolean;
  siteIds: readonly string[];
}

export interface HandoverDraft {
  kind: HandoverKind;
  toId: string;
  /** Temporary only: first and last day, `YYYY-MM-DD`. */
  startDate?: string;
  endDate?: string;
  reason: string;
}

export type HandoverProblem = Extract<
  ErrorCode,
  | 'HANDOVER_EMPTY'
  | 'HANDOVER_NOT_OWN_DOSSIER'
  | 'HANDOVER_TARGET_UNKNOWN'
  | 'HANDOVER_TARGET_DISABLED'
  | 'HANDOVER_TARGET_NOT_ADVISER'
  | 'HANDOVER_SAME_REFERENT'
  | 'HANDOVER_DATES_INVALID'
  | 'HANDOVER_REASON_REQUIRED'
>;

type DossierRef = Pick<Youth, 'referentId'>;

/** Whether this person may hand this dossier over. */
export function mayHandOver(actor: HandoverActor, dossier: DossierRef): boolean {
  if (actor.role === 'direction' || actor.role === 'admin') return true;
  return actor.role === 'conseiller' && dossier.referentId === actor.id;
}

/** Whether this person may open the « Passation de dossiers » screen at all. */
export function mayHandOverAny(role: Role): boolean {
  return role === 'direction' || role === 'admin' || role === 'conseiller';
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with the period of a temporary handover, if anything. */
export function periodProblem(
  draft: Pick<HandoverDraft, 'kind' | 'startDate' | 'endDate'>,
  today: string,
): HandoverProblem | undefined {
  if (draft.kind !== 'temporaire') return undefined;
  const { startDate, endDate } = draft;
  if (!startDate || !endDate || !DAY.test(startDate) || !DAY.test(endDate)) {
    return 'HANDOVER_DATES_INVALID';
  }
  // Days compare as strings (`YYYY-MM-DD`).
  if (startDate < today || endDate < startDate) return 'HANDOVER_DATES_INVALID';
  return undefined;
}

/**
 * The first reason this handover may not be made, or undefined when it may. `target` is
 * undefined when no account has the chosen id.
 */
export function handoverProblem(input: {
  actor: HandoverActor;
  dossiers: readonly DossierRef[];
  target: HandoverTarget | undefined;
  draft: HandoverDraft;
  today: string;
}): HandoverProblem | undefined {
  const { actor, dossiers, target, draft } = input;
  if (dossiers.length === 0) return 'HANDOVER_EMPTY';
  if (!dossiers.every((dossier) => mayHandOver(actor, dossier))) return 'HANDOVER_NOT_OWN_DOSSIER';
  if (!target) return 'HANDOVER_TARGET_UNKNOWN';
  if (!target.active) return 'HANDOVER_TARGET_DISABLED';
  if (target.role !== 'conseiller') return 'HANDOVER_TARGET_NOT_ADVISER';
  if (dossiers.some((dossier) => dossier.referentId === target.id)) return 'HANDOVER_SAME_REFERENT';
  if (draft.reason.trim().length === 0) return 'HANDOVER_REASON_REQUIRED';
  return periodProblem(draft, input.today);
}

/** The site a dossier is attached to after a permanent handover to this colleague. */
export function siteAfterHandover(siteId: string, targetSiteIds: readonly string[]): string {
  return targetSiteIds.length === 0 || targetSiteIds.includes(siteId) ? siteId : targetSiteIds[0]!;
}

/** Whether a temporary handover's period holds `today`. */
function inPeriod(record: HandoverRecord, today: string): boolean {
  return record.startDate <= today && (!record.endDate || today <= record.endDate);
}

function keptHistory(handovers: readonly HandoverRecord[] | undefined): HandoverRecord[] {
  return (handovers ?? []).slice(-(MAX_HANDOVERS_KEPT - 1));
}

/** A dossier without a colleague standing in. */
function withoutInterim(youth: Youth): Youth {
  const { interimReferentId: _id, interimUntil: _until, ...rest } = youth;
  return rest;
}

/**
 * The dossier once this handover is recorded (the server stamps rev and authorship). A
 * temporary handover starting later is only recorded: the daily job starts it.
 */
export function applyHandover(
  youth: Youth,
  record: HandoverRecord,
  target: Pick<HandoverTarget, 'siteIds'>,
  today: string,
): Youth {
  // A new handover replaces any temporary one in progress or planned.
  const history = keptHistory(youth.handovers).map((earlier) =>
    earlier.kind === 'temporaire' && !earlier.endedOn ? { ...earlier, endedOn: today } : earlier,
  );
  const base = { ...withoutInterim(youth), handovers: [...history, record] };
  if (record.kind === 'definitive') {
    return {
      ...base,
      referentId: record.toId,
      siteId: siteAfterHandover(youth.siteId, target.siteIds),
    };
  }
  return inPeriod(record, today)
    ? { ...base, interimReferentId: record.toId, interimUntil: record.endDate! }
    : base;
}

/**
 * What the daily job changes in a dossier on `today`: a temporary handover over is ended (the
 * colleague no longer sees it), one whose first day has come is started. Undefined when nothing
 * changes.
 */
export function handoverCalendarChange(youth: Youth, today: string): Youth | undefined {
  const handovers = youth.handovers ?? [];
  const open = handovers.findLastIndex((h) => h.kind === 'temporaire' && !h.endedOn);
  if (open < 0) {
    // A colleague left standing in without a handover open (cannot be written by a device).
    return youth.interimReferentId ? withoutInterim(youth) : undefined;
  }
  const record = handovers[open]!;
  if (record.endDate && record.endDate < today) {
    const ended = handovers.map((h, i) => (i === open ? { ...h, endedOn: today } : h));
    return { ...withoutInterim(youth), handovers: ended };
  }
  if (inPeriod(record, today) && youth.interimReferentId !== record.toId) {
    return { ...youth, interimReferentId: record.toId, interimUntil: record.endDate! };
  }
  return undefined;
}

/**
 * Whether a rendez-vous goes to the colleague: planned and not begun yet (`nowLocal`, the site's
 * local date-time), within the period of a temporary handover.
 */
export function appointmentFollows(
  appointment: Pick<Appointment, 'start' | 'status'>,
  record: Pick<HandoverRecord, 'kind' | 'startDate' | 'endDate'>,
  nowLocal: string,
): boolean {
  if (appointment.status !== 'planifie') return false;
  const start = appointment.start.slice(0, 16);
  if (start < nowLocal.slice(0, 16)) return false;
  if (record.kind === 'definitive') return true;
  const day = start.slice(0, 10);
  return day >= record.startDate && (!record.endDate || day <= record.endDate);
}

/** The line the dossier's header shows about its handover, if any. */
export function handoverSummary(
  youth: Pick<Youth, 'interimReferentId' | 'interimUntil' | 'handovers'>,
  nameOf: (staffId: string) => string,
): string | undefined {
  if (youth.interimReferentId) {
    const until = youth.interimUntil ? ` jusqu’au ${formatDayLong(youth.interimUntil)}` : '';
    return `Suivi temporairement par ${nameOf(youth.interimReferentId)}${until}`;
  }
  const last = youth.handovers?.at(-1);
  if (!last) return undefined;
  const by = `par ${nameOf(last.byId)}`;
  if (last.kind === 'definitive') {
    return `Confié à ${nameOf(last.toId)} le ${formatDayLong(last.startDate)} (${by}) : ${last.reason}`;
  }
  if (!last.endedOn) {
    return `Sera suivi temporairement par ${nameOf(last.toId)} du ${formatDayLong(last.startDate)} au ${formatDayLong(last.endDate ?? last.startDate)}`;
  }
  return `Suivi temporairement par ${nameOf(last.toId)} du ${formatDayLong(last.startDate)} au ${formatDayLong(last.endDate ?? last.endedOn)} (${by})`;
}
