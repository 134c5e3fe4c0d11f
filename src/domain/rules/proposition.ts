/**
 * The result of a proposition follows a state machine, checked on the device and by the server:
 * en attente → acceptée / refusée par le jeune / refusée par le tiers; acceptée → réalisée /
 * abandonnée. Nothing else, and the final states are final.
 */
import type { PropositionResult } from '../schemas/pathway';

const TRANSITIONS: Record<PropositionResult, readonly PropositionResult[]> = {
  'en-attente': ['acceptee', 'refusee-jeune', 'refusee-tiers'],
  acceptee: ['realisee', 'abandonnee'],
  'refusee-jeune': [],
  'refusee-tiers': [],
  realisee: [],
  abandonnee: [],
};

export const INITIAL_PROPOSITION_RESULT: PropositionResult = 'en-attente';

export function nextResults(from: PropositionResult): readonly PropositionResult[] {
  return TRANSITIONS[from];
}

/** True when a proposition may go from `from` to `to` (staying put is always allowed). */
export function canTransition(from: PropositionResult, to: PropositionResult): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

/** A new proposition must start en attente. */
export function isValidInitialResult(result: PropositionResult | undefined): boolean {
  return result === undefined || result === INITIAL_PROPOSITION_RESULT;
}

/** True when `to` can be reached from `from` in zero or more transitions. */
export function canReach(from: PropositionResult, to: PropositionResult): boolean {
  if (from === to) return true;
  return TRANSITIONS[from].some((next) => canReach(next, to));
}

/**
 * Whether a written proposition's result may follow the state it was written from. Several moves
 * may be made offline between two syncs (acceptée, then réalisée), so any reachable result is
 * allowed; a proposition made and moved before anyone else saw it (`isNew`) starts from en
 * attente; a result once set is never removed.
 */
export function isAllowedPropositionMove(
  before: PropositionResult | undefined,
  after: PropositionResult | undefined,
  isNew: boolean,
): boolean {
  if (isNew) return after === undefined || canReach(INITIAL_PROPOSITION_RESULT, after);
  if (before === undefined) return true;
  return after !== undefined && canReach(before, after);
}

/**
 * The result that accounts for both of two results reached independently (two devices moving one
 * proposition offline): the further one when one lies on the path to the other, e.g. acceptée
 * and réalisée give réalisée; undefined when they are on different branches (acceptée and
 * refusée), which is a true conflict.
 */
export function furthestResult(
  a: PropositionResult,
  b: PropositionResult,
): PropositionResult | undefined {
  if (canReach(a, b)) return b;
  if (canReach(b, a)) return a;
  return undefined;
}
