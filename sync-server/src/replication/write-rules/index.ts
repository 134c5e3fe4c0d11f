/**
 * The registry of the collections' write rules, checked by the push pipeline (push.ts) in the
 * order listed; the first refusal wins. Adding a rule is one module (or one export in the
 * collection's module) and one line here. See rule.ts for what a rule receives.
 */
import type { CollectionName } from '../../../../src/domain/collections';
import type { ErrorCode } from '../../../../src/domain/errors';
import { attendanceRules } from './attendances';
import { newDossierConsent } from './consent';
import { appendOnly } from './events';
import { handoverFieldsServerOnly } from './handover';
import { eventHappened, outcomeHappened } from './happened';
import { dispositifOverlap, propositionMove } from './pathway';
import type { WriteRule, WriteRuleInput } from './rule';
import { workshopRules } from './workshops';
import { entryAge } from './youths';

export type { WriteRule, WriteRuleInput } from './rule';

export const WRITE_RULES: Partial<Record<CollectionName, readonly WriteRule[]>> = {
  youths: [newDossierConsent, entryAge, handoverFieldsServerOnly],
  events: [appendOnly, eventHappened],
  pathway: [propositionMove, dispositifOverlap],
  appointments: [outcomeHappened],
  workshops: [workshopRules],
  attendances: [attendanceRules],
  // A dossier's access journal is never rewritten (schemas/access.ts).
  accesses: [appendOnly],
};

/** The first refusal of the collection's rules, if any. */
export async function writeRuleRefusal(input: WriteRuleInput): Promise<ErrorCode | undefined> {
  for (const rule of WRITE_RULES[input.collection] ?? []) {
    const refusal = await rule(input);
    if (refusal) return refusal;
  }
  return undefined;
}
