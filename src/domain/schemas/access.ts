import type { FromSchema } from 'json-schema-to-ts';
import { baseProperties, baseRequired, dateTimeField, refField } from './common';

/**
 * A dossier opened on a device (design.md, Security: who saw this young person's file). Written
 * by the device when the dossier is shown — offline too — and pushed like every record; who
 * opened it is the session's user (the server sets `updatedBy`), from the session's device.
 * Append-only, never pulled back: the siège reads it in the dossier's « Journal des accès ».
 */
export const accessSchema = {
  title: 'accesses',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    youthId: refField,
    /** When the dossier was opened, by the device's clock (the server adds its own time). */
    openedAt: dateTimeField,
  },
  required: [...baseRequired, 'youthId', 'openedAt'],
  indexes: ['youthId'],
} as const;

export type DossierAccess = FromSchema<typeof accessSchema>;
