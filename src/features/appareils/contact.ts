/** How recent a device's last contact is, in the buckets of the devices board's chart. */
import { hoursSince, type Clock } from '../../domain/time';

export const CONTACT_BUCKETS = [
  { id: 'hour', label: "Moins d'une heure", maxHours: 1 },
  { id: 'day', label: "Aujourd'hui", maxHours: 24 },
  { id: 'week', label: 'Cette semaine', maxHours: 24 * 7 },
  { id: 'older', label: 'Plus ancien', maxHours: Infinity },
] as const;

export type ContactBucket = (typeof CONTACT_BUCKETS)[number]['id'];

export function contactBucketOf(lastSeenAt: string, clock: Clock): ContactBucket {
  const hours = hoursSince(lastSeenAt, clock);
  return CONTACT_BUCKETS.find((bucket) => hours < bucket.maxHours)!.id;
}

export function countByContact(
  devices: readonly { lastSeenAt: string }[],
  clock: Clock,
): Record<ContactBucket, number> {
  const counts: Record<ContactBucket, number> = { hour: 0, day: 0, week: 0, older: 0 };
  for (const device of devices) counts[contactBucketOf(device.lastSeenAt, clock)] += 1;
  return counts;
}
