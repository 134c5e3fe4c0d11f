/**
 * The « Journal des accès » of one dossier: not a synced collection but the server's audit log
 * (`GET /api/v1/youths/:id/journal`, siège only), so it needs the network; `reload` asks again.
 */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../../app/api';
import type { JournalEntry } from '../../../domain/access-journal';
import { RelaisError } from '../../../domain/errors';

export interface AccessJournalResult {
  data: JournalEntry[] | undefined;
  isLoading: boolean;
  error: RelaisError | undefined;
  reload(): void;
}

export function useAccessJournal(youthId: string): AccessJournalResult {
  const [state, setState] = useState<{
    data?: JournalEntry[];
    error?: RelaisError;
    loading: boolean;
  }>({ loading: true });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api
      .send<{ entries: JournalEntry[] }>(
        'GET',
        `/api/v1/youths/${encodeURIComponent(youthId)}/journal`,
      )
      .then((answer) => {
        if (!cancelled) setState({ data: answer.entries, loading: false });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const relaisError = error instanceof RelaisError ? error : new RelaisError('NETWORK');
        setState((previous) => ({ data: previous.data, error: relaisError, loading: false }));
      });
    return () => {
      cancelled = true;
    };
  }, [youthId, version]);

  const reload = useCallback(() => {
    setState((previous) => ({ ...previous, loading: true }));
    setVersion((v) => v + 1);
  }, []);
  return { data: state.data, isLoading: state.loading, error: state.error, reload };
}
