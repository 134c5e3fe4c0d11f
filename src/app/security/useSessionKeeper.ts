/**
 * Renews the server session of an unlocked device without asking the password (offline unlock
 * then network back, or a session expired after 12 h): at once, whenever the browser says the
 * network is back, and every half minute while it is missing. A device the siège revoked learns
 * it here too (the API client reports it).
 */
import { useEffect } from 'react';
import { RelaisError } from '../../domain/errors';
import { renewSession } from '../session';

const RETRY_MS = 30_000;

export function useSessionKeeper(offlineSession: boolean, onRenewed: () => void): void {
  useEffect(() => {
    if (!offlineSession) return;
    let running = false;
    const attempt = () => {
      if (running) return;
      running = true;
      renewSession()
        .then((renewed) => renewed && onRenewed())
        .catch((error: unknown) => {
          // Unreachable: try again later. Other refusals are reported by the API client.
          if (!(error instanceof RelaisError)) throw error;
        })
        .finally(() => {
          running = false;
        });
    };
    attempt();
    window.addEventListener('online', attempt);
    const timer = setInterval(attempt, RETRY_MS);
    return () => {
      window.removeEventListener('online', attempt);
      clearInterval(timer);
    };
  }, [offlineSession, onRenewed]);
}
