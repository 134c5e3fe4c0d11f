/** The `device_keys` row as both backends store it (same columns in SQLite and PostgreSQL). */
import type { DeviceKey } from './storage';

export interface DeviceKeyRow {
  device_id: string;
  user_id: string;
  recovery_key: string | null;
  renew_token_hash: string | null;
  updated_at: string;
}

export function toDeviceKey(row: DeviceKeyRow): DeviceKey {
  return {
    deviceId: row.device_id,
    userId: row.user_id,
    recoveryKey: row.recovery_key,
    renewTokenHash: row.renew_token_hash,
    updatedAt: row.updated_at,
  };
}
