/**
 * No double booking across offline sites (issue 16). Two permanences, both offline, book one
 * vehicle for periods that share a day, whatever their start days. The server keeps the loan
 * that reached it first; the other is not refused and not lost: it is stored, held (`hold`,
 * written by the server alone), and a review for the siège keeps both loans whole — both young
 * people, both advisers, both periods, everything typed. The second device receives its loan
 * back held, and shows « En conflit — examiné par le siège ».
 *
 * - A loan is judged when its days or its vehicle change (a booking, an extension, a new
 *   vehicle) or while it is held: it is held when it shares a day with a loan that stands (not
 *   held, not cancelled: `overlappingSpans` of src/domain/rules/mobility.ts, the rule the
 *   device's form warns with). Held loans do not stand: the first to arrive keeps the vehicle.
 * - A held loan whose days or vehicle change so that it overlaps nothing any more (or whose
 *   rival was cancelled) is released at its next write, and its review settled by the server.
 * - The siège keeps one loan (resolve with `choice`): keeping the loan that stands cancels the
 *   held booking, or puts a held extension back to its previous end; keeping the held loan
 *   cancels the loans it overlaps, which must not have started (vehicle not handed over).
 */
import { RelaisError } from '../../../src/domain/errors';
import { newRev } from '../../../src/domain/ids';
import { jsonEqual, type PlainDocument } from '../../../src/domain/merge';
import { overlappingSpans, spanOfLoan, type Span } from '../../../src/domain/rules/mobility';
import type { LoanHold, MobilityRecord } from '../../../src/domain/schemas/mobility';
import { toDay } from '../../../src/domain/time';
import type { DocumentWrite, StoredDocument, WriteTransaction } from '../storage/storage';
import type { SettleInput } from '../replication/write-rules/rule';
import { writeDecided } from '../replication/resolution';
import type { Caller } from '../replication/scope';
import { calendarWrites, loansOfVehicles } from './calendars';

type Loan = MobilityRecord & { _deleted?: boolean };

/** The fields whose change makes the server judge a loan's days again. */
const SPAN_FIELDS = ['vehicleId', 'startDate', 'endDate', 'returnedOn', 'cancelledOn'] as const;

function asLoan(data: PlainDocument, deleted = false): Loan {
  return { ...data, _deleted: deleted } as Loan;
}

/** The loans of the vehicle that stand (neither held nor cancelled), other than `loanId`. */
async function standingSpans(
  input: Pick<SettleInput, 'tx' | 'batch'>,
  vehicleId: string,
  loanId: string,
): Promise<{ spans: Span[]; loans: Map<string, { data: PlainDocument; deleted: boolean }> }> {
  const loans = await loansOfVehicles(input.tx, [vehicleId], input.batch);
  loans.delete(loanId);
  const spans = [...loans.values()]
    .map(({ data, deleted }) => spanOfLoan(asLoan(data, deleted)))
    .filter((span): span is Span => span !== undefined && span.vehicleId === vehicleId);
  return { spans, loans };
}

/** The same object when nothing changed, so the push answers no new master for it. */
function unlessEqual(state: PlainDocument, next: PlainDocument): PlainDocument {
  return jsonEqual(state, next) ? state : next;
}

function withHold(state: PlainDocument, hold: unknown): PlainDocument {
  const next: PlainDocument = { ...state };
  if (hold === undefined) delete next.hold;
  else next.hold = hold;
  return next;
}

/** The settle stage of a mobility push (write-rules/index.ts): see the header. */
export async function settleLoanBooking(input: SettleInput): Promise<PlainDocument> {
  const { state, stored, recorder } = input;
  if (state.kind !== 'loan') return state;
  const before = stored && !stored.deleted ? stored.data : undefined;
  const storedHold = before?.hold as LoanHold | undefined;
  // The hold is the server's: a device's copy of it, or its absence, changes nothing.
  const next = withHold(state, storedHold);
  const spanChanged =
    !before || state._deleted === true || SPAN_FIELDS.some((f) => !jsonEqual(before[f], state[f]));
  if (!storedHold && !spanChanged) return unlessEqual(state, next);

  const loanId = String(state.id);
  const span = state._deleted === true ? undefined : spanOfLoan(asLoan(next));
  const { spans, loans } = span
    ? await standingSpans(input, span.vehicleId, loanId)
    : { spans: [], loans: new Map() };
  const overlapping = span
    ? overlappingSpans({ id: loanId, vehicleId: span.vehicleId }, span, spans, {
        includeHeld: false,
      })
    : [];
  if (overlapping.length === 0) {
    if (storedHold) {
      delete next.hold;
      await recorder.releaseDoubleBooking(
        loanId,
        state._deleted === true || state.cancelledOn
          ? 'Prêt annulé : plus de double réservation.'
          : 'Le véhicule est libre pour ce prêt (dates, véhicule ou autre prêt modifiés) : il est confirmé.',
      );
    }
    return unlessEqual(state, next);
  }

  const standsBefore = before && !storedHold && !before.cancelledOn && before.vehicleId;
  const previous =
    storedHold?.previous ??
    (standsBefore
      ? {
          vehicleId: String(before.vehicleId),
          startDate: String(before.startDate),
          endDate: String(before.endDate),
          extensionCount: ((before.extensions as unknown[] | undefined) ?? []).length,
        }
      : undefined);
  const hold: LoanHold = {
    since: storedHold?.since ?? input.now.toISOString(),
    withLoanIds: overlapping.slice(0, 10).map((s) => s.loanId),
    ...(previous ? { previous } : {}),
  };
  next.hold = hold;
  const rivals = overlapping
    .map((s) => loans.get(s.loanId))
    .filter((loan): loan is StoredDocument => loan !== undefined && 'rev' in loan);
  await recorder.recordDoubleBooking(next, input.incomingRev, rivals);
  return unlessEqual(state, next);
}

// — The siège's decision —

/** The loan as the siège decided it: a new server revision. */
function decided(loan: StoredDocument, changes: PlainDocument, caller: Caller, now: string) {
  const state: PlainDocument = {
    ...loan.data,
    ...changes,
    rev: newRev(),
    updatedAt: now,
    updatedBy: caller.userId,
    _deleted: false,
  };
  for (const [field, value] of Object.entries(changes))
    if (value === undefined) delete state[field];
  return state;
}

/**
 * Writes the siège's choice on a review of overlapping loans: `keptId` keeps the vehicle (see
 * the header). Returns the loans and calendars to write.
 */
export async function settleDoubleBooking(
  tx: WriteTransaction,
  heldId: string,
  keptId: string,
  caller: Caller,
  at: Date,
): Promise<DocumentWrite[]> {
  const now = at.toISOString();
  const day = toDay(at);
  const held = (await tx.getDocuments('mobility', [heldId])).get(heldId);
  if (!held || held.deleted)
    throw new RelaisError('NOT_FOUND', 'Le prêt en conflit est introuvable.');
  const hold = held.data.hold as LoanHold | undefined;
  // Released meanwhile (its dates changed, or the other loan was cancelled): nothing to write.
  if (!hold) return [];
  const writes: DocumentWrite[] = [];
  const others = await tx.getDocuments('mobility', hold.withLoanIds);
  if (keptId === heldId) {
    for (const other of others.values()) {
      if (other.deleted || other.data.cancelledOn) continue;
      if (other.data.checkedOutOn && !other.data.returnedOn) {
        throw new RelaisError('LOAN_ALREADY_OUT');
      }
      const cancelled = decided(
        other,
        {
          cancelledOn: day,
          cancelReason: 'Double réservation : le siège a gardé un autre prêt pour ces dates.',
        },
        caller,
        now,
      );
      writes.push(...(await writeDecided(tx, 'mobility', cancelled, other, caller)));
    }
    const released = decided(held, { hold: undefined }, caller, now);
    writes.push(...(await writeDecided(tx, 'mobility', released, held, caller)));
  } else {
    if (!hold.withLoanIds.includes(keptId)) {
      throw new RelaisError('VALIDATION_FAILED', 'Ce prêt ne fait pas partie du conflit.');
    }
    const previous = hold.previous;
    const changes: PlainDocument = previous
      ? {
          vehicleId: previous.vehicleId,
          startDate: previous.startDate,
          endDate: previous.endDate,
          extensions: ((held.data.extensions as unknown[] | undefined) ?? []).slice(
            0,
            previous.extensionCount ?? 0,
          ),
          hold: undefined,
        }
      : {
          cancelledOn: day,
          cancelReason: 'Double réservation : le siège a gardé l’autre prêt pour ces dates.',
          hold: undefined,
        };
    if (Array.isArray(changes.extensions) && changes.extensions.length === 0) {
      changes.extensions = undefined;
    }
    const state = decided(held, changes, caller, now);
    writes.push(...(await writeDecided(tx, 'mobility', state, held, caller)));
  }
  const vehicles = new Set<string>();
  for (const write of writes)
    if (typeof write.data.vehicleId === 'string') vehicles.add(write.data.vehicleId);
  if (typeof held.data.vehicleId === 'string') vehicles.add(held.data.vehicleId);
  writes.push(
    ...(await calendarWrites(tx, [...vehicles], writes, { deviceId: caller.deviceId }, now)),
  );
  return writes;
}
