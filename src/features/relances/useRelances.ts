/**
 * The relance list, live: the dossiers followed (mine, a site's, or all those on the device),
 * assessed by the domain's relance rules against their activity (events, rendez-vous, parcours,
 * émargements).
 */
import { useCallback } from 'react';
import { map, switchMap } from 'rxjs';
import { useDatabase } from '../../app/DatabaseProvider';
import { useLiveQuery } from '../../db/useLiveQuery';
import {
  assessRelance,
  byUrgency,
  FOLLOWED_STATUSES,
  type RelanceAssessment,
} from '../../domain/rules/relances';
import type { Youth } from '../../domain/schemas/youth';
import type { Clock } from '../../domain/time';
import { activityOf, youthActivity$ } from '../shared/youthActivity';

/** Whose dossiers: the user's own (référent), one site's, or every dossier on the device. */
export type RelanceScope =
  { kind: 'mine'; userId: string } | { kind: 'site'; siteId: string } | { kind: 'all' };

export interface RelanceList {
  assessments: RelanceAssessment[];
  youths: ReadonlyMap<string, Youth>;
  /** Dossiers looked at. */
  followed: number;
}

export function useRelances(scope: RelanceScope, thresholds: readonly number[], clock: Clock) {
  const db = useDatabase();
  const scopeKey = scope.kind === 'mine' ? scope.userId : scope.kind === 'site' ? scope.siteId : '';
  const thresholdKey = thresholds.join(',');
  return useLiveQuery<RelanceList>(
    useCallback(() => {
      const silenceThresholds = thresholdKey.split(',').map(Number);
      const selector: Record<string, unknown> = {
        status: { $in: [...FOLLOWED_STATUSES] },
        mergedInto: { $exists: false },
        ...(scope.kind === 'mine' ? { referentId: scopeKey } : {}),
        ...(scope.kind === 'site' ? { siteId: scopeKey } : {}),
      };
      return db.youths.find({ selector }).$.pipe(
        map((docs) => docs.map((d) => d.toJSON() as Youth)),
        switchMap((youths) => {
          const ids = youths.map((y) => y.id);
          return youthActivity$(db, ids).pipe(
            map((activity) => ({
              followed: youths.length,
              youths: new Map(youths.map((y) => [y.id, y])),
              assessments: youths
                .map((youth) =>
                  assessRelance({ youth, ...activityOf(activity, youth.id) }, clock, {
                    silenceThresholds,
                  }),
                )
                .filter((a): a is RelanceAssessment => a !== undefined)
                .sort(byUrgency),
            })),
          );
        }),
      );
    }, [db, scope.kind, scopeKey, thresholdKey, clock]),
  );
}
