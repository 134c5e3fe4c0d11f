/**
 * How a device with encrypted storage keeps access (README, Security):
 * - `PUT /api/v1/device-key`: the device registers the recovery key of its data key;
 * - `POST /api/v1/session/renew`: an unlocked device renews its session with the token it keeps
 *   sealed, without asking the password again (throttled like a login);
 * - `POST /api/v1/devices/surrender`: a revoked device (or one whose account was disabled) hands
 *   over what it had not sent before wiping itself; authenticated by that same token, since its
 *   sessions are refused.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RelaisError } from '../../../src/domain/errors';
import type { Clock } from '../../../src/domain/time';
import { auditBy, auditOfAnonymous, type AuditFields } from '../audit/entries';
import { deviceKeyOfToken, registerRecoveryKey } from '../auth/device-keys';
import { readDevicePolicy } from '../auth/device-policy';
import { openSession } from '../auth/sessions';
import type { LoginThrottle } from '../auth/throttle';
import type { CommitPublisher } from '../replication/commit-fanout';
import { keepSurrenderedRows, type SurrenderedRow } from '../replication/surrender';
import type { Account, Storage } from '../storage/storage';
import { callerOf } from './caller';
import { setSessionCookie } from './session-cookie';
import { publicUser } from './session-routes';

/** What a surrender may carry at most: far more than a day offline. */
export const MAX_SURRENDERED_ROWS = 5_000;

const uuid = { type: 'string', pattern: '^[0-9a-fA-F-]{36}$' } as const;
const token = { type: 'string', minLength: 20, maxLength: 100 } as const;
const deviceToken = {
  deviceId: uuid,
  userId: { type: 'string', minLength: 1, maxLength: 80 },
  token,
} as const;

const renewBody = {
  type: 'object',
  additionalProperties: false,
  required: ['deviceId', 'userId', 'token'],
  properties: deviceToken,
} as const;

const recoveryBody = {
  type: 'object',
  additionalProperties: false,
  required: ['recoveryKey'],
  properties: { recoveryKey: { type: 'string', pattern: '^[A-Za-z0-9+/]{43}=$' } },
} as const;

const surrenderBody = {
  type: 'object',
  additionalProperties: false,
  required: ['deviceId', 'userId', 'token', 'rows'],
  properties: {
    ...deviceToken,
    rows: {
      type: 'array',
      maxItems: MAX_SURRENDERED_ROWS,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['collection', 'document'],
        properties: { collection: { type: 'string', maxLength: 40 }, document: {} },
      },
    },
  },
} as const;

interface DeviceTokenBody {
  deviceId: string;
  userId: string;
  token: string;
}

export function registerDeviceAccessRoutes(
  app: FastifyInstance,
  deps: {
    storage: Storage;
    clock: Clock;
    throttle: LoginThrottle;
    commits: CommitPublisher;
    secureCookies?: boolean;
    requireSession: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** Open streams of a replaced session must end (stream-guard.ts). */
    accessRevoked?: () => void;
  },
): void {
  const { storage, clock } = deps;

  async function audit(
    request: FastifyRequest,
    action: string,
    body: DeviceTokenBody,
    fields: AuditFields = {},
  ): Promise<void> {
    const who = { userId: body.userId, deviceId: body.deviceId };
    await storage.appendAudit([
      auditOfAnonymous(clock.now().toISOString(), request.ip, who, action, fields),
    ]);
  }

  /** The account behind a device token; a wrong token counts as a failed login. */
  async function accountOfToken(request: FastifyRequest, body: DeviceTokenBody): Promise<Account> {
    const keys = [`device:${body.deviceId}`, `ip:${request.ip}`];
    const attempt = deps.throttle.start(keys);
    if (!attempt) {
      await audit(request, 'device-token-throttled', body);
      throw deps.throttle.refusal(keys);
    }
    const key = await deviceKeyOfToken(storage, body.deviceId, body.userId, body.token);
    const account = key ? await storage.getAccount(body.userId) : null;
    if (!account) {
      await audit(request, 'device-token-refused', body);
      throw new RelaisError('UNAUTHENTICATED');
    }
    attempt.succeeded([`device:${body.deviceId}`]);
    return account;
  }

  app.put<{ Body: { recoveryKey: string } }>(
    '/api/v1/device-key',
    { preHandler: deps.requireSession, schema: { body: recoveryBody } },
    async (request, reply) => {
      const caller = callerOf(request);
      if (!caller.deviceId) throw new RelaisError('VALIDATION_FAILED', 'Session sans appareil.');
      await registerRecoveryKey(
        storage,
        caller.deviceId,
        caller.userId,
        request.body.recoveryKey,
        clock,
      );
      await storage.appendAudit([
        auditBy(callerOf(request), clock.now().toISOString(), 'device-key-register'),
      ]);
      return reply.code(204).send();
    },
  );

  app.post<{ Body: DeviceTokenBody }>(
    '/api/v1/session/renew',
    { schema: { body: renewBody } },
    async (request, reply) => {
      const account = await accountOfToken(request, request.body);
      if ((await storage.getDevice(request.body.deviceId))?.revokedAt)
        throw new RelaisError('DEVICE_REVOKED');
      if (account.disabled) throw new RelaisError('ACCOUNT_DISABLED');
      // The renewed session replaces the device's previous one.
      await storage.deleteDeviceSessions(request.body.deviceId);
      deps.accessRevoked?.();
      const { token: sessionToken } = await openSession(
        storage,
        account,
        request.body.deviceId,
        clock,
      );
      await audit(request, 'session-renew', request.body);
      setSessionCookie(request, reply, sessionToken, deps.secureCookies);
      return { user: publicUser(account), policy: await readDevicePolicy(storage) };
    },
  );

  app.post<{ Body: DeviceTokenBody & { rows: SurrenderedRow[] } }>(
    '/api/v1/devices/surrender',
    { schema: { body: surrenderBody } },
    async (request) => {
      const { body } = request;
      const account = await accountOfToken(request, body);
      const device = await storage.getDevice(body.deviceId);
      // Only a device that must wipe itself hands over: the others push as usual.
      if (!device?.revokedAt && !account.disabled) {
        throw new RelaisError('VALIDATION_FAILED', "Cet appareil n'a pas été retiré.");
      }
      const outcome = await keepSurrenderedRows(
        storage,
        {
          userId: account.id,
          role: account.role,
          siteIds: account.siteIds,
          deviceId: body.deviceId,
        },
        body.rows,
        clock,
      );
      deps.commits.committed(outcome.written);
      // The device wipes itself now: nothing of it may open a session or a review any more.
      await storage.deleteDeviceKeys(body.deviceId, account.id);
      if (device?.revokedAt) await storage.deleteDeviceSessions(body.deviceId);
      const { kept, unchanged, refused } = outcome;
      // Which dossiers the handed-over rows were about (kept in reviews for the siège).
      await audit(request, 'device-surrender', body, {
        details: { kept, unchanged, refused },
        youthIds: outcome.youthIds,
      });
      return { kept, unchanged, refused };
    },
  );
}
