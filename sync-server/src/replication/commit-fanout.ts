/**
 * How committed writes reach the hub (the SSE streams of this process).
 *
 * SQLite has one server process: the routes hand what they wrote straight to the hub.
 *
 * On a storage several processes share (PostgreSQL, `storage.commitFeed`), the hub is fed only by
 * the storage's change feed, so there is one path whoever committed: one reader at a time reads
 * the changes after the last seq it published, page by page in seq order, publishes them and
 * moves on. A change thus reaches each stream exactly once, in seq order, whichever process
 * committed it and however many reasons there were to read (a local commit, its notification,
 * another process's notification, a reconnection of the listening connection). Commits made
 * while the listening connection was down are read on reconnection; a failed read is retried.
 */
import type { CommitFeed, CommitWatch, Storage, StoredDocument } from '../storage/storage';
import type { ChangeHub } from './hub';

/** Documents read from the change feed per query. */
export const FEED_PAGE_SIZE = 500;
/** Wait before reading again after a failed read. */
export const FEED_RETRY_MS = 1_000;

export interface CommitPublisher {
  /** Called by the routes once `written` is committed. */
  committed(written: StoredDocument[]): void;
  close(): Promise<void>;
}

type Log = (message: string) => void;

export async function startCommitPublisher(
  storage: Storage,
  hub: ChangeHub,
  log: Log = (message) => console.error(message),
): Promise<CommitPublisher> {
  if (!storage.commitFeed) {
    return { committed: (written) => hub.publish(written), close: async () => undefined };
  }
  const fanOut = new FeedFanOut(storage.commitFeed, hub, await storage.lastSeq(), log);
  await fanOut.start();
  return { committed: () => fanOut.read(), close: () => fanOut.close() };
}

class FeedFanOut {
  private watch: CommitWatch | undefined;
  private reading: Promise<void> | undefined;
  private readAgain = false;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly feed: CommitFeed,
    private readonly hub: ChangeHub,
    /** Every change up to this seq has been published (or predates this process). */
    private lastPublished: number,
    private readonly log: Log,
  ) {}

  async start(): Promise<void> {
    this.watch = await this.feed.watch({
      onCommit: (seq) => {
        if (seq > this.lastPublished) this.read();
      },
      onConnected: () => this.read(),
      onError: (error) =>
        this.log(`PostgreSQL : écoute des modifications perdue (${error.message})`),
    });
  }

  /** Asks for the changes after the last published seq; one read runs at a time. */
  read(): void {
    if (this.closed) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = this.drain()
      .catch((error: unknown) => {
        this.log(`PostgreSQL : lecture des modifications impossible (${String(error)})`);
        this.retryLater();
      })
      .finally(() => {
        this.reading = undefined;
        if (this.readAgain) {
          this.readAgain = false;
          this.read();
        }
      });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.watch?.stop();
    await this.reading;
  }

  private async drain(): Promise<void> {
    for (;;) {
      this.readAgain = false;
      const page = await this.feed.changesSince(this.lastPublished, FEED_PAGE_SIZE);
      if (this.closed) return;
      if (page.length > 0) {
        this.hub.publish(page);
        this.lastPublished = page[page.length - 1]!.seq;
      }
      if (page.length < FEED_PAGE_SIZE && !this.readAgain) return;
    }
  }

  private retryLater(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.read();
    }, FEED_RETRY_MS);
  }
}
