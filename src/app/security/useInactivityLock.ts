/**
 * Locks Relais after the Mission Locale's time without activity (design.md, Security). Activity
 * in any tab counts for all of them (session-channel.ts), and a tab that was asleep (a laptop
 * closed) locks as soon as it wakes if the time has passed.
 */
import { useEffect } from 'react';
import { sessionChannel } from './session-channel';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'pointermove'] as const;
/** Activity is shared with the other tabs at most this often. */
const SHARE_EVERY_MS = 10_000;
const CHECK_EVERY_MS = 5_000;

export function useInactivityLock(
  lockAfterMinutes: number | undefined,
  locked: boolean,
  lock: () => void,
): void {
  useEffect(() => {
    if (!lockAfterMinutes || locked) return;
    const limit = lockAfterMinutes * 60_000;
    let last = Date.now();
    let shared = 0;
    const onActivity = () => {
      last = Date.now();
      if (last - shared > SHARE_EVERY_MS) {
        shared = last;
        sessionChannel.post({ type: 'activity', at: last });
      }
    };
    const stopListening = sessionChannel.listen((message) => {
      if (message.type === 'activity') last = Math.max(last, message.at);
    });
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onActivity, { passive: true, capture: true });
    const check = () => {
      if (Date.now() - last >= limit) lock();
    };
    const timer = setInterval(check, CHECK_EVERY_MS);
    document.addEventListener('visibilitychange', check);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, true);
      stopListening();
    };
  }, [lockAfterMinutes, locked, lock]);
}
