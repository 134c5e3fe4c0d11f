/**
 * The first stage of a push: the shape of each row, checked before anything is read from the
 * storage. A row that fails is refused alone with the reasons, so one bad value does not fail
 * the rest of the batch.
 */
import type { CollectionName } from '../../../src/domain/collections';
import type { ErrorCode } from '../../../src/domain/errors';
import { ERROR_CODES } from '../../../src/domain/errors';
import type { PlainDocument } from '../../../src/domain/merge';
import {
  unstorableTextIssues,
  validateDocument,
  type ValidationIssue,
} from '../../../src/domain/validation';
import { splitDeleted } from './wire';

export interface PushRow {
  newDocumentState: PlainDocument;
  assumedMasterState?: PlainDocument | null;
  /**
   * Revs of this document the device pushed earlier without receiving an answer, oldest first:
   * the server may hold one of them although the device's base is older (src/sync/pending.ts).
   */
  lineage?: string[];
}

/** As many unanswered pushes as a device remembers per record (src/sync/pending.ts). */
export const MAX_LINEAGE = 20;
const MAX_REV_LENGTH = 100;

function isLineage(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length <= MAX_LINEAGE &&
    value.every((rev) => typeof rev === 'string' && rev.length > 0 && rev.length <= MAX_REV_LENGTH)
  );
}

export interface RejectedRow {
  id: string | null;
  code: ErrorCode;
  message: string;
  issues?: ValidationIssue[];
}

export function reject(
  id: string | null,
  code: ErrorCode,
  issues?: ValidationIssue[],
): RejectedRow {
  return { id, code, message: ERROR_CODES[code].fr, ...(issues ? { issues } : {}) };
}

/** The id a row claims, for its refusal; null when it has none that could be one. */
export function idOf(row: unknown): string | null {
  const state = (row as PushRow | null)?.newDocumentState as { id?: unknown } | undefined;
  return typeof state?.id === 'string' ? state.id : null;
}

/** Structural and schema checks that need no stored state. */
export function checkRow(collection: CollectionName, row: unknown): RejectedRow | PushRow {
  const id = idOf(row);
  if (typeof row !== 'object' || row === null)
    return reject(id, 'VALIDATION_FAILED', [{ path: '/', message: 'a row must be an object' }]);
  const nul = unstorableTextIssues(row);
  if (nul.length > 0) return reject(id, 'VALIDATION_FAILED', nul);
  const { newDocumentState, assumedMasterState, lineage } = row as PushRow;
  if (typeof newDocumentState !== 'object' || newDocumentState === null) {
    return reject(id, 'VALIDATION_FAILED', [
      { path: '/newDocumentState', message: 'required object is missing' },
    ]);
  }
  if (
    assumedMasterState !== undefined &&
    assumedMasterState !== null &&
    typeof (assumedMasterState as { rev?: unknown }).rev !== 'string'
  ) {
    return reject(id, 'VALIDATION_FAILED', [
      { path: '/assumedMasterState/rev', message: 'must be a string' },
    ]);
  }
  if (lineage !== undefined && !isLineage(lineage)) {
    return reject(id, 'VALIDATION_FAILED', [
      { path: '/lineage', message: `must be a list of at most ${MAX_LINEAGE} revs` },
    ]);
  }
  const { data, deleted } = splitDeleted(newDocumentState);
  if (newDocumentState._deleted !== undefined && typeof newDocumentState._deleted !== 'boolean') {
    return reject(id, 'VALIDATION_FAILED', [{ path: '/_deleted', message: 'must be boolean' }]);
  }
  const result = validateDocument(collection, data);
  if (!result.valid) return reject(id, 'VALIDATION_FAILED', result.issues);
  return {
    newDocumentState: { ...data, _deleted: deleted },
    assumedMasterState,
    ...(lineage && lineage.length > 0 ? { lineage } : {}),
  };
}
