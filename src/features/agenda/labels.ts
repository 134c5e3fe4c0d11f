/**
 * French text of the agenda: durations, slots and warnings (the labels of coded values live in
 * src/domain/labels.ts).
 */
import type { AppointmentWarning } from '../../domain/rules/appointments';
import { formatOpenings } from '../../domain/rules/schedule';
import { formatDayHeading, formatDuration, formatTimeOfDay, timeOf } from '../../domain/time';
import { endOf } from '../../domain/rules/appointments';

export const DURATION_OPTIONS = [15, 20, 30, 45, 60, 90, 120].map((minutes) => ({
  value: String(minutes),
  label: formatDuration(minutes),
}));

/** "9 h 30–10 h 15". */
export function formatSlot(slot: { start: string; durationMinutes?: number }): string {
  return `${formatTimeOfDay(timeOf(slot.start))}\u2013${formatTimeOfDay(timeOf(endOf(slot)))}`;
}

/** The French sentence of a warning; `nameOf` gives the young person of a rendez-vous. */
export function warningText(
  warning: AppointmentWarning,
  nameOf: (youthId: string) => string,
): string {
  switch (warning.code) {
    case 'adviser-overlap':
      return `Le ou la conseiller·ère a déjà un rendez-vous à ce moment : ${warning.with
        .map((a) => `${formatSlot(a)} avec ${nameOf(a.youthId)}`)
        .join(', ')}.`;
    case 'youth-overlap':
      return `Ce jeune a déjà un rendez-vous à ce moment : ${warning.with
        .map((a) => formatSlot(a))
        .join(', ')}.`;
    case 'closed-day':
      return `Le site est fermé le ${formatDayHeading(warning.day)}${warning.note ? ` (${warning.note})` : ''}.`;
    case 'outside-hours':
      return `Hors des heures d'ouverture : le ${formatDayHeading(warning.day)}, le site est ouvert ${formatOpenings(warning.intervals)}.`;
  }
}
