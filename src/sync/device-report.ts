/**
 * The device tells the siège's devices board where it stands after every successful sync:
 * pushes still waiting and last error. Requests carry that report in their headers, but once
 * everything is sent a device may make no request for a long while (the stream brings the
 * news), and the board would keep showing « 2 en attente · Serveur injoignable ». So, once the
 * status settles after a success, one small report is sent if it changed (api.reportState).
 */
import { debounceTime, distinctUntilChanged, filter, map, type Observable } from 'rxjs';
import type { ApiClient } from './api';

/** Bursts of acknowledgements (a push of many rows) make one report. */
export const REPORT_SETTLE_MS = 500;

interface ReportedStatus {
  leader: boolean;
  pending: number;
  lastSuccessAt: Date | null;
  lastError: { code: string } | null;
}

export function reportAfterSync(status$: Observable<ReportedStatus>, api: ApiClient) {
  return status$
    .pipe(
      filter((s) => s.leader && s.lastSuccessAt !== null && s.lastError === null),
      map((s) => `${s.pending}|${s.lastSuccessAt?.getTime()}`),
      distinctUntilChanged(),
      debounceTime(REPORT_SETTLE_MS),
    )
    .subscribe(() => {
      // A report that cannot leave is no news: the next request carries it anyway.
      api.reportState().catch(() => undefined);
    });
}
