import { describe, expect, it } from 'vitest';
import { frenchMessage } from '../errors';
import { dispositifExitProblem, type DispositifExit } from './dispositif-exit';
import { dispositifOn, findOverlappingDispositif } from './dispositif';

const cej = (fields: Partial<DispositifExit> = {}): DispositifExit => ({
  kind: 'dispositif',
  startDate: '2026-03-02',
  ...fields,
});

describe('closing a dispositif', () => {
  it('lets a dispositif not closed through, and one closed with a date and a reason', () => {
    expect(dispositifExitProblem(cej())).toBeUndefined();
    expect(
      dispositifExitProblem(cej({ endedOn: '2026-11-13', exitReason: 'emploi-durable' })),
    ).toBeUndefined();
    // The day it began is a possible last day (a young person who never came back).
    expect(
      dispositifExitProblem(cej({ endedOn: '2026-03-02', exitReason: 'abandon' })),
    ).toBeUndefined();
  });

  it('refuses an exit reason without the actual end date, and a date without a reason', () => {
    expect(dispositifExitProblem(cej({ exitReason: 'formation' }))).toBe(
      'DISPOSITIF_EXIT_WITHOUT_END',
    );
    expect(dispositifExitProblem(cej({ endedOn: 'le 13', exitReason: 'formation' }))).toBe(
      'DISPOSITIF_EXIT_WITHOUT_END',
    );
    expect(dispositifExitProblem(cej({ endedOn: '2026-11-13' }))).toBe(
      'DISPOSITIF_END_WITHOUT_REASON',
    );
  });

  it('refuses an end before the start, in French', () => {
    const problem = dispositifExitProblem(cej({ endedOn: '2026-03-01', exitReason: 'emploi' }));
    expect(problem).toBe('DISPOSITIF_ENDED_BEFORE_START');
    expect(frenchMessage(problem!)).toBe(
      'Un dispositif ne peut pas se terminer avant d’avoir commencé : vérifiez la date de fin.',
    );
  });

  it('ends the dispositif on its actual end: not running after it, and no overlap with what follows', () => {
    const closed = {
      id: 'cej',
      programme: 'CEJ' as const,
      startDate: '2026-03-02',
      endDate: '2027-03-01',
      endedOn: '2026-11-13',
    };
    expect(dispositifOn([closed], '2026-11-13')).toBe(closed);
    expect(dispositifOn([closed], '2026-11-14')).toBeUndefined();
    const pacea = { id: 'pacea', programme: 'PACEA' as const, startDate: '2026-11-14' };
    expect(findOverlappingDispositif(pacea, [closed])).toBeUndefined();
    expect(findOverlappingDispositif({ ...pacea, startDate: '2026-11-13' }, [closed])).toBe(closed);
  });
});
