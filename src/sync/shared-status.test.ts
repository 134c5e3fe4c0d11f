import { describe, expect, it } from 'vitest';
import { believable, HEARTBEAT_STALE_MS, NO_FACTS } from './shared-status';

describe('the status a tab reads from the leader tab', () => {
  const writtenAt = new Date('2026-11-26T09:00:00.000Z');
  const facts = { ...NO_FACTS, online: true, writtenAt: writtenAt.toISOString() };

  it('believes "en ligne" while the leader keeps writing', () => {
    expect(believable(facts, new Date(writtenAt.getTime() + 1_000)).online).toBe(true);
  });

  it('stops saying "en ligne" when the leader has been silent too long (tab closed)', () => {
    const later = new Date(writtenAt.getTime() + HEARTBEAT_STALE_MS + 1);
    expect(believable(facts, later)).toMatchObject({ online: false });
  });
});
