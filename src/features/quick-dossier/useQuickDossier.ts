/**
 * Reads and writes of the quick dossier form: the dossier being edited and the sites it may be
 * attached to, live from the local database; saving writes to the local database only (the
 * sync engine sends it when it can).
 */
import { useCallback } from 'react';
import { map } from 'rxjs';
import { useDatabase } from '../../app/DatabaseProvider';
import { useLiveQuery } from '../../db/useLiveQuery';
import { insertDocument, patchDocument } from '../../db/writes';
import type { Youth } from '../../domain/schemas/youth';
import { systemClock, today } from '../../domain/time';
import { useAppStore } from '../../stores/store';

export interface QuickDossierValues {
  lastName: string;
  firstName: string;
  birthDate: string;
  phone: string;
  siteId: string;
}

export function useYouth(id: string | undefined) {
  const db = useDatabase();
  return useLiveQuery<Youth | null>(
    useCallback(
      () =>
        id
          ? db.youths.findOne(id).$.pipe(map((doc) => (doc ? (doc.toJSON() as Youth) : null)))
          : undefined,
      [db, id],
    ),
  );
}

/**
 * The sites of the signed-in user (from the session, so known at once, even offline on a first
 * start), named from the local database when their record has arrived.
 */
export function useMySites(): { id: string; name: string }[] {
  const db = useDatabase();
  const siteIds = useAppStore((s) => s.user?.siteIds);
  const names = useLiveQuery<Map<string, string>>(
    useCallback(
      () =>
        db.sites
          .find({ selector: { id: { $in: siteIds ?? [] } } })
          .$.pipe(map((docs) => new Map(docs.map((doc) => [doc.id, doc.name])))),
      [db, siteIds],
    ),
  );
  return (siteIds ?? []).map((id, index) => ({
    id,
    name: names.data?.get(id) ?? `Site n° ${index + 1} (nom pas encore reçu)`,
  }));
}

function optional(value: string): string | undefined {
  return value.trim() === '' ? undefined : value.trim();
}

export function useSaveQuickDossier() {
  const db = useDatabase();
  const userId = useAppStore((s) => s.user?.id ?? '');
  return useCallback(
    async (id: string | undefined, values: QuickDossierValues): Promise<string> => {
      const fields = {
        lastName: values.lastName.trim(),
        firstName: values.firstName.trim(),
        birthDate: optional(values.birthDate),
        phone: optional(values.phone),
        siteId: values.siteId,
      };
      if (id) {
        await patchDocument(db, 'youths', id, fields);
        return id;
      }
      const created = await insertDocument(db, 'youths', {
        ...fields,
        referentId: userId,
        status: 'premier-accueil',
        createdOn: today(systemClock),
        consent: { freeAdherence: true, rgpdInformedOn: today(systemClock) },
      });
      return created.id;
    },
    [db, userId],
  );
}
