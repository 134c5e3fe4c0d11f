import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/time';
import { ageBucketOf, countByAge, matches, NO_FILTERS } from './filters';

const clock = fixedClock('2026-11-26T12:00:00.000Z');
const review = (openedAt: string, siteId = 'sees', by = ['camille', 'lucas']) => ({
  openedAt,
  siteId,
  values: by.map((id) => ({ by: id })),
});

describe('the reconciliation queue filters', () => {
  it('puts conflicts in age buckets from the time they were opened', () => {
    expect(ageBucketOf('2026-11-26T09:00:00.000Z', clock)).toBe('day');
    expect(ageBucketOf('2026-11-23T12:00:00.000Z', clock)).toBe('week');
    expect(ageBucketOf('2026-11-10T12:00:00.000Z', clock)).toBe('older');
    expect(
      countByAge([review('2026-11-26T09:00:00.000Z'), review('2026-11-01T09:00:00.000Z')], clock),
    ).toEqual({ day: 1, week: 0, older: 1 });
  });

  it('keeps the conflicts of a site, of an adviser who typed a value, and of an age', () => {
    const recent = review('2026-11-26T09:00:00.000Z');
    expect(matches(recent, NO_FILTERS, clock)).toBe(true);
    expect(matches(recent, { ...NO_FILTERS, siteId: 'perseigne' }, clock)).toBe(false);
    expect(matches(recent, { ...NO_FILTERS, adviserId: 'lucas' }, clock)).toBe(true);
    expect(matches(recent, { ...NO_FILTERS, adviserId: 'yacine' }, clock)).toBe(false);
    expect(matches(recent, { siteId: 'sees', adviserId: 'camille', age: 'week' }, clock)).toBe(
      false,
    );
  });
});
