/**
 * The writes of the dossier screens, straight into the device's database (the sync engine sends
 * them when the network allows). Domain rules are checked here too, so no screen can store a
 * forbidden proposition transition or two dispositifs at once.
 */
import { useMemo } from 'react';
import { useDatabase } from '../../app/database-context';
import { insertDocument, patchDocument, replaceDocument, type NewDocument } from '../../db/writes';
import { RelaisError } from '../../domain/errors';
import { findOverlappingDispositif } from '../../domain/rules/dispositif';
import { canTransition } from '../../domain/rules/proposition';
import { withCejWeek } from '../../domain/rules/cej-hours';
import { dispositifExitProblem } from '../../domain/rules/dispositif-exit';
import type {
  CejWeekHours,
  DispositifExitReason,
  PathwayRecord,
  PropositionResult,
} from '../../domain/schemas/pathway';
import type { Youth } from '../../domain/schemas/youth';

type PathwayFields = Omit<PathwayRecord, 'id' | 'rev' | 'updatedAt' | 'updatedBy'>;

export function useDossierActions() {
  const db = useDatabase();
  return useMemo(() => {
    async function checkDispositif(record: PathwayFields & { id?: string }) {
      if (record.kind !== 'dispositif') return;
      const others = await db.pathway
        .find({ selector: { youthId: record.youthId, kind: 'dispositif' } })
        .exec();
      const overlap = findOverlappingDispositif(
        { ...record, id: record.id ?? '' },
        others.map((doc) => doc.toJSON() as PathwayRecord),
      );
      if (overlap) throw new RelaisError('DISPOSITIF_OVERLAP', undefined, { overlap });
    }

    return {
      createYouth: (fields: Omit<Youth, 'id' | 'rev' | 'updatedAt' | 'updatedBy'>) =>
        insertDocument(db, 'youths', fields),
      updateYouth: (id: string, fields: Omit<Youth, 'id' | 'rev' | 'updatedAt' | 'updatedBy'>) =>
        replaceDocument(db, 'youths', id, fields),
      /** Events are append-only: a correction is a new event naming the one it supersedes. */
      addEvent: (event: NewDocument<'events'>) => insertDocument(db, 'events', event),
      async addPathway(record: PathwayFields) {
        await checkDispositif(record);
        return insertDocument(db, 'pathway', record);
      },
      async replacePathway(id: string, record: PathwayFields) {
        await checkDispositif({ ...record, id });
        return replaceDocument(db, 'pathway', id, record);
      },
      async setPropositionResult(record: PathwayRecord, to: PropositionResult) {
        const from = record.result ?? 'en-attente';
        if (!canTransition(from, to)) throw new RelaisError('INVALID_TRANSITION');
        return patchDocument(db, 'pathway', record.id, { result: to });
      },
      /** Records a CEJ week's hours, declared by the young person and validated by the adviser. */
      setCejWeek: (record: PathwayRecord, week: CejWeekHours) =>
        patchDocument(db, 'pathway', record.id, { cejWeeks: withCejWeek(record.cejWeeks, week) }),
      /**
       * Closes a dispositif: the day it actually ended and why (rules/dispositif-exit.ts, the
       * rule the server checks too). The planned end stays as it was.
       */
      async closeDispositif(record: PathwayRecord, endedOn: string, exitReason: string) {
        const closed = { ...record, endedOn, exitReason: exitReason as DispositifExitReason };
        const problem = dispositifExitProblem(closed);
        if (problem) throw new RelaisError(problem);
        return patchDocument(db, 'pathway', record.id, { endedOn, exitReason: closed.exitReason });
      },
      /** Ends a dispositif early (e.g. a PACEA the day before a CEJ starts). */
      endDispositif: (id: string, lastDay: string) =>
        patchDocument(db, 'pathway', id, { endDate: lastDay }),
      setSituationPhase: (
        id: string,
        phase: NonNullable<PathwayRecord['phase']>,
        endDate?: string,
      ) => patchDocument(db, 'pathway', id, endDate ? { phase, endDate } : { phase }),
    };
  }, [db]);
}
