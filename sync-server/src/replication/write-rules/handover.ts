/**
 * The handover fields of a dossier (`interimReferentId`, `interimUntil`, `handovers`) are written
 * by the server alone (handover/handover.ts, src/domain/rules/handover.ts): a device copies them
 * as it received them, so a push that changes them against the state it was made from is refused
 * — otherwise a device could give a colleague (or itself) access to a dossier.
 */
import { jsonEqual } from '../../../../src/domain/merge';
import { HANDOVER_FIELDS } from '../../../../src/domain/schemas/youth';
import type { WriteRule } from './rule';

export const handoverFieldsServerOnly: WriteRule = ({ from, stored, incoming }) => {
  if (incoming._deleted === true) return undefined;
  // A stale write whose base the server no longer knows: the merge keeps the stored values.
  const base = from ?? (stored ? undefined : {});
  if (!base) return undefined;
  const changed = HANDOVER_FIELDS.some((field) => !jsonEqual(incoming[field], base[field]));
  return changed ? 'HANDOVER_FIELDS_SERVER_ONLY' : undefined;
};
