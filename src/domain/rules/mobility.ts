/**
 * The rules of Atelier Mob's loans (issue 16), one pure function per question, called by the
 * screens on the device and by the server on push (sync-server/src/replication/write-rules/
 * mobility.ts). A problem is an error code of errors.ts, so both sides say the same sentence.
 *
 * Periods are calendar days, both ends included: a loan from the 2nd to the 6th lends the
 * vehicle on the 2nd, 3rd, 4th, 5th and 6th. Two periods overlap when they share a day. So a
 * vehicle due back (or returned) on day D leaves again on D + 1 at the earliest, never on D:
 * the Atelier checks it (state, charge, kilometres) before the next young person, and it often
 * travels between sites; the last day of a loan is a day the young person still rides it (home
 * from work). An early return frees the days after it; a late one does not make the loan
 * longer for these rules — it is flagged as late instead (`lateness`).
 */
import type { ErrorCode } from '../errors';
import type { Role } from '../schemas/staff';
import type {
  CalendarPeriod,
  CalendarState,
  Licence,
  MobilityRecord,
  Unavailability,
  VehicleKind,
} from '../schemas/mobility';
import { MAX_CALENDAR_PERIODS } from '../schemas/mobility';
import { addDays, daysBetween, parseDay, today, yearsBetween, type Clock } from '../time';

/** The longest loan, extensions included: six months. */
export const MAX_LOAN_DAYS = 183;
/** The permis AM (ex-BSR) is open from 14: no motorised loan below. */
export const MIN_AGE_MOTORISED = 14;
/** Below 18 a loan needs the legal guardian's agreement. */
export const ADULT_AGE = 18;

export interface Period {
  startDate: string;
  endDate: string;
}

/** A loan as a calendar sees it: its vehicle, the days it takes, and where it stands. */
export interface Span extends Period {
  loanId: string;
  vehicleId: string;
  state: CalendarState;
}

type Loan = Pick<
  MobilityRecord,
  | 'id'
  | 'vehicleId'
  | 'youthId'
  | 'startDate'
  | 'endDate'
  | 'checkedOutOn'
  | 'returnedOn'
  | 'cancelledOn'
  | 'hold'
  | 'extensions'
> & { _deleted?: boolean };

type Vehicle = Pick<
  MobilityRecord,
  'id' | 'vehicleType' | 'licence' | 'available' | 'unavailability' | 'label'
>;

/** Do two periods share a day? Both ends are included. */
export function periodsOverlap(a: Period, b: Period): boolean {
  return a.startDate <= b.endDate && b.startDate <= a.endDate;
}

/** The days a period lends, both ends included. */
export function daysInPeriod(period: Period): number {
  return daysBetween(period.startDate, period.endDate) + 1;
}

export function isLoanCancelled(loan: Pick<Loan, 'cancelledOn' | '_deleted'>): boolean {
  return Boolean(loan.cancelledOn) || loan._deleted === true;
}

/** Held by the server: it overlaps loans that reached the server first; the siège decides. */
export function isLoanHeld(loan: Pick<Loan, 'hold'>): boolean {
  return loan.hold !== undefined;
}

/** The days a loan takes the vehicle: its period, cut short by an early return. */
export function occupiedPeriod(loan: Loan): Period | undefined {
  if (isLoanCancelled(loan) || !loan.startDate || !loan.endDate) return undefined;
  if (loan.returnedOn && loan.returnedOn < loan.endDate) {
    return {
      startDate: loan.startDate,
      endDate: loan.returnedOn < loan.startDate ? loan.startDate : loan.returnedOn,
    };
  }
  return { startDate: loan.startDate, endDate: loan.endDate };
}

export function calendarState(loan: Loan): CalendarState {
  if (isLoanHeld(loan)) return 'en-conflit';
  if (loan.returnedOn) return 'rendu';
  if (loan.checkedOutOn) return 'en-cours';
  return 'reserve';
}

export function spanOfLoan(loan: Loan): Span | undefined {
  const period = occupiedPeriod(loan);
  if (!period || !loan.vehicleId) return undefined;
  return { ...period, loanId: loan.id, vehicleId: loan.vehicleId, state: calendarState(loan) };
}

/** The spans of a vehicle's calendar document (what the device knows of other sites' loans). */
export function spansOfCalendar(vehicleId: string, periods: readonly CalendarPeriod[]): Span[] {
  return periods.map((period) => ({ ...period, vehicleId }));
}

/**
 * Every span the device knows of, its own loans winning over a calendar's entry for the same
 * loan (a loan changed here is newer than the calendar the server last sent).
 */
export function knownSpans(loans: readonly Loan[], calendars: readonly Span[]): Span[] {
  const byLoan = new Map<string, Span>();
  for (const span of calendars) byLoan.set(span.loanId, span);
  for (const loan of loans) {
    const span = spanOfLoan(loan);
    if (span) byLoan.set(loan.id, span);
    else byLoan.delete(loan.id);
  }
  return [...byLoan.values()];
}

/**
 * The spans of the same vehicle that share a day with `period`, other than the loan itself. A
 * held booking counts on the device (the siège may give it the vehicle), not on the server,
 * where the first booking to arrive stands.
 */
export function overlappingSpans(
  loan: { id: string; vehicleId: string },
  period: Period,
  spans: readonly Span[],
  options: { includeHeld: boolean },
): Span[] {
  return spans
    .filter(
      (span) =>
        span.vehicleId === loan.vehicleId &&
        span.loanId !== loan.id &&
        (options.includeHeld || span.state !== 'en-conflit') &&
        periodsOverlap(span, period),
    )
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.loanId.localeCompare(b.loanId));
}

/** A vehicle's calendar: every loan that is not cancelled, by start, the newest kept. */
export function calendarPeriods(loans: readonly Loan[]): CalendarPeriod[] {
  const periods = loans
    .map(spanOfLoan)
    .filter((span): span is Span => span !== undefined)
    .map(({ loanId, startDate, endDate, state }) => ({ loanId, startDate, endDate, state }))
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.loanId.localeCompare(b.loanId));
  return periods.slice(-MAX_CALENDAR_PERIODS);
}

// — Vehicles —

export const LICENCE_BY_KIND: Record<VehicleKind, Licence> = {
  scooter: 'am',
  'velo-electrique': 'aucun',
  'voiture-sans-permis': 'am',
  voiture: 'b',
  velo: 'aucun',
  autre: 'aucun',
};

/** The licence a vehicle needs: its own setting, else its kind's. */
export function requiredLicence(vehicle: Pick<Vehicle, 'licence' | 'vehicleType'>): Licence {
  return vehicle.licence ?? (vehicle.vehicleType ? LICENCE_BY_KIND[vehicle.vehicleType] : 'aucun');
}

/** Those who keep the fleet: the direction and the Atelier Mob (and admin). */
export const FLEET_KEEPERS: readonly Role[] = ['direction', 'admin', 'atelier-mob'];

export function mayKeepFleet(role: Role): boolean {
  return FLEET_KEEPERS.includes(role);
}

/** What makes a vehicle record unusable: a name and a kind, periods that end after they start. */
export function vehicleProblem(
  vehicle: Pick<Vehicle, 'label' | 'vehicleType' | 'unavailability'>,
): ErrorCode | undefined {
  if (!vehicle.label?.trim() || !vehicle.vehicleType) return 'VEHICLE_INVALID';
  for (const period of vehicle.unavailability ?? []) {
    if (!parseDay(period.startDate) || !parseDay(period.endDate)) return 'VEHICLE_INVALID';
    if (period.endDate < period.startDate) return 'VEHICLE_INVALID';
  }
  return undefined;
}

/** Why a vehicle cannot be lent for a period: out of service, or a maintenance period. */
export function unavailabilityDuring(
  vehicle: Pick<Vehicle, 'available' | 'unavailability'>,
  period: Period,
): { outOfService: true } | Unavailability | undefined {
  if (vehicle.available === false) return { outOfService: true };
  return (vehicle.unavailability ?? []).find((u) => periodsOverlap(u, period));
}

// — The young person —

/**
 * Age on a day from `YYYY-MM-DD`, or from `YYYY` alone as the youngest it could be (a birth
 * year alone must not let a minor through without a guardian); undefined when unknown.
 */
export function ageOnDay(birthDate: string | undefined, day: string): number | undefined {
  if (!birthDate || !parseDay(day)) return undefined;
  const birth = /^\d{4}$/.test(birthDate) ? `${birthDate}-12-31` : birthDate;
  if (!parseDay(birth) || birth > day) return undefined;
  return yearsBetween(birth, day);
}

/** The licence a young person holds for this loan: what they showed, else the dossier's permis B. */
export function heldLicence(
  shown: Licence | undefined,
  dossierLicence: string | undefined,
): Licence {
  if (shown) return shown;
  return dossierLicence === 'b' ? 'b' : 'aucun';
}

/** A permis B covers the AM category (cyclomoteurs, voitures sans permis); AM covers only AM. */
export function licenceCovers(held: Licence, required: Licence): boolean {
  if (required === 'aucun') return true;
  if (required === 'am') return held === 'am' || held === 'b';
  return held === 'b';
}

// — Booking —

export interface BookingContext {
  vehicle: Pick<Vehicle, 'vehicleType' | 'licence'> | undefined;
  youth: { birthDate?: string; drivingLicence?: string } | undefined;
}

type Booking = Pick<
  MobilityRecord,
  | 'vehicleId'
  | 'youthId'
  | 'startDate'
  | 'endDate'
  | 'purpose'
  | 'licenceHeld'
  | 'guardianAgreement'
  | 'conditionsAcceptedOn'
>;

/** The dates of a booking: both days, the end not before the start, six months at most. */
export function periodProblem(period: Partial<Period>): ErrorCode | undefined {
  if (!period.startDate || !parseDay(period.startDate)) return 'LOAN_INCOMPLETE';
  if (!period.endDate || !parseDay(period.endDate)) return 'LOAN_INCOMPLETE';
  if (period.endDate < period.startDate) return 'LOAN_END_BEFORE_START';
  if (daysInPeriod(period as Period) > MAX_LOAN_DAYS) return 'LOAN_TOO_LONG';
  return undefined;
}

/**
 * What forbids a booking, whatever else the device or the server knows: a vehicle, a young
 * person, a period and a purpose; the conditions accepted; the licence the vehicle needs (AM
 * for a scooter or a voiture sans permis, B for a car; a permis B covers AM); 14 years for a
 * motorised vehicle; the legal guardian's agreement below 18.
 */
export function bookingProblem(loan: Booking, context: BookingContext): ErrorCode | undefined {
  if (!loan.vehicleId || !loan.youthId || !loan.purpose) return 'LOAN_INCOMPLETE';
  const period = periodProblem(loan);
  if (period) return period;
  if (!loan.conditionsAcceptedOn) return 'LOAN_CONDITIONS_REQUIRED';
  const required = context.vehicle ? requiredLicence(context.vehicle) : 'aucun';
  if (!licenceCovers(heldLicence(loan.licenceHeld, context.youth?.drivingLicence), required)) {
    return 'LOAN_LICENCE_MISSING';
  }
  const age = ageOnDay(context.youth?.birthDate, loan.startDate!);
  if (age !== undefined && required !== 'aucun' && age < MIN_AGE_MOTORISED) return 'LOAN_TOO_YOUNG';
  if (age !== undefined && age < ADULT_AGE && loan.guardianAgreement !== true) {
    return 'LOAN_GUARDIAN_REQUIRED';
  }
  return undefined;
}

/** Whether the young person is a minor on the first day (the form then asks the agreement). */
export function isMinorOn(birthDate: string | undefined, day: string): boolean {
  const age = ageOnDay(birthDate, day);
  return age !== undefined && age < ADULT_AGE;
}

/** A loan of the same young person that shares a day with the period (one vehicle at a time). */
export function youthLoanDuring(
  youthId: string,
  loanId: string,
  period: Period,
  loans: readonly Loan[],
): Loan | undefined {
  return loans.find((other) => {
    if (other.youthId !== youthId || other.id === loanId) return false;
    const taken = occupiedPeriod(other);
    return taken !== undefined && periodsOverlap(taken, period);
  });
}

// — Check-out, return, extension —

/** The vehicle leaves on a day of the loan, not a day to come. */
export function checkoutProblem(
  loan: Pick<Loan, 'startDate' | 'endDate' | 'cancelledOn'>,
  on: string | undefined,
  todayDay: string,
): ErrorCode | undefined {
  if (!on || !parseDay(on) || loan.cancelledOn) return 'LOAN_CHECKOUT_INVALID';
  if (on > todayDay) return 'NOT_HAPPENED_YET';
  if (!loan.startDate || !loan.endDate || on < loan.startDate || on > loan.endDate) {
    return 'LOAN_CHECKOUT_INVALID';
  }
  return undefined;
}

/** The vehicle comes back after it left, not on a day to come, with no fewer kilometres. */
export function returnProblem(
  loan: Pick<MobilityRecord, 'checkedOutOn' | 'checkoutKm'>,
  on: string | undefined,
  km: number | undefined,
  todayDay: string,
): ErrorCode | undefined {
  if (!loan.checkedOutOn || !on || !parseDay(on)) return 'LOAN_RETURN_INVALID';
  if (on > todayDay) return 'NOT_HAPPENED_YET';
  if (on < loan.checkedOutOn) return 'LOAN_RETURN_INVALID';
  if (km !== undefined && loan.checkoutKm !== undefined && km < loan.checkoutKm) {
    return 'LOAN_RETURN_INVALID';
  }
  return undefined;
}

/**
 * An extension moves the end of a loan that is running or booked (not returned, not cancelled)
 * to a later day, within the longest loan, and must not take a day of the vehicle's next loan
 * or of a maintenance period.
 */
export function extensionProblem(
  loan: Loan,
  newEnd: string | undefined,
  spans: readonly Span[],
  vehicle: Pick<Vehicle, 'available' | 'unavailability'> | undefined,
): ErrorCode | undefined {
  if (!newEnd || !parseDay(newEnd) || !loan.endDate || !loan.startDate || !loan.vehicleId) {
    return 'LOAN_EXTENSION_INVALID';
  }
  if (loan.returnedOn || isLoanCancelled(loan) || newEnd <= loan.endDate) {
    return 'LOAN_EXTENSION_INVALID';
  }
  if (daysInPeriod({ startDate: loan.startDate, endDate: newEnd }) > MAX_LOAN_DAYS) {
    return 'LOAN_TOO_LONG';
  }
  const added = { startDate: addDays(loan.endDate, 1), endDate: newEnd };
  const loanRef = { id: loan.id, vehicleId: loan.vehicleId };
  if (overlappingSpans(loanRef, added, spans, { includeHeld: true }).length > 0) {
    return 'LOAN_EXTENSION_OVERLAP';
  }
  if (vehicle && unavailabilityDuring({ unavailability: vehicle.unavailability }, added)) {
    return 'LOAN_VEHICLE_UNAVAILABLE';
  }
  return undefined;
}

/** The loan's fields after an extension to `newEnd`, agreed on `on`. */
export function extended(
  loan: Pick<MobilityRecord, 'endDate' | 'extensions'>,
  newEnd: string,
  on: string,
  reason?: string,
): Pick<MobilityRecord, 'endDate' | 'extensions'> {
  const entry = {
    from: loan.endDate!,
    to: newEnd,
    on,
    ...(reason?.trim() ? { reason: reason.trim() } : {}),
  };
  return { endDate: newEnd, extensions: [...(loan.extensions ?? []), entry] };
}

// — Where a loan stands —

export type LoanStatus =
  'annule' | 'en-conflit' | 'reserve' | 'a-retirer' | 'en-cours' | 'en-retard' | 'rendu';

/** Days past the end of a loan whose vehicle is out and not back; undefined when not late. */
export function lateness(loan: Loan, clock: Clock): number | undefined {
  if (isLoanCancelled(loan) || !loan.checkedOutOn || loan.returnedOn || !loan.endDate) {
    return undefined;
  }
  const days = daysBetween(loan.endDate, today(clock));
  return days > 0 ? days : undefined;
}

export function loanStatus(loan: Loan, clock: Clock): LoanStatus {
  if (isLoanCancelled(loan)) return 'annule';
  if (isLoanHeld(loan)) return 'en-conflit';
  if (loan.returnedOn) return 'rendu';
  if (loan.checkedOutOn) return lateness(loan, clock) !== undefined ? 'en-retard' : 'en-cours';
  return loan.startDate && loan.startDate <= today(clock) ? 'a-retirer' : 'reserve';
}

export const LOAN_STATUS_LABELS: Record<LoanStatus, string> = {
  annule: 'Annulé',
  'en-conflit': 'En conflit — examiné par le siège',
  reserve: 'Réservé',
  'a-retirer': 'À remettre au jeune',
  'en-cours': 'En cours',
  'en-retard': 'En retard',
  rendu: 'Rendu',
};

/** Loans whose vehicle is late, the latest first. */
export function lateLoans<L extends Loan>(
  loans: readonly L[],
  clock: Clock,
): { loan: L; days: number }[] {
  return loans
    .map((loan) => ({ loan, days: lateness(loan, clock) }))
    .filter((late): late is { loan: L; days: number } => late.days !== undefined)
    .sort((a, b) => b.days - a.days || a.loan.id.localeCompare(b.loan.id));
}

/**
 * « Qui est disponible du … au … ? »: the vehicles in service with no known loan (held ones
 * included) and no maintenance period on any day of the period.
 */
export function availableVehicles<V extends Vehicle>(
  vehicles: readonly V[],
  spans: readonly Span[],
  period: Period,
): V[] {
  return vehicles.filter(
    (vehicle) =>
      !unavailabilityDuring(vehicle, period) &&
      overlappingSpans({ id: '', vehicleId: vehicle.id }, period, spans, { includeHeld: true })
        .length === 0,
  );
}
