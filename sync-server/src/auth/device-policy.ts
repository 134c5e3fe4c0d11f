/** The Mission Locale's device security settings as stored, with the defaults until edited. */
import {
  DEFAULT_DEVICE_POLICY,
  devicePolicyProblems,
  type DevicePolicy,
} from '../../../src/domain/device-policy';
import type { Storage } from '../storage/storage';

const SETTING = 'device-policy';

export async function readDevicePolicy(storage: Storage): Promise<DevicePolicy> {
  const stored = (await storage.getSetting(SETTING)) as Record<string, unknown> | null;
  const merged = { ...DEFAULT_DEVICE_POLICY, ...(stored ?? {}) };
  return Object.keys(devicePolicyProblems(merged)).length === 0
    ? (merged as DevicePolicy)
    : DEFAULT_DEVICE_POLICY;
}

export async function writeDevicePolicy(storage: Storage, policy: DevicePolicy): Promise<void> {
  await storage.putSetting(SETTING, policy);
}
