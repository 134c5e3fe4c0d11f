/**
 * Which fields of a storage instance stay in clear on the device; every other field is sealed.
 * - A Relais collection keeps its registry's `deviceClearFields` (src/domain/collections.ts).
 * - RxDB's own instances (replication state, which holds the server's copy of each document;
 *   local documents) keep only their keys and indexed fields.
 * - RxDB's registry of the database (`_rxdb_internal`: collection names, schema hashes, the
 *   storage token) is left as it is: nothing personal, and RxDB queries it by fields inside.
 * RxDB's per-document metadata (`_rev`, `_meta`, `_deleted`, `_attachments`) is always clear.
 */
import {
  getPrimaryFieldOfPrimaryKey,
  INTERNAL_STORAGE_NAME,
  type RxJsonSchema,
} from 'rxdb/plugins/core';
import { COLLECTIONS, isCollectionName } from '../../domain/collections';

export const RXDB_METADATA_FIELDS = ['_deleted', '_rev', '_meta', '_attachments'] as const;

/** The top-level field of a schema path (`_meta.lwt` → `_meta`). */
function head(path: string): string {
  return path.split('.')[0]!;
}

/** The top-level fields the schema's primary key and indexes read. */
export function keyAndIndexFields(schema: RxJsonSchema<unknown>): string[] {
  const fields = [getPrimaryFieldOfPrimaryKey(schema.primaryKey) as string];
  if (typeof schema.primaryKey === 'object') fields.push(...(schema.primaryKey.fields as string[]));
  for (const index of schema.indexes ?? []) {
    for (const path of [index].flat()) fields.push(head(path));
  }
  return fields;
}

/** The clear fields of an instance, or null for an instance stored as it is. */
export function clearFieldsOf(
  collectionName: string,
  schema: RxJsonSchema<unknown>,
): ReadonlySet<string> | null {
  if (collectionName === INTERNAL_STORAGE_NAME) return null;
  const fields = new Set<string>([...RXDB_METADATA_FIELDS, ...keyAndIndexFields(schema)]);
  if (isCollectionName(collectionName) && COLLECTIONS[collectionName].schema.title === schema.title)
    for (const field of COLLECTIONS[collectionName].deviceClearFields) fields.add(field);
  return fields;
}

const LOGICAL_OPERATORS = new Set(['$and', '$or', '$nor', '$not']);

/** The top-level fields a Mango selector reads. */
export function selectorFields(selector: unknown): string[] {
  if (Array.isArray(selector)) return selector.flatMap(selectorFields);
  if (typeof selector !== 'object' || selector === null) return [];
  return Object.entries(selector).flatMap(([key, value]) =>
    LOGICAL_OPERATORS.has(key) ? selectorFields(value) : [head(key)],
  );
}
