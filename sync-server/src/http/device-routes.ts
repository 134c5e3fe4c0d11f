/**
 * The devices board of the siège (direction and admin): every device that signed in, with its
 * user, last contact, app version, pushes waiting and last sync error as it reported them, and
 * revocation. A revoked device is answered 410 DEVICE_REVOKED from its next request (caller.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RelaisError } from '../../../src/domain/errors';
import type { Role } from '../../../src/domain/schemas/staff';
import type { Clock } from '../../../src/domain/time';
import { auditBy } from '../audit/entries';
import { assertSiege } from '../replication/resolution';
import type { Account, Device, Storage } from '../storage/storage';
import { callerOf } from './caller';

/** A device as the board shows it (never the session or anything secret). */
export interface DeviceView extends Device {
  user: { id: string; login: string; name: string; role: Role; siteIds: string[] } | null;
  /** True for the device of the caller (it cannot revoke itself). */
  current: boolean;
}

function view(device: Device, accounts: Map<string, Account>, currentId: string | null) {
  const account = accounts.get(device.userId);
  return {
    ...device,
    user: account
      ? {
          id: account.id,
          login: account.login,
          name: account.name,
          role: account.role,
          siteIds: account.siteIds,
        }
      : null,
    current: device.id === currentId,
  } satisfies DeviceView;
}

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 80 } },
} as const;

export function registerDeviceRoutes(
  app: FastifyInstance,
  deps: {
    storage: Storage;
    clock: Clock;
    requireSession: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** Open streams of a revoked device must end (stream-guard.ts). */
    accessRevoked: () => void;
  },
): void {
  const { storage, clock } = deps;

  async function accountsById(): Promise<Map<string, Account>> {
    return new Map((await storage.listAccounts()).map((account) => [account.id, account]));
  }

  app.get('/api/v1/devices', { preHandler: deps.requireSession }, async (request) => {
    const caller = callerOf(request);
    assertSiege(caller);
    const accounts = await accountsById();
    const devices = await storage.listDevices();
    await storage.appendAudit([auditBy(caller, clock.now().toISOString(), 'devices-read')]);
    return { devices: devices.map((device) => view(device, accounts, caller.deviceId)) };
  });

  // A device reports its state after a sync (src/sync/device-report.ts): the report travels in
  // the headers every request carries (caller.ts), so this route has nothing more to do.
  app.post('/api/v1/devices/report', { preHandler: deps.requireSession }, async (_request, reply) =>
    reply.code(204).send(),
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/devices/:id/revoke',
    { preHandler: deps.requireSession, schema: { params: idParams } },
    async (request) => {
      const caller = callerOf(request);
      assertSiege(caller);
      const device = await storage.getDevice(request.params.id);
      if (!device) throw new RelaisError('NOT_FOUND', 'Appareil inconnu.');
      if (device.id === caller.deviceId) {
        throw new RelaisError(
          'VALIDATION_FAILED',
          "Vous ne pouvez pas révoquer l'appareil que vous utilisez.",
        );
      }
      const now = clock.now().toISOString();
      const revoked = device.revokedAt ? device : { ...device, revokedAt: now };
      if (!device.revokedAt) {
        await storage.upsertDevice(revoked);
        await storage.appendAudit([
          auditBy(caller, now, 'device-revoke', {
            documentId: device.id,
            details: { deviceUserId: device.userId, label: device.label },
          }),
        ]);
        deps.accessRevoked();
      }
      return { device: view(revoked, await accountsById(), caller.deviceId) };
    },
  );
}
