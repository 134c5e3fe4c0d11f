/**
 * Login throttling: after MAX_FAILURES failed attempts on one login (or from one address) within
 * the window, further attempts are refused with 429 until the window has passed.
 *
 * An attempt counts as a failure from the moment it starts, before the slow password check:
 * otherwise a burst of parallel attempts would all pass the check before any failure was
 * recorded. A successful attempt then takes its own count back (several advisers behind one
 * office address must not block each other) and clears its login's failures.
 */
import { RelaisError } from '../../../src/domain/errors';
import type { Clock } from '../../../src/domain/time';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

export interface LoginAttempt {
  /** The password was right: the attempt no longer counts, nor do `clearedKeys`' failures. */
  succeeded(clearedKeys: string[]): void;
}

interface Failure {
  at: number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, Failure[]>();

  constructor(private readonly clock: Clock) {}

  private recent(key: string): Failure[] {
    const since = this.clock.now().getTime() - WINDOW_MS;
    const kept = (this.failures.get(key) ?? []).filter((failure) => failure.at > since);
    if (kept.length > 0) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /**
   * How long until every one of the keys may try again (0 when none is blocked): the time left
   * before enough of the blocking failures leave the window.
   */
  retryAfterMs(keys: string[]): number {
    const now = this.clock.now().getTime();
    let wait = 0;
    for (const key of keys) {
      const recent = this.recent(key);
      if (recent.length < MAX_FAILURES) continue;
      const freeing = recent[recent.length - MAX_FAILURES]!;
      wait = Math.max(wait, freeing.at + WINDOW_MS - now);
    }
    return wait;
  }

  /** The 429 of a blocked attempt, saying when to try again (sent as `Retry-After`). */
  refusal(keys: string[]): RelaisError {
    const retryAfterSeconds = Math.max(1, Math.ceil(this.retryAfterMs(keys) / 1000));
    return new RelaisError('RATE_LIMITED', undefined, { retryAfterSeconds });
  }

  /** Starts an attempt counted as a failure, or answers null when one of the keys is blocked. */
  start(keys: string[]): LoginAttempt | null {
    if (keys.some((key) => this.recent(key).length >= MAX_FAILURES)) return null;
    const failure: Failure = { at: this.clock.now().getTime() };
    for (const key of keys) this.failures.set(key, [...this.recent(key), failure]);
    return {
      succeeded: (clearedKeys) => {
        for (const key of keys) {
          const left = (this.failures.get(key) ?? []).filter((f) => f !== failure);
          if (left.length > 0 && !clearedKeys.includes(key)) this.failures.set(key, left);
          else this.failures.delete(key);
        }
      },
    };
  }
}
