import { describe, expect, it } from 'vitest';
import { statusFields } from './attendance';
import { closingStatuses, serverOrder, sessionPlaces, standingOf } from './waiting-list';
import type { AttendanceStatus } from '../schemas/attendance';

function signUp(
  id: string,
  queuedAt: string | undefined,
  status: AttendanceStatus = 'prescrit',
  extra: { registeredAt?: string; walkIn?: boolean } = {},
) {
  return {
    id,
    ...(queuedAt ? { queuedAt: `2026-11-20T${queuedAt}:00.000Z` } : {}),
    registeredAt: extra.registeredAt ?? '2026-11-20T10:00',
    ...statusFields(status),
    ...(extra.walkIn ? { walkIn: true } : {}),
  };
}

const ids = (list: readonly { id: string }[]) => list.map((a) => a.id);

describe('places and waiting list of a session', () => {
  it('orders sign-ups as the server stored them, whatever the device clocks said', () => {
    // Signed up offline at Sées at 09:00 (device clock) but stored after Perseigne's.
    const sees = signUp('sees', '10:05', 'prescrit', { registeredAt: '2026-11-20T09:00' });
    const perseigne = signUp('perseigne', '10:01', 'prescrit', {
      registeredAt: '2026-11-20T09:30',
    });
    const unsent = signUp('unsent', undefined, 'prescrit', { registeredAt: '2026-11-19T08:00' });
    expect(ids([unsent, sees, perseigne].sort(serverOrder))).toEqual([
      'perseigne',
      'sees',
      'unsent',
    ]);
    // One push stores its rows at one server time: the device's own order breaks the tie.
    const first = signUp('b', '10:00', 'prescrit', { registeredAt: '2026-11-20T08:00' });
    const second = signUp('a', '10:00', 'prescrit', { registeredAt: '2026-11-20T08:01' });
    expect(ids([second, first].sort(serverOrder))).toEqual(['b', 'a']);
  });

  it('keeps every sign-up beyond the capacity, on the waiting list in server order', () => {
    const list = [
      signUp('d', '10:04'),
      signUp('a', '10:01'),
      signUp('c', '10:03'),
      signUp('b', '10:02'),
      signUp('e', '10:05'),
    ];
    const placement = sessionPlaces(3, list);
    expect(ids(placement.placed)).toEqual(['a', 'b', 'c']);
    expect(ids(placement.waiting)).toEqual(['d', 'e']);
    expect(placement.free).toBe(0);
    expect(standingOf(placement, 'e')).toEqual({ kind: 'waiting', rank: 2 });
    expect(standingOf(placement, 'a')).toEqual({ kind: 'placed' });
  });

  it('moves the first waiting up when a place is given back', () => {
    const list = [
      signUp('a', '10:01'),
      signUp('b', '10:02'),
      signUp('c', '10:03'),
      signUp('d', '10:04'),
    ];
    const cancelled = list.map((a) => (a.id === 'b' ? { ...a, ...statusFields('excuse') } : a));
    const placement = sessionPlaces(2, cancelled);
    expect(ids(placement.placed)).toEqual(['a', 'c']);
    expect(ids(placement.waiting)).toEqual(['d']);
    expect(ids(placement.released)).toEqual(['b']);
    expect(standingOf(placement, 'b')).toEqual({ kind: 'released' });
  });

  it('counts an absent as holding the place, a walk-in as taking none', () => {
    const list = [
      signUp('a', '10:01', 'absent'),
      signUp('b', '10:02', 'realise'),
      signUp('w', '10:30', 'realise', { walkIn: true }),
    ];
    const placement = sessionPlaces(2, list);
    expect(ids(placement.placed)).toEqual(['a', 'b']);
    expect(ids(placement.walkIns)).toEqual(['w']);
    expect(placement.waiting).toEqual([]);
    expect(sessionPlaces(undefined, list).free).toBeUndefined();
    expect(sessionPlaces(5, list).free).toBe(3);
  });

  it('closes a session: unmarked with a place absent, still waiting refus tiers, marks kept', () => {
    const list = [
      signUp('a', '10:01', 'realise'),
      signUp('b', '10:02'),
      signUp('c', '10:03'),
      signUp('d', '10:04', 'excuse'),
    ];
    const changes = closingStatuses(2, list).map((c) => [c.attendance.id, c.status]);
    expect(changes).toEqual([
      ['b', 'absent'],
      ['c', 'refus-tiers'],
    ]);
  });
});
