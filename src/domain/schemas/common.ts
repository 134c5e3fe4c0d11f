/**
 * Building blocks shared by every synced document schema. Schemas are plain JSON-schema literals
 * (`as const`) so that one definition gives the TypeScript type (json-schema-to-ts), the RxDB
 * collection on the device and the validation on the server.
 */

/** UUID v7 is 36 characters; composite ids such as `workshopId:youthId` need 73. */
export const ID_MAX_LENGTH = 80;

export const idField = { type: 'string', minLength: 1, maxLength: ID_MAX_LENGTH } as const;
export const refField = { type: 'string', minLength: 1, maxLength: ID_MAX_LENGTH } as const;
export const dateField = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  maxLength: 10,
} as const;
export const dateTimeField = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}',
  maxLength: 40,
} as const;
export const timeOfDayField = { type: 'string', pattern: '^\\d{2}:\\d{2}$', maxLength: 5 } as const;
export const shortText = { type: 'string', maxLength: 200 } as const;
export const longText = { type: 'string', maxLength: 20000 } as const;
export const minutesField = { type: 'integer', minimum: 0, maximum: 24 * 60 } as const;

/** Fields every synced document carries (design.md, Data). */
export const baseProperties = {
  id: idField,
  /** A new random id at every local write; conflict detection compares it. */
  rev: { type: 'string', minLength: 1, maxLength: 40 },
  /** Device clock, for display only: never used for ordering. */
  updatedAt: dateTimeField,
  updatedBy: refField,
} as const;

export const baseRequired = ['id', 'rev', 'updatedAt', 'updatedBy'] as const;
