import type { FromSchema } from 'json-schema-to-ts';
import { baseProperties, baseRequired, dateField, refField, shortText } from './common';

/**
 * Atelier Mob: vehicles and their loans. A loan's id is its slot (`vehicleId:startDate`), so two
 * bookings of the same vehicle and day made offline at two sites meet as one conflicting record.
 */
export const mobilitySchema = {
  title: 'mobility',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    kind: { type: 'string', enum: ['vehicle', 'loan'] },
    siteId: refField,
    // vehicle
    label: shortText,
    vehicleType: { type: 'string', enum: ['voiture', 'scooter', 'velo-electrique', 'velo'] },
    available: { type: 'boolean' },
    // loan
    vehicleId: refField,
    youthId: refField,
    startDate: dateField,
    endDate: dateField,
    returnedOn: dateField,
  },
  required: [...baseRequired, 'kind', 'siteId'],
} as const;

export type MobilityRecord = FromSchema<typeof mobilitySchema>;

export function loanSlotId(vehicleId: string, startDate: string): string {
  return `${vehicleId}:${startDate}`;
}
