import { describe, expect, it } from 'vitest';
import { daysWithoutContact, lastContactByYouth } from './contact';

describe('last contact', () => {
  it('keeps the latest day of an event the young person took part in', () => {
    const last = lastContactByYouth([
      { youthId: 'y1', kind: 'entretien-individuel', at: '2026-10-01T10:00' },
      { youthId: 'y1', kind: 'contact-telephonique', at: '2026-11-02T09:15' },
      { youthId: 'y1', kind: 'relance', at: '2026-11-20T09:15' },
      { youthId: 'y2', kind: 'relance', at: '2026-11-20T09:15' },
    ]);
    expect(last.get('y1')).toBe('2026-11-02');
    expect(last.has('y2')).toBe(false);
  });

  it('counts the days since, or nothing when there never was a contact', () => {
    expect(daysWithoutContact('2026-11-02', '2026-11-26')).toBe(24);
    expect(daysWithoutContact(undefined, '2026-11-26')).toBeUndefined();
  });
});
