/**
 * Atelier Mob's vehicles and loans (issue 16), checked on push with the pure rules the screens
 * use (src/domain/rules/mobility.ts):
 * - a calendar is the server's: no device writes one;
 * - a vehicle is kept by the direction and the Atelier Mob, with a name, a kind, and
 *   unavailability periods that end after they start;
 * - a booking has a vehicle, a young person, a period of six months at most and a purpose; the
 *   conditions accepted; the licence the vehicle needs; a guardian's agreement below 18;
 * - a check-out and a return happened (the server's clock, with the devices' 12 hours of room);
 * - the Atelier Mob books only for a young person who already borrowed: it may not see any
 *   other dossier, and a loan would show it one.
 * Only a change is checked, so a stored loan written before these rules never blocks an
 * unrelated edit. An overlap with another loan of the vehicle is no refusal: the loan is held
 * for the siège (mobility/double-booking.ts, the settle stage), nothing typed is lost.
 */
import { jsonEqual, type PlainDocument } from '../../../../src/domain/merge';
import {
  bookingProblem,
  checkoutProblem,
  mayKeepFleet,
  returnProblem,
  vehicleProblem,
} from '../../../../src/domain/rules/mobility';
import type { MobilityRecord } from '../../../../src/domain/schemas/mobility';
import { toDay } from '../../../../src/domain/time';
import { calendarWrites, touchedVehicles } from '../../mobility/calendars';
import { borrowerRestamps } from '../../mobility/borrowers';
import { isMobilityPartner } from '../scope';
import { DEVICE_CLOCK_TOLERANCE_MS } from './happened';
import type { DerivedWrites, WriteRule, WriteRuleInput } from './rule';

export { settleLoanBooking } from '../../mobility/double-booking';

const VEHICLE_FIELDS = ['label', 'vehicleType', 'unavailability'] as const;
const BOOKING_FIELDS = [
  'vehicleId',
  'youthId',
  'startDate',
  'endDate',
  'purpose',
  'licenceHeld',
  'guardianAgreement',
  'conditionsAcceptedOn',
] as const;

function changed(
  from: PlainDocument | undefined,
  incoming: PlainDocument,
  fields: readonly string[],
): boolean {
  return !from || from._deleted === true || fields.some((f) => !jsonEqual(from[f], incoming[f]));
}

async function documentOf(
  input: Pick<WriteRuleInput, 'tx' | 'batch'>,
  collection: 'mobility' | 'youths',
  id: unknown,
): Promise<PlainDocument | undefined> {
  if (typeof id !== 'string') return undefined;
  const written = [...input.batch]
    .reverse()
    .find((w) => w.collection === collection && w.id === id);
  if (written) return written.deleted ? undefined : written.data;
  const stored = (await input.tx.getDocuments(collection, [id])).get(id);
  return stored && !stored.deleted ? stored.data : undefined;
}

/** Has the young person a loan other than this one (stored or in this push)? */
async function hasBorrowed(input: WriteRuleInput, youthId: string, loanId: string) {
  if (
    input.batch.some((w) => w.collection === 'mobility' && w.youthId === youthId && w.id !== loanId)
  ) {
    return true;
  }
  const attached = await input.tx.getAttachedDocuments([youthId]);
  return attached.some((d) => d.collection === 'mobility' && d.id !== loanId);
}

async function loanProblem(input: WriteRuleInput) {
  const { caller, from, incoming, now } = input;
  const loan = incoming as unknown as MobilityRecord;
  const isNew = !from || from._deleted === true;
  if (isMobilityPartner(caller) && (isNew || from.youthId !== loan.youthId)) {
    if (!loan.youthId || !(await hasBorrowed(input, loan.youthId, loan.id))) return 'FORBIDDEN';
  }
  if (changed(from, incoming, BOOKING_FIELDS)) {
    const vehicle = await documentOf(input, 'mobility', loan.vehicleId);
    const youth = await documentOf(input, 'youths', loan.youthId);
    const problem = bookingProblem(loan, {
      vehicle: vehicle as MobilityRecord | undefined,
      youth: youth as { birthDate?: string; drivingLicence?: string } | undefined,
    });
    if (problem) return problem;
  }
  // A device's « today » may run ahead of the server's: the same room as happened.ts.
  const today = toDay(new Date(now.getTime() + DEVICE_CLOCK_TOLERANCE_MS));
  if (loan.checkedOutOn && changed(from, incoming, ['checkedOutOn', 'startDate', 'endDate'])) {
    const problem = checkoutProblem(loan, loan.checkedOutOn, today);
    if (problem) return problem;
  }
  if (loan.returnedOn && changed(from, incoming, ['returnedOn', 'returnKm', 'checkedOutOn'])) {
    const problem = returnProblem(loan, loan.returnedOn, loan.returnKm, today);
    if (problem) return problem;
  }
  return undefined;
}

export const mobilityRules: WriteRule = async (input) => {
  const { caller, stored, from, incoming } = input;
  const kinds = [incoming.kind, from?.kind, stored?.data.kind];
  // Calendars are the server's (mobility/calendars.ts).
  if (kinds.includes('calendar')) return 'FORBIDDEN';
  // A record does not change kind (a loan turned vehicle would escape both sets of rules).
  if (from && !from._deleted && from.kind !== incoming.kind) return 'FORBIDDEN';
  if (kinds.includes('vehicle')) {
    if (!mayKeepFleet(caller.role)) return 'FORBIDDEN';
    if (incoming._deleted === true || !changed(from, incoming, VEHICLE_FIELDS)) return undefined;
    return vehicleProblem(incoming as unknown as MobilityRecord);
  }
  if (incoming._deleted === true) return undefined;
  return loanProblem(input);
};

/**
 * What a mobility push implies: the calendars of the vehicles its loans touch, and the dossier
 * of a young person who borrows for the first time, sent again so that the Atelier Mob's
 * devices receive it (mobility/borrowers.ts).
 */
export const loanCalendars: DerivedWrites = async ({ caller, now, tx, batch }) => {
  const vehicles = await touchedVehicles(tx, batch);
  const calendars = await calendarWrites(
    tx,
    vehicles,
    batch,
    { deviceId: caller.deviceId },
    now.toISOString(),
  );
  return [...calendars, ...(await borrowerRestamps(tx, batch, caller.deviceId))];
};
