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

/** A rendez-vous at a site with an adviser. */
export const appointmentSchema = {
  title: 'appointments',
  version: 0,
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
  },
  required: [...baseRequired, 'youthId', 'siteId', 'staffId', 'start', 'status'],
  indexes: ['youthId'],
} as const;

export type Appointment = FromSchema<typeof appointmentSchema>;
