/**
 * What an unlocked Relais holds in memory, and only there: the user's data key, the token that
 * renews their session, and who they are. Nothing of it is ever written in clear. Kept out of
 * the zustand store (which screens read) since no screen needs it: the database provider, the
 * session renewal and the tab that asks for the key do.
 */
import type { DevicePolicy } from '../../domain/device-policy';
import type { SessionUser } from '../../sync/api';

export interface Unlocked {
  user: SessionUser;
  policy: DevicePolicy;
  dataKey: CryptoKey;
  /** Names the user's database on this device. */
  keyId: string;
  renewToken: string | null;
  /** Opened without the server (offline unlock). */
  offline: boolean;
}

let current: Unlocked | null = null;

export function unlockedSession(): Unlocked | null {
  return current;
}

export function setUnlockedSession(unlocked: Unlocked | null): void {
  current = unlocked;
}
