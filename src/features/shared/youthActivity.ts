/**
 * What the domain's rules read of some young people's activity, live from the device: their
 * events, parcours, rendez-vous and émargements grouped by young person, and the sessions those
 * émargements name. The permanence's dossier summaries and the relance list both read it.
 */
import { combineLatest, map, Observable, of, shareReplay, switchMap } from 'rxjs';
import type { RelaisDatabase } from '../../db/database';
import type { Appointment } from '../../domain/schemas/appointment';
import type { Attendance } from '../../domain/schemas/attendance';
import type { YouthEvent } from '../../domain/schemas/event';
import type { PathwayRecord } from '../../domain/schemas/pathway';
import type { Workshop } from '../../domain/schemas/workshop';

export interface YouthActivity {
  events: ReadonlyMap<string, YouthEvent[]>;
  pathway: ReadonlyMap<string, PathwayRecord[]>;
  appointments: ReadonlyMap<string, Appointment[]>;
  attendances: ReadonlyMap<string, Attendance[]>;
  /** The sessions of every émargement read, by id. */
  workshops: ReadonlyMap<string, Workshop>;
}

/** Reads in flight at once: enough to keep IndexedDB busy, not thousands of requests queued. */
const PARALLEL_READS = 128;

/** What is read of a collection whose records name a young person (`youthId`, indexed). */
interface ByYouthCollection {
  find(query: { selector: { youthId: string } }): {
    exec(): Promise<{ toJSON(): unknown }[]>;
  };
  $: Observable<{
    documentData?: { youthId?: string };
    previousDocumentData?: { youthId?: string };
  }>;
}

async function readGroups<T>(
  collection: ByYouthCollection,
  youthIds: readonly string[],
  into: Map<string, T[]>,
): Promise<void> {
  for (let i = 0; i < youthIds.length; i += PARALLEL_READS) {
    const chunk = youthIds.slice(i, i + PARALLEL_READS);
    const found = await Promise.all(
      chunk.map((youthId) => collection.find({ selector: { youthId } }).exec()),
    );
    chunk.forEach((youthId, j) => {
      const docs = found[j]!.map((d) => d.toJSON() as T);
      if (docs.length > 0) into.set(youthId, docs);
      else into.delete(youthId);
    });
  }
}

/**
 * The records of some young people, grouped by young person, live. One query per young person,
 * on the `youthId` index: RxDB plans `youthId $in [ids]` as a scan of the whole range between
 * the smallest and the largest id — with time-ordered ids, the whole collection (52 s for an
 * adviser's 540 dossiers at siège scale, issue 17). After a change, only the young people it
 * touches are read again.
 */
function recordsByYouth$<T>(
  collection: ByYouthCollection,
  youthIds: readonly string[],
): Observable<ReadonlyMap<string, T[]>> {
  if (youthIds.length === 0) return of(new Map<string, T[]>());
  const wanted = new Set(youthIds);
  return new Observable<ReadonlyMap<string, T[]>>((subscriber) => {
    const groups = new Map<string, T[]>();
    let stale = new Set(youthIds);
    let reading = false;
    let closed = false;
    const refresh = async () => {
      if (reading) return;
      reading = true;
      try {
        while (stale.size > 0 && !closed) {
          const batch = [...stale];
          stale = new Set();
          await readGroups(collection, batch, groups);
        }
        if (!closed) subscriber.next(new Map(groups));
      } catch (error) {
        subscriber.error(error);
      } finally {
        reading = false;
      }
    };
    const changes = collection.$.subscribe((event) => {
      for (const doc of [event.documentData, event.previousDocumentData]) {
        if (doc?.youthId && wanted.has(doc.youthId)) stale.add(doc.youthId);
      }
      if (stale.size > 0) void refresh();
    });
    void refresh();
    return () => {
      closed = true;
      changes.unsubscribe();
    };
  });
}

export function youthActivity$(
  db: RelaisDatabase,
  youthIds: readonly string[],
): Observable<YouthActivity> {
  const byYouth = <T>(collection: unknown) =>
    recordsByYouth$<T>(collection as ByYouthCollection, youthIds);
  // Read once for the émargements and for the sessions they name.
  const attendances$ = byYouth<Attendance>(db.attendances).pipe(
    shareReplay({ bufferSize: 1, refCount: true }),
  );
  const workshops$ = attendances$.pipe(
    switchMap((groups) => {
      const ids = [...new Set([...groups.values()].flat().map((a) => a.workshopId))];
      return ids.length === 0
        ? of(new Map<string, Workshop>())
        : db.workshops
            .findByIds(ids)
            .$.pipe(
              map((found) => new Map([...found].map(([id, d]) => [id, d.toJSON() as Workshop]))),
            );
    }),
  );
  return combineLatest([
    byYouth<YouthEvent>(db.events),
    byYouth<PathwayRecord>(db.pathway),
    byYouth<Appointment>(db.appointments),
    attendances$,
    workshops$,
  ]).pipe(
    map(([events, pathway, appointments, attendances, workshops]) => ({
      events,
      pathway,
      appointments,
      attendances,
      workshops,
    })),
  );
}

/** One young person's activity, in the shape summarizeDossier and assessRelance take. */
export function activityOf(activity: YouthActivity, youthId: string) {
  return {
    events: activity.events.get(youthId) ?? [],
    pathway: activity.pathway.get(youthId) ?? [],
    appointments: activity.appointments.get(youthId) ?? [],
    attendances: activity.attendances.get(youthId) ?? [],
    workshops: activity.workshops,
  };
}
