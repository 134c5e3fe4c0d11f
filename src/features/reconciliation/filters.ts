/**
 * The filters of the reconciliation queue: by site, by adviser (someone who typed one of the
 * values) and by age of the conflict, and the age buckets the summary chart counts.
 */
import { hoursSince, type Clock } from '../../domain/time';

export const AGE_BUCKETS = [
  { id: 'day', label: 'Moins de 24 h', maxHours: 24 },
  { id: 'week', label: '1 à 7 jours', maxHours: 24 * 7 },
  { id: 'older', label: 'Plus de 7 jours', maxHours: Infinity },
] as const;

export type AgeBucket = (typeof AGE_BUCKETS)[number]['id'];

export interface QueueFilters {
  siteId: string;
  adviserId: string;
  age: AgeBucket | '';
}

export const NO_FILTERS: QueueFilters = { siteId: '', adviserId: '', age: '' };

/** What the filters look at in a review. */
export interface Filterable {
  siteId?: string;
  openedAt?: string;
  values?: readonly { by: string }[];
}

export function ageBucketOf(openedAt: string | undefined, clock: Clock): AgeBucket {
  const hours = openedAt ? hoursSince(openedAt, clock) : 0;
  return AGE_BUCKETS.find((bucket) => hours < bucket.maxHours)!.id;
}

export function matches(review: Filterable, filters: QueueFilters, clock: Clock): boolean {
  if (filters.siteId && review.siteId !== filters.siteId) return false;
  if (filters.adviserId && !review.values?.some((value) => value.by === filters.adviserId)) {
    return false;
  }
  if (filters.age && ageBucketOf(review.openedAt, clock) !== filters.age) return false;
  return true;
}

/** How many reviews fall in each age bucket (for the chart). */
export function countByAge(
  reviews: readonly Filterable[],
  clock: Clock,
): Record<AgeBucket, number> {
  const counts: Record<AgeBucket, number> = { day: 0, week: 0, older: 0 };
  for (const review of reviews) counts[ageBucketOf(review.openedAt, clock)] += 1;
  return counts;
}
