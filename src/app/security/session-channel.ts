/**
 * What the tabs of Relais tell each other about the session, so that the device behaves as one:
 * a new tab takes the key from a tab already unlocked (rather than asking the password again);
 * a lock, an unlock, a logout or a wipe in one tab happens in all of them; activity in any tab
 * keeps all of them from locking. Same-origin tabs only (BroadcastChannel), in memory: nothing
 * of it is stored.
 */
import type { Unlocked } from './unlocked';

export type SessionMessage =
  | { type: 'ask-key' }
  | { type: 'key'; unlocked: Unlocked }
  | { type: 'lock' }
  | { type: 'unlock' }
  | { type: 'activity'; at: number }
  | { type: 'signed-out' }
  | { type: 'wiped' };

const CHANNEL = 'relais-session';
/**
 * How long a new tab listens for an unlocked tab to hand it the key. The login form is shown
 * meanwhile, so waiting costs nothing; a tab busy syncing may take a while to answer.
 */
export const KEY_ANSWER_MS = 3_000;

export class SessionChannel {
  private readonly channel: BroadcastChannel | null =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);

  post(message: SessionMessage): void {
    this.channel?.postMessage(message);
  }

  listen(handler: (message: SessionMessage) => void): () => void {
    const listener = (event: MessageEvent<SessionMessage>) => handler(event.data);
    this.channel?.addEventListener('message', listener);
    return () => this.channel?.removeEventListener('message', listener);
  }

  /** The key of an unlocked tab, if one answers in time. */
  async askKey(): Promise<Unlocked | null> {
    if (!this.channel) return null;
    return new Promise((resolve) => {
      const stop = this.listen((message) => {
        if (message.type !== 'key') return;
        clearTimeout(timer);
        stop();
        resolve(message.unlocked);
      });
      const timer = setTimeout(() => {
        stop();
        resolve(null);
      }, KEY_ANSWER_MS);
      this.post({ type: 'ask-key' });
    });
  }
}

export const sessionChannel = new SessionChannel();
