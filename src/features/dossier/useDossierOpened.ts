/**
 * Writes an entry of the dossier's access journal when a dossier is shown (design.md, Security:
 * who saw this young person's file): into the device's database, so it is kept offline too and
 * pushed like every record (src/domain/schemas/access.ts). Once per dossier shown, not per tab
 * of it; who opened it is set by the server from the session.
 */
import { useEffect, useRef } from 'react';
import { useClock } from '../../app/clock-context';
import { useDatabase } from '../../app/database-context';
import { insertDocument } from '../../db/writes';
import { errorSummary } from '../../domain/errors';

export function useDossierOpened(youthId: string | undefined): void {
  const db = useDatabase();
  const clock = useClock();
  const recorded = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!youthId || recorded.current === youthId) return;
    recorded.current = youthId;
    insertDocument(db, 'accesses', { youthId, openedAt: clock.now().toISOString() }).catch(
      (error: unknown) => console.warn(`Journal des accès : ${errorSummary(error)}`),
    );
  }, [db, clock, youthId]);
}
