/**
 * The read hook of every screen: subscribes to a live RxDB query and returns
 * `{data, isLoading, error}`; unsubscribes on unmount or when the query changes. The caller
 * memoises `source` (useCallback) so that its dependencies decide when the query changes.
 * While a new query starts, the previous data stays shown with `isLoading` true.
 */
import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

export interface LiveResult<T> {
  data: T | undefined;
  isLoading: boolean;
  error: Error | undefined;
}

interface Emitted<T> {
  source: unknown;
  data?: T;
  error?: Error;
}

export function useLiveQuery<T>(source: () => Observable<T> | undefined): LiveResult<T> {
  const [emitted, setEmitted] = useState<Emitted<T> | undefined>(undefined);

  useEffect(() => {
    const subscription = source()?.subscribe({
      next: (data) => setEmitted({ source, data }),
      error: (error: unknown) =>
        setEmitted({ source, error: error instanceof Error ? error : new Error(String(error)) }),
    });
    return () => subscription?.unsubscribe();
  }, [source]);

  const current = emitted?.source === source;
  return {
    data: emitted?.data,
    isLoading: !current,
    error: current ? emitted?.error : undefined,
  };
}
