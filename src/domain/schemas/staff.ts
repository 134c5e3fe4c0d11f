import type { FromSchema } from 'json-schema-to-ts';
import { baseProperties, baseRequired, refField } from './common';

/**
 * `atelier-mob` (issue 16): the staff of Atelier Mob, the partner association that keeps the
 * vehicle fleet and its loans. It sees the fleet and every loan, and of the young people only
 * the identity and contact of those who borrow (sync-server/src/replication/scope.ts).
 */
export const ROLES = ['conseiller', 'accueil', 'direction', 'admin', 'atelier-mob'] as const;
export type Role = (typeof ROLES)[number];

/** The roles, as the header and the devices board name them. */
export const ROLE_LABELS: Record<Role, string> = {
  conseiller: 'Conseiller·ère',
  accueil: 'Accueil',
  direction: 'Direction',
  admin: 'Administration',
  'atelier-mob': 'Atelier Mob',
};

/** The directory of staff, written by the server from the accounts (no credentials here). */
export const staffSchema = {
  title: 'staff',
  /** v1: the `atelier-mob` role (an enum value added: every v0 document is a valid v1 one). */
  version: 1,
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
