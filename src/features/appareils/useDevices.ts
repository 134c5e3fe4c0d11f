/**
 * The devices board's data: not a synced collection but the server's own record of devices
 * (`GET /api/v1/devices`), so it needs the network; `reload` asks again (after a revocation).
 */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../app/api';
import { RelaisError } from '../../domain/errors';
import type { Role } from '../../domain/schemas/staff';

export interface DeviceRow {
  id: string;
  label: string;
  userId: string;
  appVersion: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  pendingPushes: number | null;
  lastError: string | null;
  revokedAt: string | null;
  /** The device this screen runs on. */
  current: boolean;
  user: { id: string; login: string; name: string; role: Role; siteIds: string[] } | null;
}

export interface DevicesResult {
  data: DeviceRow[] | undefined;
  isLoading: boolean;
  error: RelaisError | undefined;
  reload(): void;
}

export function useDevices(): DevicesResult {
  const [state, setState] = useState<{ data?: DeviceRow[]; error?: RelaisError; loading: boolean }>(
    { loading: true },
  );
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api
      .send<{ devices: DeviceRow[] }>('GET', '/api/v1/devices')
      .then((answer) => {
        if (!cancelled) setState({ data: answer.devices, loading: false });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const relaisError = error instanceof RelaisError ? error : new RelaisError('NETWORK');
        setState((previous) => ({ data: previous.data, error: relaisError, loading: false }));
      });
    return () => {
      cancelled = true;
    };
  }, [version]);

  const reload = useCallback(() => {
    setState((previous) => ({ ...previous, loading: true }));
    setVersion((v) => v + 1);
  }, []);
  return { data: state.data, isLoading: state.loading, error: state.error, reload };
}

export function revokeDevice(id: string) {
  return api.send('POST', `/api/v1/devices/${encodeURIComponent(id)}/revoke`, {});
}
