import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/domain/time';
import type { Caller } from '../replication/scope';
import { REVALIDATE_MS, StreamGuards, type SessionCheck } from './stream-guard';

const CALLER: Caller = { userId: 'u1', role: 'conseiller', siteIds: ['s1', 's2'], deviceId: 'd1' };

function movableClock(): Clock & { advance(ms: number): void } {
  let at = Date.parse('2026-11-26T09:00:00Z');
  return { now: () => new Date(at), advance: (ms) => (at += ms) };
}

/** A session check the test answers by hand, to hold deliveries while it runs. */
function manualCheck() {
  const pending: ((caller: Caller | null) => void)[] = [];
  const check: SessionCheck = () => new Promise((resolve) => pending.push(resolve));
  return {
    check,
    get calls() {
      return pending.length;
    },
    answer(caller: Caller | null) {
      pending.shift()!(caller);
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

function guarded(check: SessionCheck) {
  const clock = movableClock();
  const guards = new StreamGuards(clock);
  const written: string[] = [];
  let ended = 0;
  const guard = guards.open(
    CALLER,
    check,
    (chunk) => written.push(chunk),
    () => (ended += 1),
  );
  return {
    clock,
    guards,
    guard,
    written,
    get ended() {
      return ended;
    },
  };
}

describe('a guarded stream', () => {
  it('writes at once while its last check is recent', () => {
    const session = manualCheck();
    const stream = guarded(session.check);
    stream.guard.deliver('a');
    stream.guard.deliver('b');
    expect(stream.written).toEqual(['a', 'b']);
    expect(session.calls).toBe(0);
  });

  it('holds what comes during a check and writes it in order once the session holds', async () => {
    const session = manualCheck();
    const stream = guarded(session.check);
    stream.clock.advance(REVALIDATE_MS);
    stream.guard.deliver('a');
    stream.guard.deliver('b');
    expect(stream.written).toEqual([]);
    expect(session.calls).toBe(1);
    session.answer({ ...CALLER, siteIds: ['s2', 's1'] });
    await settle();
    stream.guard.deliver('c');
    expect(stream.written).toEqual(['a', 'b', 'c']);
    expect(stream.ended).toBe(0);
  });

  it('ends without writing what waited when the session no longer holds', async () => {
    const session = manualCheck();
    const stream = guarded(session.check);
    stream.clock.advance(REVALIDATE_MS);
    stream.guard.deliver('secret');
    session.answer(null);
    await settle();
    stream.guard.deliver('later');
    expect(stream.written).toEqual([]);
    expect(stream.ended).toBe(1);
    expect(stream.guards.size).toBe(0);
  });

  it('ends when the check fails or the caller lost a site', async () => {
    const failing = guarded(() => Promise.reject(new Error('storage unreachable')));
    failing.clock.advance(REVALIDATE_MS);
    failing.guard.deliver('a');
    await settle();
    expect(failing.written).toEqual([]);
    expect(failing.ended).toBe(1);

    const rescoped = guarded(async () => ({ ...CALLER, siteIds: ['s1'] }));
    rescoped.clock.advance(REVALIDATE_MS);
    rescoped.guard.deliver('a');
    await settle();
    expect(rescoped.written).toEqual([]);
    expect(rescoped.ended).toBe(1);
  });

  it('checks every stream at once when this process revokes some access', async () => {
    const session = manualCheck();
    const stream = guarded(session.check);
    stream.guards.accessRevoked();
    expect(session.calls).toBe(1);
    // Also what comes before the answer waits for it, however recent the last check.
    stream.guard.deliver('a');
    expect(stream.written).toEqual([]);
    session.answer(null);
    await settle();
    expect(stream.ended).toBe(1);
    expect(stream.written).toEqual([]);
  });

  it('writes nothing once the device closed the stream', () => {
    const session = manualCheck();
    const stream = guarded(session.check);
    stream.guard.close();
    stream.guard.deliver('a');
    expect(stream.written).toEqual([]);
    expect(stream.guards.size).toBe(0);
  });
});
