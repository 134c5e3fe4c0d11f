/** Finding a young person by name on this device, accents and case ignored. */
import { useCallback, useDeferredValue, useMemo } from 'react';
import { map } from 'rxjs';
import { useDatabase } from '../../app/DatabaseProvider';
import { useLiveQuery } from '../../db/useLiveQuery';
import type { Youth } from '../../domain/schemas/youth';
import { foldText } from '../../domain/text';

export const MAX_RESULTS = 8;

/** Dossiers whose names contain every word typed, best (name starts with it) first. */
export function searchYouths(youths: readonly Youth[], query: string): Youth[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const scored = youths
    .map((youth) => {
      const names = foldText(`${youth.lastName} ${youth.birthName ?? ''} ${youth.firstName}`);
      if (!words.every((w) => names.includes(w))) return undefined;
      const starts = words.some(
        (w) => names.startsWith(w) || foldText(youth.firstName).startsWith(w),
      );
      return { youth, score: starts ? 0 : 1 };
    })
    .filter((s): s is { youth: Youth; score: number } => s !== undefined);
  return scored
    .sort(
      (a, b) =>
        a.score - b.score ||
        a.youth.lastName.localeCompare(b.youth.lastName, 'fr') ||
        a.youth.firstName.localeCompare(b.youth.firstName, 'fr'),
    )
    .map((s) => s.youth);
}

export function useYouthSearch(query: string) {
  const db = useDatabase();
  const all = useLiveQuery<Youth[]>(
    useCallback(
      () =>
        db.youths
          .find({ selector: { mergedInto: { $exists: false }, status: { $ne: 'sorti' } } })
          .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as Youth))),
      [db],
    ),
  );
  const deferred = useDeferredValue(query);
  const results = useMemo(() => searchYouths(all.data ?? [], deferred), [all.data, deferred]);
  return { ...all, data: results };
}
