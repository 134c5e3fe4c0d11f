/**
 * The HTTP client of the sync server (design.md, Sync protocol). Every failure becomes a
 * `RelaisError` with the server's code, or NETWORK when the server could not be reached, so the
 * UI has one mapping to French text.
 */
import type { CollectionName, WireDocument } from '../domain/collections';
import { schemaVersionOf } from '../domain/collections';
import type { DevicePolicy } from '../domain/device-policy';
import { isErrorCode, RelaisError, type ErrorCode, type ErrorEnvelope } from '../domain/errors';
import type { Role } from '../domain/schemas/staff';

export interface SessionUser {
  id: string;
  login: string;
  name: string;
  role: Role;
  siteIds: string[];
}

/** What the server hands a device after a password login (README, Security). */
export interface DeviceKeyHandout {
  recoveryKey: string | null;
  renewToken: string;
}

export interface LoginAnswer {
  user: SessionUser;
  policy: DevicePolicy;
  deviceKey: DeviceKeyHandout | null;
}

export interface SessionAnswer {
  user: SessionUser;
  policy: DevicePolicy;
}

/** Proves the device and its user without a session: the token kept sealed on the device. */
export interface DeviceToken {
  deviceId: string;
  userId: string;
  token: string;
}

export interface SurrenderAnswer {
  kept: number;
  unchanged: number;
  refused: number;
}

export interface PushRow {
  newDocumentState: WireDocument;
  assumedMasterState?: WireDocument;
  /** Revs of this document pushed earlier without an answer, oldest first (pending.ts). */
  lineage?: string[];
}

export interface RefusedRow {
  id: string | null;
  code: string;
  message: string;
}

export interface PushAnswer {
  conflicts: WireDocument[];
  refused: RefusedRow[];
}

export interface PullAnswer {
  documents: WireDocument[];
  checkpoint: { seq: number };
  /** When asked (`progress`): documents the caller may see, and how many remain after this page. */
  progress?: { total: number; remaining: number };
}

export interface ApiClientOptions {
  /** '' for the same origin (the PWA), or `http://host:port` (Node devices in tests). */
  baseUrl: string;
  fetch?: typeof fetch;
  appVersion?: string;
  /** Reported to the server for the devices board. */
  pendingCount?: () => number;
  /** The code of the last sync error, or null; reported for the devices board. */
  lastErrorCode?: () => string | null;
  /** Told of every error answer (the app reacts to a revoked device or an expired session). */
  onError?: (code: ErrorCode) => void;
}

export const APP_VERSION_HEADER = 'relais-app-version';
export const PENDING_HEADER = 'relais-pending';
export const LAST_ERROR_HEADER = 'relais-last-error';

export function createApiClient(options: ApiClientOptions) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  /** The state last reported in the headers, so a report is sent only when it changed. */
  let lastReport: string | undefined;
  const currentReport = () =>
    `${options.pendingCount?.() ?? ''}|${options.lastErrorCode?.() ?? ''}`;

  async function request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.appVersion) headers[APP_VERSION_HEADER] = options.appVersion;
    if (options.pendingCount) headers[PENDING_HEADER] = String(options.pendingCount());
    if (options.lastErrorCode) headers[LAST_ERROR_HEADER] = options.lastErrorCode() ?? '';
    if (options.appVersion) lastReport = currentReport();
    try {
      return await doFetch(`${options.baseUrl}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new RelaisError('NETWORK', undefined, { cause: String(error) });
    }
  }

  async function failure(response: Response): Promise<RelaisError> {
    const envelope = (await response.json().catch(() => null)) as ErrorEnvelope | null;
    const code = envelope?.error?.code;
    const error = isErrorCode(code)
      ? new RelaisError(code, envelope!.error.message, envelope!.error.details)
      : new RelaisError(response.status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
    options.onError?.(error.code);
    return error;
  }

  async function json<T>(response: Response): Promise<T> {
    if (!response.ok) throw await failure(response);
    return (await response.json()) as T;
  }

  function syncPath(collection: CollectionName, action: 'pull' | 'push'): string {
    return `/api/v1/sync/${collection}/${schemaVersionOf(collection)}/${action}`;
  }

  return {
    baseUrl: options.baseUrl,
    fetch: doFetch,

    async login(
      login: string,
      password: string,
      device?: { id: string; label: string },
    ): Promise<LoginAnswer> {
      const body = {
        login,
        password,
        ...(device ? { deviceId: device.id, deviceLabel: device.label } : {}),
      };
      return json<LoginAnswer>(await request('POST', '/api/v1/session', body));
    },

    /** Public facts about the server, before any login: is its data the demo's? */
    async health(): Promise<{ ok: boolean; demo: boolean }> {
      return json<{ ok: boolean; demo: boolean }>(await request('GET', '/api/v1/health'));
    },

    async currentSession(): Promise<SessionAnswer> {
      return json<SessionAnswer>(await request('GET', '/api/v1/session'));
    },

    /** A new session for an unlocked device, without the password. */
    async renewSession(device: DeviceToken): Promise<SessionAnswer> {
      return json<SessionAnswer>(await request('POST', '/api/v1/session/renew', device));
    },

    async registerRecoveryKey(recoveryKey: string): Promise<void> {
      const response = await request('PUT', '/api/v1/device-key', { recoveryKey });
      if (!response.ok) throw await failure(response);
    },

    /** A revoked device hands over what it had not sent (kept in reviews at the siège). */
    async surrender(
      device: DeviceToken,
      rows: { collection: CollectionName; document: WireDocument }[],
    ): Promise<SurrenderAnswer> {
      return json<SurrenderAnswer>(
        await request('POST', '/api/v1/devices/surrender', { ...device, rows }),
      );
    },

    async logout(): Promise<void> {
      const response = await request('DELETE', '/api/v1/session');
      if (!response.ok && response.status !== 401) throw await failure(response);
    },

    async pull(
      collection: CollectionName,
      seq: number,
      limit: number,
      options: { progress?: boolean } = {},
    ): Promise<PullAnswer> {
      const progress = options.progress ? '&progress=1' : '';
      return json<PullAnswer>(
        await request(
          'GET',
          `${syncPath(collection, 'pull')}?seq=${seq}&limit=${limit}${progress}`,
        ),
      );
    },

    /**
     * Tells the devices board what this device holds now (pushes waiting, last error), unless
     * the last request already said so. The report is in the headers of every request.
     */
    async reportState(): Promise<void> {
      if (!options.appVersion || currentReport() === lastReport) return;
      const response = await request('POST', '/api/v1/devices/report');
      if (!response.ok) throw await failure(response);
    },

    /**
     * Any other JSON endpoint of the server (the siège's reviews and devices routes): the parsed
     * answer, or a RelaisError with the server's code.
     */
    async send<T>(
      method: 'GET' | 'POST' | 'PUT' | 'DELETE',
      path: string,
      body?: unknown,
    ): Promise<T> {
      return json<T>(await request(method, path, body));
    },

    /** Pushes rows; refused rows come back with their reason instead of failing the batch. */
    async push(collection: CollectionName, rows: PushRow[]): Promise<PushAnswer> {
      const response = await request('POST', syncPath(collection, 'push'), rows);
      if (response.ok) return { conflicts: (await response.json()) as WireDocument[], refused: [] };
      const error = await failure(response);
      if (error.code === 'ROWS_REFUSED') {
        const details = error.details as { rejected: RefusedRow[]; conflicts: WireDocument[] };
        return { conflicts: details.conflicts, refused: details.rejected };
      }
      throw error;
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
