/** `POST/GET/DELETE /api/v1/session`: login with throttling, the current user, logout. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RelaisError } from '../../../src/domain/errors';
import type { Clock } from '../../../src/domain/time';
import { auditOfAnonymous } from '../audit/entries';
import { handOutDeviceKey } from '../auth/device-keys';
import { readDevicePolicy } from '../auth/device-policy';
import { verifyPassword } from '../auth/passwords';
import { hashToken, openSession, SESSION_COOKIE } from '../auth/sessions';
import type { LoginThrottle } from '../auth/throttle';
import type { Account, Storage } from '../storage/storage';
import { callerOf } from './caller';
import { setSessionCookie } from './session-cookie';

export interface SessionUser {
  id: string;
  login: string;
  name: string;
  role: Account['role'];
  siteIds: string[];
}

export function publicUser(account: Account): SessionUser {
  return {
    id: account.id,
    login: account.login,
    name: account.name,
    role: account.role,
    siteIds: account.siteIds,
  };
}

const loginBody = {
  type: 'object',
  additionalProperties: false,
  required: ['login', 'password'],
  properties: {
    login: { type: 'string', minLength: 1, maxLength: 100 },
    password: { type: 'string', minLength: 1, maxLength: 200 },
    deviceId: { type: 'string', pattern: '^[0-9a-fA-F-]{36}$' },
    deviceLabel: { type: 'string', maxLength: 120 },
  },
} as const;

interface LoginBody {
  login: string;
  password: string;
  deviceId?: string;
  deviceLabel?: string;
}

/** A hash to compare against when the login is unknown, so timing does not reveal logins. */
const DUMMY_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export function registerSessionRoutes(
  app: FastifyInstance,
  deps: {
    storage: Storage;
    clock: Clock;
    throttle: LoginThrottle;
    /** Forces the cookie's `Secure` flag; by default it is set unless the client is on loopback. */
    secureCookies?: boolean;
    requireSession: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** Open streams of a logged-out session must end (stream-guard.ts). */
    accessRevoked?: () => void;
  },
): void {
  const { storage, clock, throttle } = deps;

  app.post<{ Body: LoginBody }>(
    '/api/v1/session',
    { schema: { body: loginBody } },
    async (request, reply) => {
      const login = request.body.login.trim().toLowerCase();
      const keys = [`login:${login}`, `ip:${request.ip}`];
      const attempt = throttle.start(keys);
      const at = clock.now().toISOString();
      const device = { userId: null, deviceId: request.body.deviceId ?? null };
      if (!attempt) {
        await storage.appendAudit([
          auditOfAnonymous(at, request.ip, device, 'login-throttled', { details: { login } }),
        ]);
        throw throttle.refusal(keys);
      }
      const account = await storage.getAccountByLogin(login);
      const valid = await verifyPassword(
        request.body.password,
        account?.passwordHash ?? DUMMY_HASH,
      );
      // A disabled account answers exactly like a wrong password (and counts as a failure), so
      // a password that is right tells nothing about the account. Its devices still learn that
      // they must hand over and wipe: from a live session or a renewal (caller.ts).
      if (!account || !valid || account.disabled) {
        await storage.appendAudit([
          auditOfAnonymous(at, request.ip, device, 'login-failed', {
            details: { login, ...(account && valid ? { reason: 'account-disabled' } : {}) },
          }),
        ]);
        throw new RelaisError('INVALID_CREDENTIALS');
      }
      attempt.succeeded([`login:${login}`]);

      const deviceId = request.body.deviceId ?? null;
      if (deviceId) {
        const now = clock.now().toISOString();
        const known = await storage.getDevice(deviceId);
        if (known?.revokedAt) throw new RelaisError('DEVICE_REVOKED');
        await storage.upsertDevice({
          id: deviceId,
          userId: account.id,
          label: request.body.deviceLabel ?? known?.label ?? 'Appareil',
          appVersion: known?.appVersion ?? null,
          firstSeenAt: known?.firstSeenAt ?? now,
          lastSeenAt: now,
          pendingPushes: known?.pendingPushes ?? null,
          lastError: known?.lastError ?? null,
          revokedAt: null,
        });
      }
      if (deviceId) {
        // One session per device: the one this login replaces must not stay usable.
        await storage.deleteDeviceSessions(deviceId);
        deps.accessRevoked?.();
      }
      const { token } = await openSession(storage, account, deviceId, clock);
      await storage.appendAudit([
        auditOfAnonymous(at, request.ip, { userId: account.id, deviceId }, 'login'),
      ]);
      setSessionCookie(request, reply, token, deps.secureCookies);
      // The device's key handout (auth/device-keys.ts): only after the password was checked.
      const deviceKey = deviceId
        ? await handOutDeviceKey(storage, deviceId, account.id, clock)
        : null;
      return { user: publicUser(account), policy: await readDevicePolicy(storage), deviceKey };
    },
  );

  app.get('/api/v1/session', { preHandler: deps.requireSession }, async (request) => {
    callerOf(request);
    return { user: publicUser(request.account!), policy: await readDevicePolicy(storage) };
  });

  app.delete('/api/v1/session', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await storage.getSession(hashToken(token));
      await storage.deleteSession(hashToken(token));
      deps.accessRevoked?.();
      if (session) {
        await storage.appendAudit([
          auditOfAnonymous(
            clock.now().toISOString(),
            request.ip,
            { userId: session.userId, deviceId: session.deviceId },
            'logout',
          ),
        ]);
      }
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
}
