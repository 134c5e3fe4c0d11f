import { describe, expect, it } from 'vitest';
import { buildYouth } from '../../../tests/support/builders';
import type { HandoverRecord } from '../schemas/youth';
import {
  appointmentFollows,
  applyHandover,
  handoverCalendarChange,
  handoverProblem,
  handoverSummary,
  mayHandOver,
  siteAfterHandover,
  type HandoverDraft,
  type HandoverTarget,
} from './handover';

const camille = { id: 'camille', role: 'conseiller' as const };
const direction = { id: 'helene', role: 'direction' as const };
const yacine: HandoverTarget = { id: 'yacine', role: 'conseiller', active: true, siteIds: ['p'] };
const draft: HandoverDraft = {
  kind: 'temporaire',
  toId: 'yacine',
  startDate: '2026-12-14',
  endDate: '2026-12-18',
  reason: 'Congés',
};
const today = '2026-12-11';

function problem(overrides: Partial<Parameters<typeof handoverProblem>[0]> = {}) {
  return handoverProblem({
    actor: camille,
    dossiers: [{ referentId: 'camille' }],
    target: yacine,
    draft,
    today,
    ...overrides,
  });
}

describe('who may hand what to whom', () => {
  it('lets the direction hand any dossier, an adviser only their own', () => {
    expect(mayHandOver(direction, { referentId: 'lucas' })).toBe(true);
    expect(mayHandOver(camille, { referentId: 'camille' })).toBe(true);
    expect(mayHandOver(camille, { referentId: 'lucas' })).toBe(false);
    expect(mayHandOver({ id: 'a', role: 'accueil' }, { referentId: 'a' })).toBe(false);
  });

  it('accepts a valid handover and names the first problem of an invalid one', () => {
    expect(problem()).toBeUndefined();
    expect(problem({ draft: { kind: 'definitive', toId: 'yacine', reason: 'Départ' } })).toBe(
      undefined,
    );
    expect(problem({ dossiers: [] })).toBe('HANDOVER_EMPTY');
    expect(problem({ dossiers: [{ referentId: 'lucas' }] })).toBe('HANDOVER_NOT_OWN_DOSSIER');
    expect(problem({ actor: direction, dossiers: [{ referentId: 'lucas' }] })).toBeUndefined();
    expect(problem({ target: undefined })).toBe('HANDOVER_TARGET_UNKNOWN');
    expect(problem({ target: { ...yacine, active: false } })).toBe('HANDOVER_TARGET_DISABLED');
    expect(problem({ target: { ...yacine, role: 'accueil' } })).toBe('HANDOVER_TARGET_NOT_ADVISER');
    expect(problem({ dossiers: [{ referentId: 'yacine' }], actor: direction })).toBe(
      'HANDOVER_SAME_REFERENT',
    );
    expect(problem({ draft: { ...draft, reason: '  ' } })).toBe('HANDOVER_REASON_REQUIRED');
    expect(problem({ draft: { ...draft, endDate: '2026-12-13' } })).toBe('HANDOVER_DATES_INVALID');
    expect(problem({ draft: { ...draft, startDate: '2026-12-10' } })).toBe(
      'HANDOVER_DATES_INVALID',
    );
    expect(problem({ draft: { ...draft, endDate: undefined } })).toBe('HANDOVER_DATES_INVALID');
    expect(problem({ draft: { ...draft, startDate: today, endDate: today } })).toBeUndefined();
  });
});

const record = (overrides: Partial<HandoverRecord> = {}): HandoverRecord => ({
  id: 'h1',
  kind: 'temporaire',
  fromId: 'camille',
  toId: 'yacine',
  byId: 'camille',
  at: '2026-12-11T19:00:00.000Z',
  startDate: '2026-12-11',
  endDate: '2026-12-18',
  reason: 'Congés',
  ...overrides,
});

describe('what a handover does to a dossier', () => {
  it('moves the dossier to the colleague’s site only when they do not work at it', () => {
    expect(siteAfterHandover('s', ['s', 'p'])).toBe('s');
    expect(siteAfterHandover('s', ['p'])).toBe('p');
    expect(siteAfterHandover('s', [])).toBe('s');
  });

  it('makes the colleague the référent for good, or stands them in during the period', () => {
    const youth = buildYouth({ referentId: 'camille', siteId: 's' });
    const permanent = applyHandover(youth, record({ kind: 'definitive' }), yacine, today);
    expect(permanent).toMatchObject({ referentId: 'yacine', siteId: 'p' });
    expect(permanent.handovers).toHaveLength(1);
    const temporary = applyHandover(youth, record(), yacine, today);
    expect(temporary).toMatchObject({
      referentId: 'camille',
      siteId: 's',
      interimReferentId: 'yacine',
      interimUntil: '2026-12-18',
    });
    const later = applyHandover(youth, record({ startDate: '2026-12-14' }), yacine, today);
    expect(later).not.toHaveProperty('interimReferentId');
  });

  it('ends a temporary handover after its last day and starts one on its first day', () => {
    const youth = applyHandover(buildYouth({ referentId: 'camille' }), record(), yacine, today);
    expect(handoverCalendarChange(youth, '2026-12-18')).toBeUndefined();
    const ended = handoverCalendarChange(youth, '2026-12-19')!;
    expect(ended).not.toHaveProperty('interimReferentId');
    expect(ended.handovers![0]!.endedOn).toBe('2026-12-19');
    expect(handoverCalendarChange(ended, '2026-12-20')).toBeUndefined();

    const planned = applyHandover(
      buildYouth({ referentId: 'camille' }),
      record({ startDate: '2026-12-14' }),
      yacine,
      today,
    );
    expect(handoverCalendarChange(planned, '2026-12-13')).toBeUndefined();
    expect(handoverCalendarChange(planned, '2026-12-14')).toMatchObject({
      interimReferentId: 'yacine',
    });
  });

  it('sends upcoming planned rendez-vous to the colleague, within the period when temporary', () => {
    const now = '2026-12-11T20:00';
    const rdv = (start: string, status = 'planifie' as const) => ({ start, status });
    const permanent = record({ kind: 'definitive' });
    expect(appointmentFollows(rdv('2026-12-11T21:00'), permanent, now)).toBe(true);
    expect(appointmentFollows(rdv('2026-12-11T09:00'), permanent, now)).toBe(false);
    expect(
      appointmentFollows({ start: '2026-12-15T09:00', status: 'annule' }, permanent, now),
    ).toBe(false);
    expect(appointmentFollows(rdv('2026-12-18T09:00'), record(), now)).toBe(true);
    expect(appointmentFollows(rdv('2026-12-19T09:00'), record(), now)).toBe(false);
  });

  it('says in the dossier who follows it and until when', () => {
    const names = (id: string) =>
      ({ yacine: 'Yacine Haddad', camille: 'Camille Martin' })[id] ?? id;
    const youth = applyHandover(buildYouth({ referentId: 'camille' }), record(), yacine, today);
    expect(handoverSummary(youth, names)).toBe(
      'Suivi temporairement par Yacine Haddad jusqu’au 18 décembre 2026',
    );
    const permanent = applyHandover(youth, record({ kind: 'definitive' }), yacine, today);
    expect(handoverSummary(permanent, names)).toBe(
      'Confié à Yacine Haddad le 11 décembre 2026 (par Camille Martin) : Congés',
    );
    expect(handoverSummary(buildYouth(), names)).toBeUndefined();
  });
});
