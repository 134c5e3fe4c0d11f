import type { FromSchema } from 'json-schema-to-ts';
import { baseProperties, baseRequired, dateTimeField, refField } from './common';

/** Inscription and émargement of one young person at one workshop; id `workshopId:youthId`. */
export const attendanceSchema = {
  title: 'attendances',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    workshopId: refField,
    youthId: refField,
    registeredAt: dateTimeField,
    /** Émargement: true present, false absent, absent field not yet known. */
    present: { type: 'boolean' },
    cancelled: { type: 'boolean' },
  },
  required: [...baseRequired, 'workshopId', 'youthId'],
  indexes: ['youthId'],
} as const;

export type Attendance = FromSchema<typeof attendanceSchema>;

/** The deterministic id that makes two offline sign-ups of the same person one record. */
export function attendanceId(workshopId: string, youthId: string): string {
  return `${workshopId}:${youthId}`;
}
