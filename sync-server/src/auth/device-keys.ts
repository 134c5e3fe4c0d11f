/**
 * The server's part of a device's encrypted storage (README, Security):
 * - the recovery key a device registers with its first online login: the server hands it back
 *   only after a password login on that device, so that a password changed at the siège
 *   re-wraps the device's data key instead of losing what it had not sent;
 * - the renewal token, issued at each password login, that the device keeps sealed with its data
 *   key: once unlocked (password verified locally), the device renews its session with it when
 *   the network comes back, without asking the password again. Only its hash is stored.
 * Both are per user and device, and deleted when the device is revoked.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../../src/domain/time';
import type { DeviceKey, Storage } from '../storage/storage';

function hash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export interface DeviceKeyHandout {
  /** Null until the device registered one. */
  recoveryKey: string | null;
  renewToken: string;
}

/** After a password login on a device: a new renewal token, and the recovery key if any. */
export async function handOutDeviceKey(
  storage: Storage,
  deviceId: string,
  userId: string,
  clock: Clock,
): Promise<DeviceKeyHandout> {
  const existing = await storage.getDeviceKey(deviceId, userId);
  const renewToken = randomBytes(32).toString('base64url');
  await storage.putDeviceKey({
    deviceId,
    userId,
    recoveryKey: existing?.recoveryKey ?? null,
    renewTokenHash: hash(renewToken),
    updatedAt: clock.now().toISOString(),
  });
  return { recoveryKey: existing?.recoveryKey ?? null, renewToken };
}

export async function registerRecoveryKey(
  storage: Storage,
  deviceId: string,
  userId: string,
  recoveryKey: string,
  clock: Clock,
): Promise<void> {
  const existing = await storage.getDeviceKey(deviceId, userId);
  await storage.putDeviceKey({
    deviceId,
    userId,
    recoveryKey,
    renewTokenHash: existing?.renewTokenHash ?? null,
    updatedAt: clock.now().toISOString(),
  });
}

/** The device key a renewal token belongs to, or null (compared in constant time). */
export async function deviceKeyOfToken(
  storage: Storage,
  deviceId: string,
  userId: string,
  token: string,
): Promise<DeviceKey | null> {
  const key = await storage.getDeviceKey(deviceId, userId);
  if (!key?.renewTokenHash) return null;
  const expected = Buffer.from(key.renewTokenHash);
  const given = Buffer.from(hash(token));
  return expected.length === given.length && timingSafeEqual(expected, given) ? key : null;
}
