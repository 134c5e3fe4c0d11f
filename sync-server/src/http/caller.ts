/**
 * Authentication of API requests: the session cookie gives the caller; a revoked device is told
 * so with 410. Devices report their app version, waiting pushes and last sync error in headers,
 * kept for the devices board of the siège: written when they change, else at most every
 * DEVICE_TOUCH_INTERVAL_MS (the last contact).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RelaisError } from '../../../src/domain/errors';
import type { Clock } from '../../../src/domain/time';
import { resolveSession, SESSION_COOKIE } from '../auth/sessions';
import type { Caller } from '../replication/scope';
import type { Account, Device, Session, Storage } from '../storage/storage';

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
    account?: Account;
    session?: Session;
  }
}

export const APP_VERSION_HEADER = 'relais-app-version';
export const PENDING_HEADER = 'relais-pending';
/** The code of the device's last sync error; empty once it synced without error. */
export const LAST_ERROR_HEADER = 'relais-last-error';
/** Devices are touched at most this often, to keep request handling cheap. */
const DEVICE_TOUCH_INTERVAL_MS = 30_000;

/** A count of pushes waiting as a device reports it: anything else is ignored, never stored. */
function isPendingCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 1_000_000;
}

type DeviceReport = Pick<Device, 'appVersion' | 'pendingPushes' | 'lastError'>;

/** What a request reports about its device (absent without the version header). */
function reportedState(request: FastifyRequest, device: Device): DeviceReport | undefined {
  const version = request.headers[APP_VERSION_HEADER];
  if (typeof version !== 'string') return undefined;
  const pending = Number(request.headers[PENDING_HEADER]);
  const lastError = request.headers[LAST_ERROR_HEADER];
  return {
    appVersion: version.slice(0, 40),
    pendingPushes: isPendingCount(pending) ? pending : device.pendingPushes,
    lastError: typeof lastError === 'string' ? lastError.slice(0, 200) || null : device.lastError,
  };
}

function sameReport(report: DeviceReport, device: Device): boolean {
  return (
    report.appVersion === device.appVersion &&
    report.pendingPushes === device.pendingPushes &&
    report.lastError === device.lastError
  );
}

export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new RelaisError('UNAUTHENTICATED');
  return request.caller;
}

/** What a session cookie stands for, once every check passed. */
export interface ResolvedCaller {
  session: Session;
  account: Account;
  device: Device | null;
  caller: Caller;
}

/**
 * The one check behind every request and every open stream: a live session (not expired, not
 * logged out) of an enabled account, on a device that is not revoked. Throws UNAUTHENTICATED,
 * ACCOUNT_DISABLED or DEVICE_REVOKED otherwise (the last two tell the device to hand over what it
 * holds and wipe it).
 */
export async function resolveCaller(
  storage: Storage,
  token: string | undefined,
  clock: Clock,
): Promise<ResolvedCaller> {
  const resolved = await resolveSession(storage, token, clock);
  if (!resolved) throw new RelaisError('UNAUTHENTICATED');
  const { session, account } = resolved;
  const device = session.deviceId ? await storage.getDevice(session.deviceId) : null;
  if (device?.revokedAt) throw new RelaisError('DEVICE_REVOKED');
  if (account.disabled) throw new RelaisError('ACCOUNT_DISABLED');
  return {
    session,
    account,
    device: device ?? null,
    caller: {
      userId: account.id,
      role: account.role,
      siteIds: account.siteIds,
      deviceId: session.deviceId,
    },
  };
}

export function authenticate(storage: Storage, clock: Clock) {
  const lastTouch = new Map<string, number>();

  return async function requireSession(
    request: FastifyRequest,
    _reply: FastifyReply,
  ): Promise<void> {
    const { session, account, device, caller } = await resolveCaller(
      storage,
      request.cookies[SESSION_COOKIE],
      clock,
    );
    if (device) {
      const now = clock.now().getTime();
      const report = reportedState(request, device);
      // Requests without the report (the SSE stream) must not hold back the next report.
      const touchKey = `${device.id}:${report ? 'report' : 'seen'}`;
      // A report that changes what the board shows is written at once: a device that has just
      // sent everything must not stay « 2 en attente » until its next request.
      const news = report !== undefined && !sameReport(report, device);
      if (news || now - (lastTouch.get(touchKey) ?? 0) > DEVICE_TOUCH_INTERVAL_MS) {
        lastTouch.set(touchKey, now);
        await storage.upsertDevice({
          ...device,
          lastSeenAt: new Date(now).toISOString(),
          ...(report ?? {}),
        });
      }
    }
    request.session = session;
    request.account = account;
    request.caller = { ...caller, address: request.ip };
  };
}
