/** Logging a relance: an event of kind `relance` with its channel and follow-up day. */
import { useMemo } from 'react';
import { useDatabase } from '../../app/DatabaseProvider';
import { insertDocument } from '../../db/writes';
import type { YouthEvent } from '../../domain/schemas/event';
import { nowLocal, type Clock } from '../../domain/time';
import { useAppStore } from '../../stores/store';

export interface RelanceInput {
  youthId: string;
  channel: NonNullable<YouthEvent['channel']>;
  followUpOn: string;
  report?: string;
}

export function useRelanceActions(clock: Clock) {
  const db = useDatabase();
  const userId = useAppStore((s) => s.user?.id ?? 'unknown');
  return useMemo(
    () => ({
      logRelance: (input: RelanceInput) =>
        insertDocument(db, 'events', {
          youthId: input.youthId,
          kind: 'relance',
          at: nowLocal(clock),
          channel: input.channel,
          followUpOn: input.followUpOn,
          authorId: userId,
          ...(input.report?.trim() ? { report: input.report.trim() } : {}),
        }),
    }),
    [db, userId, clock],
  );
}
