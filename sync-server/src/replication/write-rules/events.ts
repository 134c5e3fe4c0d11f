/**
 * Events are append-only (design.md): a stored event is never changed nor deleted; a correction
 * is a new event. The same content pushed again under a new rev never reaches the rules: the
 * replay stage of the push keeps the original (push.ts).
 * The access journal of the dossiers (accesses) follows the same rule.
 */
import type { WriteRule } from './rule';

export const appendOnly: WriteRule = ({ stored }) => (stored ? 'APPEND_ONLY' : undefined);
