import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/time';
import { contactBucketOf, countByContact } from './contact';

const clock = fixedClock('2026-11-26T12:00:00.000Z');

describe('last contact of a device', () => {
  it('falls in the bucket of its age', () => {
    expect(contactBucketOf('2026-11-26T11:30:00.000Z', clock)).toBe('hour');
    expect(contactBucketOf('2026-11-26T02:00:00.000Z', clock)).toBe('day');
    expect(contactBucketOf('2026-11-22T12:00:00.000Z', clock)).toBe('week');
    expect(contactBucketOf('2026-10-01T12:00:00.000Z', clock)).toBe('older');
  });

  it('is counted per bucket for the chart', () => {
    expect(
      countByContact(
        [{ lastSeenAt: '2026-11-26T11:30:00.000Z' }, { lastSeenAt: '2026-11-26T11:59:00.000Z' }],
        clock,
      ),
    ).toEqual({ hour: 2, day: 0, week: 0, older: 0 });
  });
});
