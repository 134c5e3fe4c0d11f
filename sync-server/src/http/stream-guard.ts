/**
 * Keeps an open SSE stream honest about who is listening. The caller is resolved once when the
 * stream opens; afterwards its device may be revoked, its session logged out or expired, its
 * account disabled or given other sites — possibly by another server process on the same
 * PostgreSQL database, or by the admin CLI. So before anything is written to the stream, the
 * session is checked again with the very resolution the HTTP routes use (caller.ts), at most
 * every REVALIDATE_MS (by the server's clock) and at once after this process ended a session or
 * revoked a device. When the check fails, or the caller's role or sites changed, the stream ends
 * without writing what was waiting: the device reconnects and is told 401/410 (or gets a stream
 * with its new scope).
 */
import type { Clock } from '../../../src/domain/time';
import type { Caller } from '../replication/scope';

/** How long a successful check of a stream's session is trusted. */
export const REVALIDATE_MS = 5_000;

/** Resolves the stream's session again: the caller it stands for now, or null if none. */
export type SessionCheck = () => Promise<Caller | null>;

export class StreamGuards {
  /** Bumped whenever this process took access away from some session. */
  private epoch = 0;
  private readonly guards = new Set<StreamGuard>();

  constructor(private readonly clock: Clock) {}

  /**
   * Guards one stream: `write` puts a chunk on the wire, `end` closes the stream for good
   * (called once, when its session no longer holds).
   */
  open(caller: Caller, check: SessionCheck, write: Write, end: () => void): StreamGuard {
    const guard = new StreamGuard(this, caller, check, write, () => {
      this.guards.delete(guard);
      end();
    });
    this.guards.add(guard);
    return guard;
  }

  /** The stream closed on its own (the device went away). */
  forget(guard: StreamGuard): void {
    this.guards.delete(guard);
  }

  /**
   * A session, device or account lost its access in this process: every stream checks its
   * session again now, and before its next delivery.
   */
  accessRevoked(): void {
    this.epoch += 1;
    for (const guard of this.guards) guard.recheck();
  }

  get size(): number {
    return this.guards.size;
  }

  /** @internal */
  currentEpoch(): number {
    return this.epoch;
  }

  /** @internal */
  now(): number {
    return this.clock.now().getTime();
  }
}

type Write = (chunk: string) => void;

export class StreamGuard {
  private readonly queue: { chunk: string; written?: () => void }[] = [];
  private checkedAt: number;
  private checkedEpoch: number;
  private recheckWanted = false;
  private draining = false;
  private ended = false;

  constructor(
    private readonly guards: StreamGuards,
    private readonly caller: Caller,
    private readonly check: SessionCheck,
    private readonly write: Write,
    private readonly end: () => void,
  ) {
    // The route resolved the session just before opening the stream.
    this.checkedAt = guards.now();
    this.checkedEpoch = guards.currentEpoch();
  }

  /**
   * Writes `chunk` once the session is known to hold, in the order chunks were given, then calls
   * `written` (never for a chunk dropped because the session ended).
   */
  deliver(chunk: string, written?: () => void): void {
    if (this.ended) return;
    this.queue.push({ chunk, written });
    void this.drain();
  }

  /** Checks the session now, even with nothing to deliver. */
  recheck(): void {
    if (this.ended) return;
    this.recheckWanted = true;
    void this.drain();
  }

  private isFresh(): boolean {
    return (
      !this.recheckWanted &&
      this.checkedEpoch === this.guards.currentEpoch() &&
      this.guards.now() - this.checkedAt < REVALIDATE_MS
    );
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (!this.ended && (this.queue.length > 0 || this.recheckWanted)) {
        if (this.isFresh()) {
          const next = this.queue.shift()!;
          this.write(next.chunk);
          next.written?.();
          continue;
        }
        const startedAt = this.guards.now();
        const epoch = this.guards.currentEpoch();
        this.recheckWanted = false;
        if (!(await this.stillHolds())) {
          this.stop();
          return;
        }
        this.checkedAt = startedAt;
        this.checkedEpoch = epoch;
      }
    } finally {
      this.draining = false;
    }
  }

  private async stillHolds(): Promise<boolean> {
    try {
      const now = await this.check();
      return now !== null && sameScope(now, this.caller);
    } catch {
      // Storage unreachable: deliver nothing unchecked; the device reconnects later.
      return false;
    }
  }

  private stop(): void {
    if (this.ended) return;
    this.ended = true;
    this.queue.length = 0;
    this.end();
  }

  /** The stream closed on its own: nothing more is written. */
  close(): void {
    this.ended = true;
    this.queue.length = 0;
    this.guards.forget(this);
  }
}

function sameScope(now: Caller, opened: Caller): boolean {
  return (
    now.userId === opened.userId &&
    now.role === opened.role &&
    now.deviceId === opened.deviceId &&
    now.siteIds.length === opened.siteIds.length &&
    now.siteIds.every((siteId) => opened.siteIds.includes(siteId))
  );
}
