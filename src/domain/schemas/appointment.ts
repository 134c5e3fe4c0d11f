import type { FromSchema } from 'json-schema-to-ts';
import {
  baseProperties,
  baseRequired,
  dateTimeField,
  minutesField,
  refField,
  shortText,
} from './common';

export const APPOINTMENT_STATUSES = [
  'planifie',
  'present',
  'absent',
  'annule',
  'reporte',
  'non-precise',
] as const;

/** Statuses that keep the adviser's time taken (the others freed the slot). */
export const OCCUPYING_STATUSES = ['planifie', 'present', 'non-precise'] as const;

/**
 * A rendez-vous at a site with an adviser.
 * v1: `walkIn` (received without appointment), `cancellationReason`, `previousStart` (the start
 * it had before it was moved or reported), and indexes by site and by adviser over time for the
 * agenda's day and week queries.
 */
export const appointmentSchema = {
  title: 'appointments',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    youthId: refField,
    siteId: refField,
    staffId: refField,
    /** Local date-time `YYYY-MM-DDTHH:mm` at the site. */
    start: dateTimeField,
    durationMinutes: minutesField,
    status: { type: 'string', enum: APPOINTMENT_STATUSES },
    subject: shortText,
    /** The entretien recorded when the young person came. */
    eventId: refField,
    /** Received on the spot, without a rendez-vous made beforehand. */
    walkIn: { type: 'boolean' },
    cancellationReason: shortText,
    /** The start before the rendez-vous was moved, or of the slot it replaces when reported. */
    previousStart: dateTimeField,
  },
  required: [...baseRequired, 'youthId', 'siteId', 'staffId', 'start', 'status'],
  indexes: ['youthId', ['siteId', 'start'], ['staffId', 'start']],
} as const;

export type Appointment = FromSchema<typeof appointmentSchema>;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
