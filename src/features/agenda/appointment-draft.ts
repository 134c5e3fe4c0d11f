/**
 * The booking form's values as typed (strings), their French validation, and the rendez-vous
 * they make. Pure, so the form's rules are tested without rendering it.
 */
import { DEFAULT_DURATION_MINUTES } from '../../domain/rules/appointments';
import type { Appointment } from '../../domain/schemas/appointment';
import { dayOf, minutesOfDay, parseDay, timeOf } from '../../domain/time';

export interface AppointmentDraft {
  youthId: string;
  siteId: string;
  staffId: string;
  /** `YYYY-MM-DD` */
  day: string;
  /** `HH:mm` */
  time: string;
  durationMinutes: string;
  subject: string;
}

export type DraftErrors = Partial<Record<keyof AppointmentDraft, string>>;

export const MAX_DURATION_MINUTES = 8 * 60;

export function emptyDraft(overrides: Partial<AppointmentDraft> = {}): AppointmentDraft {
  return {
    youthId: '',
    siteId: '',
    staffId: '',
    day: '',
    time: '',
    durationMinutes: String(DEFAULT_DURATION_MINUTES),
    subject: '',
    ...overrides,
  };
}

export function draftFrom(appointment: Appointment): AppointmentDraft {
  return {
    youthId: appointment.youthId,
    siteId: appointment.siteId,
    staffId: appointment.staffId,
    day: dayOf(appointment.start),
    time: timeOf(appointment.start),
    durationMinutes: String(appointment.durationMinutes ?? DEFAULT_DURATION_MINUTES),
    subject: appointment.subject ?? '',
  };
}

export function validateDraft(draft: AppointmentDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.youthId) errors.youthId = 'Choisissez le jeune concerné.';
  if (!draft.siteId) errors.siteId = 'Choisissez le lieu du rendez-vous.';
  if (!draft.staffId) errors.staffId = 'Choisissez le ou la conseiller·ère.';
  if (!draft.day) errors.day = 'Indiquez la date.';
  else if (!parseDay(draft.day)) errors.day = "Cette date n'existe pas.";
  if (!draft.time) errors.time = "Indiquez l'heure.";
  else if (minutesOfDay(draft.time) === undefined || draft.time >= '24:00')
    errors.time = 'Heure invalide : écrivez-la comme 09:30.';
  const duration = Number(draft.durationMinutes);
  if (!Number.isInteger(duration) || duration < 5 || duration > MAX_DURATION_MINUTES)
    errors.durationMinutes = 'La durée va de 5 minutes à 8 heures.';
  if (draft.subject.length > 200) errors.subject = "L'objet tient en 200 caractères.";
  return errors;
}

/** The rendez-vous fields of a valid draft. */
export function slotOf(draft: AppointmentDraft) {
  return {
    youthId: draft.youthId,
    siteId: draft.siteId,
    staffId: draft.staffId,
    start: `${draft.day}T${draft.time}`,
    durationMinutes: Number(draft.durationMinutes),
    ...(draft.subject.trim() ? { subject: draft.subject.trim() } : {}),
  };
}
