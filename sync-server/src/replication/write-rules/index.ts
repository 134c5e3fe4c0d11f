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
import { loanCalendars, mobilityRules, settleLoanBooking } from './mobility';
import { dispositifExit, dispositifOverlap, propositionMove } from './pathway';
import type {
  DerivedInput,
  DerivedWrites,
  SettleInput,
  WriteRule,
  WriteRuleInput,
  WriteSettler,
} from './rule';
import type { PlainDocument } from '../../../../src/domain/merge';
import type { DocumentWrite } from '../../storage/storage';
import { workshopRules } from './workshops';
import { entryAge } from './youths';

export type {
  DerivedInput,
  DerivedWrites,
  SettleInput,
  WriteRule,
  WriteRuleInput,
  WriteSettler,
} from './rule';

export const WRITE_RULES: Partial<Record<CollectionName, readonly WriteRule[]>> = {
  youths: [newDossierConsent, entryAge, handoverFieldsServerOnly],
  events: [appendOnly, eventHappened],
  pathway: [propositionMove, dispositifExit, dispositifOverlap],
  appointments: [outcomeHappened],
  workshops: [workshopRules],
  attendances: [attendanceRules],
  mobility: [mobilityRules],
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

/**
 * The collections that settle a row's state after the merge instead of refusing it: a loan that
 * overlaps loans stored first is kept, held for the siège (write-rules/mobility.ts).
 */
export const WRITE_SETTLERS: Partial<Record<CollectionName, WriteSettler>> = {
  mobility: settleLoanBooking,
};

/** What a push implies beyond its rows: the calendars of the vehicles its loans touch. */
export const DERIVED_WRITES: Partial<Record<CollectionName, DerivedWrites>> = {
  mobility: loanCalendars,
};

/** The state to store for a row of the collection (see WRITE_SETTLERS). */
export async function settledState(input: SettleInput): Promise<PlainDocument> {
  const settle = WRITE_SETTLERS[input.collection];
  return settle ? settle(input) : input.state;
}

/** The writes a push implies beyond its rows (see DERIVED_WRITES). */
export async function derivedWrites(
  collection: CollectionName,
  input: DerivedInput,
): Promise<DocumentWrite[]> {
  const derive = DERIVED_WRITES[collection];
  return derive ? derive(input) : [];
}
