/**
 * The device security settings of the Mission Locale (edited by direction, applied by every
 * device, kept on the device for when it is offline): how long without activity before Relais
 * locks, and how many days a device may unlock offline since the server last confirmed the
 * account. One rule for the settings form and the server.
 */
export interface DevicePolicy {
  lockAfterMinutes: number;
  offlineGraceDays: number;
}

export const DEFAULT_DEVICE_POLICY: DevicePolicy = { lockAfterMinutes: 15, offlineGraceDays: 7 };

export const DEVICE_POLICY_BOUNDS = {
  lockAfterMinutes: { min: 1, max: 240 },
  offlineGraceDays: { min: 1, max: 30 },
} as const satisfies Record<keyof DevicePolicy, { min: number; max: number }>;

const LABELS: Record<keyof DevicePolicy, string> = {
  lockAfterMinutes: 'Le verrouillage après inactivité',
  offlineGraceDays: 'La durée hors ligne autorisée',
};

/** French problems of a proposed policy, by field; empty when it can be saved. */
export function devicePolicyProblems(
  policy: Record<string, unknown>,
): Partial<Record<keyof DevicePolicy, string>> {
  const problems: Partial<Record<keyof DevicePolicy, string>> = {};
  for (const field of Object.keys(DEVICE_POLICY_BOUNDS) as (keyof DevicePolicy)[]) {
    const { min, max } = DEVICE_POLICY_BOUNDS[field];
    const value = policy[field];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      problems[field] = `${LABELS[field]} doit être un nombre entier entre ${min} et ${max}.`;
    }
  }
  return problems;
}
