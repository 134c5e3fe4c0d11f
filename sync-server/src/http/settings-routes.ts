/**
 * The Mission Locale's settings: today the device security policy (lock after inactivity,
 * offline grace), read by every signed-in device and edited by direction and admin.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { devicePolicyProblems, type DevicePolicy } from '../../../src/domain/device-policy';
import { RelaisError } from '../../../src/domain/errors';
import type { Clock } from '../../../src/domain/time';
import { readDevicePolicy, writeDevicePolicy } from '../auth/device-policy';
import { auditBy } from '../audit/entries';
import { assertSiege } from '../replication/resolution';
import type { Storage } from '../storage/storage';
import { callerOf } from './caller';

const policyBody = {
  type: 'object',
  additionalProperties: false,
  required: ['lockAfterMinutes', 'offlineGraceDays'],
  properties: {
    lockAfterMinutes: { type: 'integer' },
    offlineGraceDays: { type: 'integer' },
  },
} as const;

export function registerSettingsRoutes(
  app: FastifyInstance,
  deps: {
    storage: Storage;
    clock: Clock;
    requireSession: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  },
): void {
  const { storage, clock } = deps;

  app.get('/api/v1/settings/device-policy', { preHandler: deps.requireSession }, async () => ({
    policy: await readDevicePolicy(storage),
  }));

  app.put<{ Body: DevicePolicy }>(
    '/api/v1/settings/device-policy',
    { preHandler: deps.requireSession, schema: { body: policyBody } },
    async (request) => {
      const caller = callerOf(request);
      assertSiege(caller);
      const problems = devicePolicyProblems(request.body as unknown as Record<string, unknown>);
      if (Object.keys(problems).length > 0) {
        throw new RelaisError('VALIDATION_FAILED', Object.values(problems).join(' '), problems);
      }
      await writeDevicePolicy(storage, request.body);
      await storage.appendAudit([
        auditBy(caller, clock.now().toISOString(), 'settings-device-policy', {
          details: request.body,
        }),
      ]);
      return { policy: await readDevicePolicy(storage) };
    },
  );
}
