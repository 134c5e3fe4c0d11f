/** The open conflicts for the réconciliation screen, live (see conflictQueue.ts). */
import { useCallback } from 'react';
import { useDatabase } from '../../app/DatabaseProvider';
import { useLiveQuery } from '../../db/useLiveQuery';
import { conflictQueue$, type ConflictItem } from './conflictQueue';

export type { ConflictItem };

export function useConflictQueue() {
  const db = useDatabase();
  return useLiveQuery<ConflictItem[]>(useCallback(() => conflictQueue$(db), [db]));
}
