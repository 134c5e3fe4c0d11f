/**
 * Rules of the agenda: when two rendez-vous overlap, what to warn about before saving one
 * (the adviser is already taken, the young person already has one, the site is closed), and how
 * moving or reporting a rendez-vous is written. Warnings never block: the person booking may
 * force them (a permanence can run late, an adviser can see two siblings together).
 */
import {
  OCCUPYING_STATUSES,
  type Appointment,
  type AppointmentStatus,
} from '../schemas/appointment';
import type { Site } from '../schemas/site';
import { addMinutesToDateTime, nowLocal, type Clock } from '../time';
import { checkOpeningHours, type OpeningProblem } from './schedule';

export const DEFAULT_DURATION_MINUTES = 45;

/** What a check needs of a rendez-vous (a draft has no id yet). */
export type AppointmentSlot = Pick<
  Appointment,
  'youthId' | 'siteId' | 'staffId' | 'start' | 'durationMinutes' | 'status'
> & { id?: string };

export function occupiesTime(status: AppointmentStatus): boolean {
  return (OCCUPYING_STATUSES as readonly string[]).includes(status);
}

/** Local date-time at which the rendez-vous ends. */
export function endOf(slot: Pick<AppointmentSlot, 'start' | 'durationMinutes'>): string {
  return addMinutesToDateTime(slot.start, slot.durationMinutes ?? DEFAULT_DURATION_MINUTES);
}

/** Two half-open intervals [start, end) overlap. Local date-times compare as strings. */
export function overlap(a: AppointmentSlot, b: AppointmentSlot): boolean {
  return a.start.slice(0, 16) < endOf(b) && b.start.slice(0, 16) < endOf(a);
}

function others(candidate: AppointmentSlot, existing: readonly AppointmentSlot[]) {
  return existing.filter(
    (a) => a.id !== candidate.id && occupiesTime(a.status) && overlap(candidate, a),
  );
}

/** The adviser's other rendez-vous at the same time. */
export function adviserOverlaps<T extends AppointmentSlot>(
  candidate: AppointmentSlot,
  existing: readonly T[],
): T[] {
  return others(
    candidate,
    existing.filter((a) => a.staffId === candidate.staffId),
  ) as T[];
}

/** The young person's other rendez-vous at the same time, with anyone. */
export function youthOverlaps<T extends AppointmentSlot>(
  candidate: AppointmentSlot,
  existing: readonly T[],
): T[] {
  return others(
    candidate,
    existing.filter((a) => a.youthId === candidate.youthId),
  ) as T[];
}

export type AppointmentWarning<T extends AppointmentSlot = AppointmentSlot> =
  { code: 'adviser-overlap'; with: T[] } | { code: 'youth-overlap'; with: T[] } | OpeningProblem;

/**
 * Everything worth a warning before saving `candidate`: overlaps for the same adviser or the
 * same young person (cancelled, reported and missed rendez-vous freed their slot), and a time
 * outside the opening hours of the site, exceptions applied.
 */
export function checkAppointment<T extends AppointmentSlot>(
  candidate: AppointmentSlot,
  context: { site: Pick<Site, 'schedule' | 'exceptions'> | undefined; existing: readonly T[] },
): AppointmentWarning<T>[] {
  const warnings: AppointmentWarning<T>[] = [];
  const adviser = adviserOverlaps(candidate, context.existing);
  if (adviser.length > 0) warnings.push({ code: 'adviser-overlap', with: adviser });
  const youth = youthOverlaps(candidate, context.existing).filter((a) => !adviser.includes(a));
  if (youth.length > 0) warnings.push({ code: 'youth-overlap', with: youth });
  if (context.site) {
    const opening = checkOpeningHours(
      context.site,
      candidate.start,
      candidate.durationMinutes ?? DEFAULT_DURATION_MINUTES,
    );
    if (opening) warnings.push(opening);
  }
  return warnings;
}

/**
 * The patch that moves a rendez-vous. `previousStart` keeps the first planned start, so a
 * rendez-vous moved twice still says when it was first planned.
 */
export function movePatch(
  current: Pick<Appointment, 'start' | 'previousStart'>,
  next: Partial<Pick<Appointment, 'start' | 'durationMinutes' | 'siteId' | 'staffId' | 'subject'>>,
): Partial<Appointment> {
  const moved = next.start !== undefined && next.start !== current.start;
  return {
    ...next,
    ...(moved ? { previousStart: current.previousStart ?? current.start } : {}),
  };
}

/**
 * Reporting a rendez-vous: this slot becomes "reporté" and a new one is planned at `start`,
 * same young person, site, adviser and subject unless changed, remembering the slot it replaces.
 */
export function reportedAppointment(
  current: Appointment,
  next: Pick<Appointment, 'start'> & Partial<Pick<Appointment, 'durationMinutes' | 'staffId'>>,
): Omit<Appointment, 'id' | 'rev' | 'updatedAt' | 'updatedBy'> {
  return {
    youthId: current.youthId,
    siteId: current.siteId,
    staffId: next.staffId ?? current.staffId,
    start: next.start,
    durationMinutes: next.durationMinutes ?? current.durationMinutes ?? DEFAULT_DURATION_MINUTES,
    status: 'planifie',
    ...(current.subject ? { subject: current.subject } : {}),
    previousStart: current.start,
  };
}

/** A planned rendez-vous whose time has passed without an outcome being recorded. */
export function awaitsOutcome(
  appointment: Pick<Appointment, 'start' | 'status'>,
  clock: Clock,
): boolean {
  return appointment.status === 'planifie' && appointment.start.slice(0, 16) < nowLocal(clock);
}

/** Chronological order, then by id for a stable display. */
export function byStart<T extends { start: string; id?: string }>(a: T, b: T): number {
  return a.start.localeCompare(b.start) || (a.id ?? '').localeCompare(b.id ?? '');
}

/** The start of a walk-in received now: the current time, on the five minutes before. */
export function walkInStart(clock: Clock): string {
  const now = nowLocal(clock);
  const minutes = Number(now.slice(14, 16));
  return `${now.slice(0, 14)}${String(minutes - (minutes % 5)).padStart(2, '0')}`;
}
