import type { FromSchema } from 'json-schema-to-ts';
import { baseProperties, baseRequired, dateField, shortText, timeOfDayField } from './common';

export const SITE_KINDS = ['siege', 'permanence-rurale', 'permanence-qpv', 'aller-vers'] as const;

/** The siège, a permanence or an outreach area, with its opening schedule. Written by the siège. */
export const siteSchema = {
  title: 'sites',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    name: { type: 'string', minLength: 1, maxLength: 120 },
    kind: { type: 'string', enum: SITE_KINDS },
    address: shortText,
    communeInsee: { type: 'string', pattern: '^\\d[0-9AB]\\d{3}$', maxLength: 5 },
    qpvCode: { type: 'string', enum: ['QN06106M', 'QN06107M'] },
    /** Weekly opening slots; weekday 1 = lundi … 7 = dimanche. */
    schedule: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          weekday: { type: 'integer', minimum: 1, maximum: 7 },
          start: timeOfDayField,
          end: timeOfDayField,
        },
        required: ['weekday', 'start', 'end'],
      },
    },
    /** Dated exceptions: a closed day, or extra opening. */
    exceptions: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          date: dateField,
          closed: { type: 'boolean' },
          start: timeOfDayField,
          end: timeOfDayField,
          note: shortText,
        },
        required: ['date', 'closed'],
      },
    },
    active: { type: 'boolean' },
  },
  required: [...baseRequired, 'name', 'kind', 'schedule'],
} as const;

export type Site = FromSchema<typeof siteSchema>;
export type SiteKind = (typeof SITE_KINDS)[number];
