import type { FromSchema } from 'json-schema-to-ts';
import { baseProperties, baseRequired, refField } from './common';

export const ROLES = ['conseiller', 'accueil', 'direction', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The directory of staff, written by the server from the accounts (no credentials here). */
export const staffSchema = {
  title: 'staff',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    name: { type: 'string', minLength: 1, maxLength: 120 },
    role: { type: 'string', enum: ROLES },
    siteIds: { type: 'array', items: refField, maxItems: 50 },
    active: { type: 'boolean' },
  },
  required: [...baseRequired, 'name', 'role', 'siteIds', 'active'],
} as const;

export type StaffMember = FromSchema<typeof staffSchema>;
