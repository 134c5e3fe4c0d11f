import { describe, expect, it } from 'vitest';
import type { PathwayRecord } from '../schemas/pathway';
import { fixedClock } from '../time';
import { activityHoursInWeek } from './cej-hours';
import { cejWeeklyActivity, currentEvents, summariseCejWeeks, type CejSources } from './cej';

// Thursday 19 November 2026, pinned: weeks start on Mondays 2, 9 and 16 November.
const clock = fixedClock('2026-11-19T15:00:00');
const cej = { startDate: '2026-11-02', endDate: '2027-05-01', weeklyHoursCommitment: 15 };

function sources(overrides: Partial<CejSources> = {}): CejSources {
  return { events: [], propositions: [], attendances: [], workshops: [], ...overrides };
}

describe('CEJ hours per week', () => {
  it('lists every week from the start of the CEJ to the current one', () => {
    const weeks = cejWeeklyActivity(cej, sources(), clock);
    expect(weeks.map((w) => w.weekStart)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(weeks.map((w) => w.current)).toEqual([false, false, true]);
    expect(weeks.every((w) => w.hours === 0 && !w.met)).toBe(true);
  });

  it('counts events by duration, or the default of their kind, but never relances', () => {
    const weeks = cejWeeklyActivity(
      cej,
      sources({
        events: [
          { id: 'a', kind: 'entretien-individuel', at: '2026-11-03T10:00', durationMinutes: 90 },
          { id: 'b', kind: 'contact-telephonique', at: '2026-11-04T10:00' },
          { id: 'c', kind: 'relance', at: '2026-11-05T10:00', durationMinutes: 30 },
          { id: 'd', kind: 'visite', at: '2026-11-10T09:00' },
        ],
      }),
      clock,
    );
    expect(weeks[0]).toMatchObject({ hours: 1.75, events: 1.75 });
    expect(weeks[1]).toMatchObject({ hours: 1, events: 1 });
  });

  it('counts a corrected event through its correction only', () => {
    const events = [
      {
        id: 'old',
        kind: 'entretien-individuel' as const,
        at: '2026-11-03T10:00',
        durationMinutes: 60,
      },
      {
        id: 'new',
        kind: 'entretien-individuel' as const,
        at: '2026-11-03T10:00',
        durationMinutes: 120,
        supersedes: 'old',
      },
    ];
    expect(currentEvents(events).map((e) => e.id)).toEqual(['new']);
    expect(cejWeeklyActivity(cej, sources({ events }), clock)[0]!.hours).toBe(2);
  });

  it('counts ateliers attended (émargement) once, even when an event names the workshop', () => {
    const weeks = cejWeeklyActivity(
      cej,
      sources({
        workshops: [
          { id: 'w1', start: '2026-11-12T14:00', durationMinutes: 180 },
          { id: 'w2', start: '2026-11-13T14:00' },
          { id: 'w3', start: '2026-11-13T09:00', durationMinutes: 60 },
        ],
        attendances: [
          { workshopId: 'w1', present: true },
          { workshopId: 'w2', present: true },
          { workshopId: 'w3', present: false },
        ],
        events: [{ id: 'e', kind: 'atelier', at: '2026-11-12T14:00', workshopId: 'w1' }],
      }),
      clock,
    );
    expect(weeks[1]).toMatchObject({ ateliers: 5, events: 0, hours: 5 });
  });

  it('counts the sessions réalisé by their status, not absent, excusé, refused or still prescrit', () => {
    const workshops = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6'].map((id) => ({
      id,
      start: '2026-11-17T14:00',
      durationMinutes: 90,
    }));
    const weeks = cejWeeklyActivity(
      cej,
      sources({
        workshops: [...workshops, { id: 'w7', start: '2026-11-20T14:00', durationMinutes: 90 }],
        attendances: [
          { workshopId: 'w1', status: 'realise', present: true },
          { workshopId: 'w2', status: 'absent', present: false },
          { workshopId: 'w3', status: 'excuse', present: false },
          { workshopId: 'w4', status: 'refus-jeune', present: false },
          { workshopId: 'w5', status: 'prescrit' },
          // A v0 record, before statuses.
          { workshopId: 'w6', present: true },
          // Tomorrow, by the pinned clock: not yet counted.
          { workshopId: 'w7', status: 'realise', present: true },
        ],
      }),
      clock,
    );
    expect(weeks[2]).toMatchObject({ ateliers: 3, hours: 3, current: true });
  });

  it('counts 1 h per proposition not refused by the young person, and 4 h a weekday of an accepted PMSMP', () => {
    const weeks = cejWeeklyActivity(
      cej,
      sources({
        propositions: [
          {
            kind: 'proposition',
            propositionType: 'offre-emploi',
            result: 'en-attente',
            startDate: '2026-11-02',
          },
          {
            kind: 'proposition',
            propositionType: 'formation',
            result: 'refusee-jeune',
            startDate: '2026-11-03',
          },
          {
            kind: 'proposition',
            propositionType: 'pmsmp',
            result: 'acceptee',
            startDate: '2026-11-12',
            endDate: '2026-11-24',
          },
          { kind: 'demande', startDate: '2026-11-04' },
        ],
      }),
      clock,
    );
    expect(weeks[0]!.propositions).toBe(1);
    // 1 h for the proposition, then Thursday 12 and Friday 13: 2 × 4 h.
    expect(weeks[1]!.propositions).toBe(9);
    // Monday 16 to Thursday 19 (today): the rest of the PMSMP is still to come.
    expect(weeks[2]!.propositions).toBe(16);
    expect(weeks[2]!.met).toBe(true);
  });

  it('counts nothing before the CEJ, after its end, or after today', () => {
    const weeks = cejWeeklyActivity(
      { startDate: '2026-11-04', endDate: '2026-11-12' },
      sources({
        events: [
          { id: 'before', kind: 'visite', at: '2026-11-03T10:00', durationMinutes: 60 },
          { id: 'in', kind: 'visite', at: '2026-11-04T10:00', durationMinutes: 60 },
          { id: 'after', kind: 'visite', at: '2026-11-13T10:00', durationMinutes: 60 },
        ],
      }),
      clock,
    );
    expect(weeks.map((w) => [w.weekStart, w.hours, w.current])).toEqual([
      ['2026-11-02', 1, false],
      ['2026-11-09', 0, false],
    ]);
  });

  it('has no weeks yet for a CEJ that starts later', () => {
    expect(cejWeeklyActivity({ startDate: '2026-12-01' }, sources(), clock)).toEqual([]);
  });

  it('summarises the completed weeks against the commitment', () => {
    const weeks = cejWeeklyActivity(
      { ...cej, weeklyHoursCommitment: 2 },
      sources({
        events: [
          { id: 'a', kind: 'visite', at: '2026-11-03T10:00', durationMinutes: 180 },
          { id: 'b', kind: 'visite', at: '2026-11-10T10:00', durationMinutes: 60 },
          { id: 'c', kind: 'visite', at: '2026-11-17T10:00', durationMinutes: 600 },
        ],
      }),
      clock,
    );
    expect(summariseCejWeeks(weeks)).toEqual({ weeks: 2, weeksMet: 1, averageHours: 2 });
  });
});

describe('one computation for every screen', () => {
  it('gives the permanence and the relances (cej-hours.ts) the hours of the dossier’s chart', () => {
    const data = sources({
      events: [
        { id: 'a', kind: 'entretien-individuel', at: '2026-11-10T10:00', durationMinutes: 90 },
        { id: 'b', kind: 'relance', at: '2026-11-11T10:00', durationMinutes: 30 },
      ],
      propositions: [
        {
          kind: 'proposition',
          propositionType: 'pmsmp',
          result: 'acceptee',
          startDate: '2026-11-12',
          endDate: '2026-11-13',
        },
      ],
    });
    const chart = cejWeeklyActivity(cej, data, clock).find((w) => w.weekStart === '2026-11-09')!;
    expect(chart.hours).toBe(10.5);
    expect(
      activityHoursInWeek(
        { events: data.events, propositions: data.propositions as PathwayRecord[] },
        '2026-11-09',
      ),
    ).toBe(chart.hours);
  });
});
