/**
 * The parcours: a proposition's result follows its state machine, a young person is never in
 * two dispositifs at once (CEJ and PACEA), and a dispositif is closed with a date and a reason
 * that follow its start — each decided by the pure rules the forms use
 * (src/domain/rules/proposition.ts, dispositif.ts, dispositif-exit.ts).
 */
import type { PlainDocument } from '../../../../src/domain/merge';
import {
  findOverlappingDispositif,
  type DispositifDates,
} from '../../../../src/domain/rules/dispositif';
import {
  dispositifExitProblem,
  type DispositifExit,
} from '../../../../src/domain/rules/dispositif-exit';
import { isAllowedPropositionMove } from '../../../../src/domain/rules/proposition';
import type { PropositionResult } from '../../../../src/domain/schemas/pathway';
import type { WriteRule } from './rule';

/**
 * Checked against the state the write was made from, so two devices moving one proposition to
 * different results meet in the merge (a conflict) rather than one of them being refused.
 */
export const propositionMove: WriteRule = ({ stored, from, incoming }) => {
  if (incoming.kind !== 'proposition') return undefined;
  const isNew = !stored || stored.deleted || !from;
  const allowed = isAllowedPropositionMove(
    from?.result as PropositionResult | undefined,
    incoming.result as PropositionResult | undefined,
    isNew,
  );
  return allowed ? undefined : 'INVALID_TRANSITION';
};

/** A dispositif's actual end goes with its exit reason, and does not precede its start. */
export const dispositifExit: WriteRule = ({ incoming }) => {
  if (incoming._deleted === true || incoming.kind !== 'dispositif') return undefined;
  return dispositifExitProblem(incoming as unknown as DispositifExit);
};

function isLiveDispositif(data: PlainDocument, deleted: boolean): boolean {
  return !deleted && data.kind === 'dispositif';
}

function datesOf(data: PlainDocument): DispositifDates {
  return data as unknown as DispositifDates;
}

/** The dossier's other dispositifs, as stored and as written earlier in the same push. */
export const dispositifOverlap: WriteRule = async ({ incoming, tx, batch }) => {
  if (!isLiveDispositif(incoming, incoming._deleted === true)) return undefined;
  const youthId = typeof incoming.youthId === 'string' ? incoming.youthId : undefined;
  if (!youthId) return undefined;
  const latest = new Map<string, { data: PlainDocument; deleted: boolean }>();
  for (const attached of await tx.getAttachedDocuments([youthId])) {
    if (attached.collection === 'pathway') latest.set(attached.id, attached);
  }
  for (const write of batch) {
    if (write.collection === 'pathway' && write.youthId === youthId) latest.set(write.id, write);
  }
  const others = [...latest.values()]
    .filter(({ data, deleted }) => isLiveDispositif(data, deleted))
    .map(({ data }) => datesOf(data));
  const overlapping = findOverlappingDispositif(datesOf(incoming), others);
  return overlapping === undefined ? undefined : 'DISPOSITIF_OVERLAP';
};
