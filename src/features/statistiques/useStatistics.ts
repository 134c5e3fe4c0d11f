/**
 * Where a report comes from. An adviser's: computed on the device, offline, from their
 * caseload in RxDB (live: it follows every change), with the domain's definitions. Direction's:
 * asked of the server, which computes it for every site from its own storage.
 */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useDatabase } from '../../app/database-context';
import { useLiveQuery, type LiveResult } from '../../db/useLiveQuery';
import { RelaisError } from '../../domain/errors';
import type { StatisticsNames } from '../../domain/indicators/data';
import type { Period } from '../../domain/indicators/period';
import type { StatisticsReport } from '../../domain/indicators/report';
import { deviceStatistics$ } from './device-statistics';

/** The adviser's own figures, from the dossiers they are référent·e of on this device. */
export function useDeviceStatistics(
  adviserId: string | undefined,
  period: Period | undefined,
  names: StatisticsNames,
): LiveResult<StatisticsReport> {
  const db = useDatabase();
  const from = period?.from;
  const to = period?.to;
  return useLiveQuery<StatisticsReport>(
    useCallback(() => {
      if (!adviserId || !from || !to) return undefined;
      return deviceStatistics$(db, adviserId, { from, to }, names);
    }, [db, adviserId, from, to, names]),
  );
}

export type ServerReportState =
  | { status: 'idle' | 'loading' }
  | { status: 'done'; report: StatisticsReport }
  | { status: 'failed'; error: RelaisError };

type Answer = { key: string } & (
  { status: 'done'; report: StatisticsReport } | { status: 'failed'; error: RelaisError }
);

/** Whose dossiers direction looks at: `site:ID`, `adviser:ID`, or '' for every site. */
function setQuery(set: string): Record<string, string> {
  const [kind, id] = set.split(':');
  if (kind === 'site' && id) return { siteId: id };
  if (kind === 'adviser' && id) return { adviserId: id };
  return {};
}

/** Direction's figures for every site, asked of the server (needs the network). */
export function useServerStatistics(period: Period | undefined, enabled: boolean, set = '') {
  const [answer, setAnswer] = useState<Answer | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const from = period?.from;
  const to = period?.to;
  const key = enabled && from && to ? `${from}/${to}/${set}/${attempt}` : undefined;
  useEffect(() => {
    if (!key || !from || !to) return undefined;
    let current = true;
    const query = new URLSearchParams({ from, to, ...setQuery(set) });
    api
      .send<StatisticsReport>('GET', `/api/v1/statistics?${query.toString()}`)
      .then((report) => current && setAnswer({ key, status: 'done', report }))
      .catch(
        (error: unknown) =>
          current &&
          setAnswer({
            key,
            status: 'failed',
            error: error instanceof RelaisError ? error : new RelaisError('NETWORK'),
          }),
      );
    return () => {
      current = false;
    };
  }, [key, from, to, set]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const state: ServerReportState = !key
    ? { status: 'idle' }
    : answer?.key === key
      ? answer
      : { status: 'loading' };
  return { state, retry };
}
