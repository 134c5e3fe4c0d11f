/**
 * Events are append-only (design.md): the same content pushed again is a retry; any other change
 * of a stored event, a deletion included, is refused. A correction is a new event.
 */
import { jsonEqual, recordContent } from '../../../../src/domain/merge';
import { splitDeleted } from '../wire';
import type { WriteRule } from './rule';

export const appendOnly: WriteRule = ({ stored, incoming }) => {
  if (!stored) return undefined;
  const same = jsonEqual(recordContent(stored.data), recordContent(splitDeleted(incoming).data));
  return !same || incoming._deleted === true ? 'APPEND_ONLY' : undefined;
};
