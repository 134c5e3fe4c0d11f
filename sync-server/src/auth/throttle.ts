/**
 * Login throttling: after MAX_FAILURES failed attempts on one login (or from one address) within
 * the window, further attempts are refused with 429 until the window has passed.
 */
import type { Clock } from '../../../src/domain/time';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  private recent(key: string): number[] {
    const since = this.clock.now().getTime() - WINDOW_MS;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length > 0) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  isBlocked(keys: string[]): boolean {
    return keys.some((key) => this.recent(key).length >= MAX_FAILURES);
  }

  recordFailure(keys: string[]): void {
    const at = this.clock.now().getTime();
    for (const key of keys) this.failures.set(key, [...this.recent(key), at]);
  }

  recordSuccess(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }
}
