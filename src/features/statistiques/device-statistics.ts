/**
 * An adviser's figures computed on the device, offline: the dossiers they are référent·e of in
 * RxDB, everything recorded about them and the loans, live (a new report on every change), with
 * the domain's definitions. The screen (useStatistics) and the bench (tests/bench) both run it.
 */
import { combineLatest, map, switchMap, type Observable } from 'rxjs';
import type { RelaisDatabase } from '../../db/database';
import { restrictToAdviser, type StatisticsNames } from '../../domain/indicators/data';
import type { Period } from '../../domain/indicators/period';
import { computeStatistics, type StatisticsReport } from '../../domain/indicators/report';
import type { MobilityRecord } from '../../domain/schemas/mobility';
import type { Youth } from '../../domain/schemas/youth';
import { youthActivity$ } from '../shared/youthActivity';

const flat = <T>(groups: ReadonlyMap<string, T[]>): T[] => [...groups.values()].flat();

export function deviceStatistics$(
  db: RelaisDatabase,
  adviserId: string,
  period: Period,
  names: StatisticsNames,
): Observable<StatisticsReport> {
  const youths$ = db.youths
    .find({ selector: { referentId: adviserId } })
    .$.pipe(map((docs) => docs.map((d) => d.toJSON() as Youth)));
  const loans$ = db.mobility
    .find({ selector: { kind: 'loan' } })
    .$.pipe(map((docs) => docs.map((d) => d.toJSON() as MobilityRecord)));
  return combineLatest([youths$, loans$]).pipe(
    switchMap(([youths, mobility]) =>
      youthActivity$(
        db,
        youths.map((y) => y.id),
      ).pipe(
        map((activity) =>
          computeStatistics(
            restrictToAdviser(
              {
                youths,
                events: flat(activity.events),
                appointments: flat(activity.appointments),
                pathway: flat(activity.pathway),
                attendances: flat(activity.attendances),
                workshops: [...activity.workshops.values()],
                mobility,
              },
              adviserId,
            ),
            period,
            names,
          ),
        ),
      ),
    ),
  );
}
