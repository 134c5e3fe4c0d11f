/**
 * What the SSE stream hands one collection's RxDB replication, and why not simply everything.
 *
 * RxDB 17.6's downstream (replication-protocol/downstream.ts, `addNewTask`) takes its queued
 * tasks in rounds, and a round that began with a batch of documents throws away a `RESYNC`
 * queued behind it instead of keeping it for the next round. Tasks queue up whenever the
 * downstream is busy, and always while a push runs. So when the stream drops and reconnects
 * during a push, the reconnection's `RESYNC` can be lost behind the last batch of the old
 * connection; the first batch on the new connection then moves the checkpoint past everything
 * committed while the stream was down, and no later pull asks for it again. (Seen in CI:
 * tests/faults/network.test.ts, 55 dossiers that never reached a device.)
 *
 * So after every (re)connection, until a pull begun after it has reached the end, a batch is
 * turned into a `RESYNC` (a pull from the device's own checkpoint covers its documents and
 * whatever the stream missed), and a `RESYNC` no pull followed is asked again. Once caught up,
 * batches go to RxDB as they come, documents and checkpoint: the stream of one connection holds
 * every commit after it opened, in order (hub.ts), so its checkpoints skip nothing.
 */
import { Subject, type Observable } from 'rxjs';
import type { RxReplicationPullStreamItem } from 'rxdb/plugins/core';

/** How long a `RESYNC` may wait for its pull before it is sent again. */
export const RESYNC_RETRY_MS = 1_000;

type StreamItem<Checkpoint> = RxReplicationPullStreamItem<unknown, Checkpoint>;

export class StreamBridge<Checkpoint> {
  /** Bumped at each `RESYNC` of the server, i.e. each (re)connection of the stream. */
  private connection = 0;
  /** The last connection a pull begun after it brought to the end. */
  private caughtUpWith = 0;
  private pullsStarted = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private readonly tasks = new Subject<StreamItem<Checkpoint>>();
  /** The `pull.stream$` of the collection's replication. */
  readonly tasks$: Observable<StreamItem<Checkpoint>> = this.tasks.asObservable();

  constructor(private readonly retryMs = RESYNC_RETRY_MS) {}

  /** The server said `RESYNC`: the stream (re)opened and may have missed commits. */
  reconnected(): void {
    this.connection += 1;
    this.askPull();
  }

  /** A batch of the stream: its documents, or a pull while the device may lack older ones. */
  batch(documents: unknown[], checkpoint: Checkpoint): void {
    if (this.isCaughtUp()) {
      this.tasks.next({ documents: documents as never[], checkpoint });
    } else {
      this.askPull();
    }
  }

  /**
   * Called by the pull handler as it starts; the function it returns is called with the answer's
   * size once the pull succeeds (a page shorter than asked is the end).
   */
  pullStarted(): (received: number, pageSize: number) => void {
    this.pullsStarted += 1;
    const during = this.connection;
    return (received, pageSize) => {
      if (received < pageSize) this.caughtUpWith = Math.max(this.caughtUpWith, during);
      if (this.isCaughtUp()) this.stopRetry();
    };
  }

  /** Whether a pull begun after the last (re)connection has reached the end. */
  isCaughtUp(): boolean {
    return this.caughtUpWith === this.connection;
  }

  /** The stream closed: the next connection brings its own `RESYNC`. */
  disconnected(): void {
    this.stopRetry();
  }

  private askPull(): void {
    this.tasks.next('RESYNC');
    // A collection nothing pulls (a device log, pushed only) has no pull to wait for.
    if (this.tasks.observed) this.watch();
  }

  /** Asks again if no pull begins within `retryMs` while the device is not caught up. */
  private watch(): void {
    this.stopRetry();
    const startedBefore = this.pullsStarted;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (this.isCaughtUp()) return;
      // No pull began: RxDB dropped the `RESYNC`. One did: see again once it had time to end.
      if (this.pullsStarted === startedBefore) this.askPull();
      else this.watch();
    }, this.retryMs);
  }

  private stopRetry(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
  }
}
