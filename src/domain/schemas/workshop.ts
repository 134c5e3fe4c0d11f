import type { FromSchema } from 'json-schema-to-ts';
import {
  baseProperties,
  baseRequired,
  dateTimeField,
  minutesField,
  refField,
  shortText,
} from './common';

/** A session of a collective action: atelier or information collective. */
export const workshopSchema = {
  title: 'workshops',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    kind: { type: 'string', enum: ['atelier', 'information-collective'] },
    title: shortText,
    theme: shortText,
    siteId: refField,
    start: dateTimeField,
    durationMinutes: minutesField,
    capacity: { type: 'integer', minimum: 1, maximum: 500 },
    facilitatorId: refField,
    cancelled: { type: 'boolean' },
  },
  required: [...baseRequired, 'kind', 'title', 'siteId', 'start'],
} as const;

export type Workshop = FromSchema<typeof workshopSchema>;
