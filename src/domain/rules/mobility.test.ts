import { describe, expect, it } from 'vitest';
import type { MobilityRecord } from '../schemas/mobility';
import { fixedClock } from '../time';
import {
  availableVehicles,
  bookingProblem,
  calendarPeriods,
  extended,
  extensionProblem,
  knownSpans,
  lateLoans,
  lateness,
  licenceCovers,
  loanStatus,
  occupiedPeriod,
  overlappingSpans,
  periodsOverlap,
  requiredLicence,
  returnProblem,
  checkoutProblem,
  spanOfLoan,
  unavailabilityDuring,
  youthLoanDuring,
  type Span,
} from './mobility';

function loan(overrides: Partial<MobilityRecord> = {}): MobilityRecord {
  return {
    id: 'l1',
    rev: 'r',
    updatedAt: '2026-11-20T10:00:00.000Z',
    updatedBy: 'u',
    kind: 'loan',
    siteId: 's',
    vehicleId: 'v1',
    youthId: 'y1',
    startDate: '2026-12-01',
    endDate: '2026-12-10',
    purpose: 'emploi',
    licenceHeld: 'am',
    conditionsAcceptedOn: '2026-11-30',
    ...overrides,
  };
}

const scooter = { id: 'v1', vehicleType: 'scooter', label: 'Scooter' } as const;
const adult = { birthDate: '2003-05-04', drivingLicence: 'aucun' };

describe('overlap of periods', () => {
  it('counts both ends: periods sharing only their first or last day overlap', () => {
    const a = { startDate: '2026-12-01', endDate: '2026-12-10' };
    expect(periodsOverlap(a, { startDate: '2026-12-10', endDate: '2026-12-15' })).toBe(true);
    expect(periodsOverlap(a, { startDate: '2026-11-25', endDate: '2026-12-01' })).toBe(true);
    expect(periodsOverlap(a, { startDate: '2026-12-03', endDate: '2026-12-04' })).toBe(true);
    expect(periodsOverlap(a, { startDate: '2026-11-20', endDate: '2026-12-20' })).toBe(true);
    expect(periodsOverlap(a, { startDate: '2026-12-11', endDate: '2026-12-15' })).toBe(false);
    expect(periodsOverlap(a, { startDate: '2026-11-20', endDate: '2026-11-30' })).toBe(false);
  });

  it('one-day loans on the same day overlap', () => {
    const day = { startDate: '2026-12-05', endDate: '2026-12-05' };
    expect(periodsOverlap(day, { ...day })).toBe(true);
  });

  it('same-day return and departure: a vehicle due back on D leaves again on D + 1, not on D', () => {
    const first = spanOfLoan(loan({ id: 'a', endDate: '2026-12-10' }))!;
    const sameDay = { startDate: '2026-12-10', endDate: '2026-12-14' };
    const nextDay = { startDate: '2026-12-11', endDate: '2026-12-14' };
    const other = { id: 'b', vehicleId: 'v1' };
    expect(overlappingSpans(other, sameDay, [first], { includeHeld: true })).toHaveLength(1);
    expect(overlappingSpans(other, nextDay, [first], { includeHeld: true })).toEqual([]);
  });

  it('a vehicle returned early is free from the day after its return, still not on that day', () => {
    const early = loan({ id: 'a', checkedOutOn: '2026-12-01', returnedOn: '2026-12-06' });
    expect(occupiedPeriod(early)).toEqual({ startDate: '2026-12-01', endDate: '2026-12-06' });
    const spans = [spanOfLoan(early)!];
    const other = { id: 'b', vehicleId: 'v1' };
    expect(
      overlappingSpans(other, { startDate: '2026-12-07', endDate: '2026-12-09' }, spans, {
        includeHeld: true,
      }),
    ).toEqual([]);
    expect(
      overlappingSpans(other, { startDate: '2026-12-06', endDate: '2026-12-09' }, spans, {
        includeHeld: true,
      }),
    ).toHaveLength(1);
  });

  it('a late return does not lengthen the booked period; a cancelled loan takes no day', () => {
    const late = loan({ checkedOutOn: '2026-12-01', returnedOn: '2026-12-14' });
    expect(occupiedPeriod(late)).toEqual({ startDate: '2026-12-01', endDate: '2026-12-10' });
    expect(occupiedPeriod(loan({ cancelledOn: '2026-11-29' }))).toBeUndefined();
  });

  it('ignores the loan itself and other vehicles; a held loan blocks on the device, not on the server', () => {
    const held: Span = { ...spanOfLoan(loan({ id: 'h' }))!, state: 'en-conflit' };
    const elsewhere = spanOfLoan(loan({ id: 'o', vehicleId: 'v2' }))!;
    const self = spanOfLoan(loan({ id: 'me' }))!;
    const me = { id: 'me', vehicleId: 'v1' };
    const period = { startDate: '2026-12-05', endDate: '2026-12-06' };
    expect(overlappingSpans(me, period, [held, elsewhere, self], { includeHeld: false })).toEqual(
      [],
    );
    expect(
      overlappingSpans(me, period, [held, elsewhere, self], { includeHeld: true }).map(
        (s) => s.loanId,
      ),
    ).toEqual(['h']);
  });

  it('knows other sites’ loans from the calendar, its own loans overriding the same loan', () => {
    const calendar: Span[] = [
      {
        loanId: 'a',
        vehicleId: 'v1',
        startDate: '2026-12-01',
        endDate: '2026-12-10',
        state: 'reserve',
      },
      {
        loanId: 'b',
        vehicleId: 'v1',
        startDate: '2026-12-20',
        endDate: '2026-12-24',
        state: 'reserve',
      },
    ];
    const mine = loan({ id: 'a', endDate: '2026-12-03' });
    const cancelled = loan({
      id: 'b',
      startDate: '2026-12-20',
      endDate: '2026-12-24',
      cancelledOn: '2026-12-02',
    });
    const spans = knownSpans([mine, cancelled], calendar);
    expect(spans).toEqual([{ ...calendar[0], endDate: '2026-12-03' }]);
  });

  it('makes a calendar of the loans, without the young people, by start', () => {
    const periods = calendarPeriods([
      loan({ id: 'b', startDate: '2026-12-20', endDate: '2026-12-22' }),
      loan({ id: 'a', checkedOutOn: '2026-12-01' }),
      loan({ id: 'c', cancelledOn: '2026-11-01' }),
      { ...loan({ id: 'd' }), _deleted: true } as MobilityRecord,
    ]);
    expect(periods).toEqual([
      { loanId: 'a', startDate: '2026-12-01', endDate: '2026-12-10', state: 'en-cours' },
      { loanId: 'b', startDate: '2026-12-20', endDate: '2026-12-22', state: 'reserve' },
    ]);
    expect(JSON.stringify(periods)).not.toContain('y1');
  });
});

describe('licence rules', () => {
  it('asks the permis AM (ex-BSR) for a scooter or a voiture sans permis, B for a car, none for a bike', () => {
    expect(requiredLicence({ vehicleType: 'scooter' })).toBe('am');
    expect(requiredLicence({ vehicleType: 'voiture-sans-permis' })).toBe('am');
    expect(requiredLicence({ vehicleType: 'voiture' })).toBe('b');
    expect(requiredLicence({ vehicleType: 'velo-electrique' })).toBe('aucun');
    expect(requiredLicence({ vehicleType: 'autre', licence: 'b' })).toBe('b');
  });

  it('lets a permis B cover the AM category, never the other way round', () => {
    expect(licenceCovers('b', 'am')).toBe(true);
    expect(licenceCovers('am', 'am')).toBe(true);
    expect(licenceCovers('aucun', 'am')).toBe(false);
    expect(licenceCovers('am', 'b')).toBe(false);
    expect(licenceCovers('aucun', 'aucun')).toBe(true);
  });

  it('refuses a scooter to someone who showed no AM nor B; the dossier’s permis B counts', () => {
    const context = { vehicle: scooter, youth: adult };
    expect(bookingProblem(loan({ licenceHeld: 'aucun' }), context)).toBe('LOAN_LICENCE_MISSING');
    expect(bookingProblem(loan({ licenceHeld: undefined }), context)).toBe('LOAN_LICENCE_MISSING');
    expect(
      bookingProblem(loan({ licenceHeld: undefined }), {
        vehicle: scooter,
        youth: { ...adult, drivingLicence: 'b' },
      }),
    ).toBeUndefined();
    expect(bookingProblem(loan({ licenceHeld: 'am' }), context)).toBeUndefined();
    const bike = { vehicleType: 'velo-electrique' } as const;
    expect(
      bookingProblem(loan({ licenceHeld: 'aucun' }), { vehicle: bike, youth: adult }),
    ).toBeUndefined();
  });

  it('asks a minor’s legal guardian, and no motorised vehicle below 14', () => {
    const minor = { birthDate: '2009-12-02', drivingLicence: 'aucun' };
    expect(bookingProblem(loan(), { vehicle: scooter, youth: minor })).toBe(
      'LOAN_GUARDIAN_REQUIRED',
    );
    expect(
      bookingProblem(loan({ guardianAgreement: true }), { vehicle: scooter, youth: minor }),
    ).toBeUndefined();
    // 18 on the first day of the loan: an adult.
    expect(
      bookingProblem(loan(), { vehicle: scooter, youth: { birthDate: '2008-12-01' } }),
    ).toBeUndefined();
    // A birth year alone counts as the youngest it could be.
    expect(bookingProblem(loan(), { vehicle: scooter, youth: { birthDate: '2008' } })).toBe(
      'LOAN_GUARDIAN_REQUIRED',
    );
    expect(
      bookingProblem(loan({ guardianAgreement: true }), {
        vehicle: scooter,
        youth: { birthDate: '2013-01-01' },
      }),
    ).toBe('LOAN_TOO_YOUNG');
  });

  it('needs the dates, a purpose and the conditions accepted', () => {
    const context = { vehicle: scooter, youth: adult };
    expect(bookingProblem(loan({ purpose: undefined }), context)).toBe('LOAN_INCOMPLETE');
    expect(bookingProblem(loan({ endDate: '2026-11-30' }), context)).toBe('LOAN_END_BEFORE_START');
    expect(bookingProblem(loan({ endDate: '2027-07-01' }), context)).toBe('LOAN_TOO_LONG');
    expect(bookingProblem(loan({ conditionsAcceptedOn: undefined }), context)).toBe(
      'LOAN_CONDITIONS_REQUIRED',
    );
  });
});

describe('late returns', () => {
  const out = loan({ checkedOutOn: '2026-12-01', endDate: '2026-12-10' });

  it('is late from the day after the last day, by whole days, until it is back', () => {
    expect(lateness(out, fixedClock('2026-12-10T18:00:00'))).toBeUndefined();
    expect(lateness(out, fixedClock('2026-12-11T08:00:00'))).toBe(1);
    expect(lateness(out, fixedClock('2026-12-14T08:00:00'))).toBe(4);
    expect(loanStatus(out, fixedClock('2026-12-14T08:00:00'))).toBe('en-retard');
    const back = { ...out, returnedOn: '2026-12-13' };
    expect(lateness(back, fixedClock('2026-12-14T08:00:00'))).toBeUndefined();
    expect(loanStatus(back, fixedClock('2026-12-14T08:00:00'))).toBe('rendu');
  });

  it('is never late before the vehicle left, nor once cancelled', () => {
    const clock = fixedClock('2026-12-20T08:00:00');
    expect(lateness(loan(), clock)).toBeUndefined();
    expect(loanStatus(loan(), clock)).toBe('a-retirer');
    expect(lateness({ ...out, cancelledOn: '2026-12-02' }, clock)).toBeUndefined();
  });

  it('lists the late loans, the latest first', () => {
    const clock = fixedClock('2026-12-20T08:00:00');
    const a = { ...out, id: 'a', endDate: '2026-12-18' };
    const b = { ...out, id: 'b', endDate: '2026-12-12' };
    expect(lateLoans([a, loan({ id: 'c' }), b], clock).map((l) => [l.loan.id, l.days])).toEqual([
      ['b', 8],
      ['a', 2],
    ]);
  });

  it('says where a loan stands: booked, to hand over, running, held', () => {
    const before = fixedClock('2026-11-28T08:00:00');
    expect(loanStatus(loan(), before)).toBe('reserve');
    expect(loanStatus(out, fixedClock('2026-12-05T08:00:00'))).toBe('en-cours');
    const held = loan({ hold: { since: '2026-11-27T10:00:00.000Z', withLoanIds: ['x'] } });
    expect(loanStatus(held, before)).toBe('en-conflit');
  });
});

describe('check-out and return', () => {
  it('hands the vehicle over on a day of the loan that has come', () => {
    expect(checkoutProblem(loan(), '2026-12-01', '2026-12-01')).toBeUndefined();
    expect(checkoutProblem(loan(), '2026-12-02', '2026-12-01')).toBe('NOT_HAPPENED_YET');
    expect(checkoutProblem(loan(), '2026-11-30', '2026-12-01')).toBe('LOAN_CHECKOUT_INVALID');
  });

  it('takes it back after it left, with no fewer kilometres, not on a day to come', () => {
    const out = loan({ checkedOutOn: '2026-12-01', checkoutKm: 1200 });
    expect(returnProblem(out, '2026-12-12', 1350, '2026-12-12')).toBeUndefined();
    expect(returnProblem(out, '2026-12-12', 1100, '2026-12-12')).toBe('LOAN_RETURN_INVALID');
    expect(returnProblem(out, '2026-11-30', 1300, '2026-12-12')).toBe('LOAN_RETURN_INVALID');
    expect(returnProblem(out, '2026-12-13', 1300, '2026-12-12')).toBe('NOT_HAPPENED_YET');
    expect(returnProblem(loan(), '2026-12-12', undefined, '2026-12-12')).toBe(
      'LOAN_RETURN_INVALID',
    );
  });
});

describe('extension', () => {
  const running = loan({ checkedOutOn: '2026-12-01' });
  const next: Span = {
    loanId: 'next',
    vehicleId: 'v1',
    startDate: '2026-12-15',
    endDate: '2026-12-20',
    state: 'reserve',
  };

  it('moves the end later, up to the day before the next loan of the vehicle', () => {
    expect(extensionProblem(running, '2026-12-14', [next], undefined)).toBeUndefined();
    expect(extensionProblem(running, '2026-12-15', [next], undefined)).toBe(
      'LOAN_EXTENSION_OVERLAP',
    );
    // A loan of another vehicle, or the loan itself, is no obstacle.
    const self = spanOfLoan(running)!;
    expect(
      extensionProblem(running, '2026-12-18', [{ ...next, vehicleId: 'v2' }, self], undefined),
    ).toBeUndefined();
  });

  it('refuses an earlier end, a returned or cancelled loan, a loan over six months, a repair', () => {
    expect(extensionProblem(running, '2026-12-10', [], undefined)).toBe('LOAN_EXTENSION_INVALID');
    expect(
      extensionProblem({ ...running, returnedOn: '2026-12-09' }, '2026-12-12', [], undefined),
    ).toBe('LOAN_EXTENSION_INVALID');
    expect(
      extensionProblem({ ...running, cancelledOn: '2026-11-30' }, '2026-12-12', [], undefined),
    ).toBe('LOAN_EXTENSION_INVALID');
    expect(extensionProblem(running, '2027-06-10', [], undefined)).toBe('LOAN_TOO_LONG');
    const repair = {
      unavailability: [
        { startDate: '2026-12-12', endDate: '2026-12-13', reason: 'reparation' as const },
      ],
    };
    expect(extensionProblem(running, '2026-12-12', [], repair)).toBe('LOAN_VEHICLE_UNAVAILABLE');
  });

  it('keeps each extension in the loan', () => {
    const once = extended(running, '2026-12-14', '2026-12-09', ' Contrat prolongé ');
    expect(once).toEqual({
      endDate: '2026-12-14',
      extensions: [
        { from: '2026-12-10', to: '2026-12-14', on: '2026-12-09', reason: 'Contrat prolongé' },
      ],
    });
    expect(extended({ ...running, ...once }, '2026-12-16', '2026-12-13').extensions).toHaveLength(
      2,
    );
  });
});

describe('availability', () => {
  const vehicles: Pick<
    MobilityRecord,
    'id' | 'vehicleType' | 'label' | 'available' | 'unavailability'
  >[] = [
    { id: 'v1', vehicleType: 'scooter', label: 'Scooter', available: true },
    { id: 'v2', vehicleType: 'velo-electrique', label: 'VAE', available: true },
    { id: 'v3', vehicleType: 'velo-electrique', label: 'VAE 2', available: false },
    {
      id: 'v4',
      vehicleType: 'scooter',
      label: 'Scooter 2',
      unavailability: [{ startDate: '2026-12-03', endDate: '2026-12-04', reason: 'entretien' }],
    },
  ];
  const spans = [spanOfLoan(loan({ id: 'a', vehicleId: 'v1' }))!];

  it('answers « qui est disponible du … au … ? » from the loans and the maintenance it knows', () => {
    const period = { startDate: '2026-12-02', endDate: '2026-12-05' };
    expect(availableVehicles(vehicles, spans, period).map((v) => v.id)).toEqual(['v2']);
    const later = { startDate: '2026-12-11', endDate: '2026-12-12' };
    expect(availableVehicles(vehicles, spans, later).map((v) => v.id)).toEqual(['v1', 'v2', 'v4']);
    expect(unavailabilityDuring(vehicles[2]!, later)).toEqual({ outOfService: true });
  });

  it('finds a loan the young person already has during the period', () => {
    const loans = [loan({ id: 'a', vehicleId: 'v2' })];
    const period = { startDate: '2026-12-08', endDate: '2026-12-12' };
    expect(youthLoanDuring('y1', 'new', period, loans)?.id).toBe('a');
    expect(youthLoanDuring('y2', 'new', period, loans)).toBeUndefined();
    expect(youthLoanDuring('y1', 'a', period, loans)).toBeUndefined();
  });
});
