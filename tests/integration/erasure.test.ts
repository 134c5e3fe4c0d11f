/**
 * Erasure of a dossier (issue 12, item 4): direction erases a dossier with a confirmation naming
 * it; afterwards the canary name, phone and note appear nowhere on the server — neither in the
 * tables nor in the SQLite file's bytes (write-ahead log included) nor in PostgreSQL — nor in a
 * second device's database after it synced, its deleted documents and access entries included;
 * and what a device typed offline for the erased dossier does not bring it back.
 */
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isErasureTombstone } from '../../src/domain/erasure';
import type { ApiClient } from '../../src/sync/api';
import { ADVISER_SEES, ADVISER_SEES_2, DIRECTION } from '../support/accounts';
import {
  buildAppointment,
  buildEvent,
  buildProposition,
  buildYouth,
  wire,
} from '../support/builders';
import { eventually, loggedInClient } from '../support/http';
import { storeDuplicateReview } from '../support/reviews';
import { BACKENDS } from '../support/storages';
import { syncWorld, type SyncWorld } from '../support/sync-world';

const CANARIES = ['Zéphyrine', 'Canarixx', '06 98 76 54 32', 'Note-canari-7731'];

/** Which canaries the server's database still holds, read below the storage interface. */
async function canariesOnServer(world: SyncWorld): Promise<string[]> {
  const location = world.server.location!;
  if (world.server.backend === 'sqlite') {
    const bytes = [location, `${location}-wal`]
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file));
    return CANARIES.filter((canary) =>
      bytes.some((content) => content.includes(Buffer.from(canary, 'utf8'))),
    );
  }
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'",
    );
    let text = '';
    for (const { name } of tables) {
      const { rows } = await client.query<{ t: string | null }>(
        `SELECT string_agg(x::text, E'\\n') AS t FROM "${name}" x`,
      );
      text += rows[0]?.t ?? '';
    }
    return CANARIES.filter((canary) => text.includes(canary));
  } finally {
    await client.end();
  }
}

async function erase(api: ApiClient, youthId: string, confirmation: string) {
  return api
    .send<{ summary: { erased: Record<string, number>; revisions: number } }>(
      'POST',
      `/api/v1/youths/${youthId}/erase`,
      { confirmation },
    )
    .catch((error: unknown) => error as { code: string });
}

describe.each(BACKENDS)('erasure of a dossier: %s', (backend) => {
  const world = syncWorld({ backend });

  it('leaves no personal value on the server nor on a device that synced', async () => {
    const youth = buildYouth({
      firstName: 'Zéphyrine',
      lastName: 'Canarixx',
      phone: '06 98 76 54 32',
      notes: 'Note-canari-7731',
      referentId: ADVISER_SEES.id,
    });
    const adviser = await loggedInClient(world.server.url, ADVISER_SEES.login);
    await adviser.push('youths', [{ newDocumentState: wire(youth) }]);
    // A history of changes, each state holding the canaries.
    const edited = { ...youth, rev: 'r-edit-1', notes: 'Note-canari-7731 (suite)' };
    await adviser.push('youths', [
      { assumedMasterState: wire(youth), newDocumentState: wire(edited) },
    ]);
    const event = buildEvent({ youthId: youth.id, report: 'Appel au 06 98 76 54 32' });
    const deletedEvent = buildEvent({ youthId: youth.id, report: 'Note-canari-7731 bis' });
    await adviser.push('events', [
      { newDocumentState: wire(event) },
      { newDocumentState: wire(deletedEvent) },
    ]);
    await adviser.push('pathway', [
      {
        newDocumentState: wire(
          buildProposition({ youthId: youth.id, comment: 'Zéphyrine motivée' }),
        ),
      },
    ]);
    await adviser.push('appointments', [
      { newDocumentState: wire(buildAppointment({ youthId: youth.id, subject: 'Canarixx' })) },
    ]);
    const other = buildYouth({ firstName: 'Zoé', lastName: 'Martin' });
    await adviser.push('youths', [{ newDocumentState: wire(other) }]);
    await storeDuplicateReview(world.server.storage, [youth.id, other.id]);

    // A second device of the site: it opens the dossier, and deletes an event (RxDB keeps it).
    const tablet = world.device(ADVISER_SEES_2.login);
    await tablet.sync();
    await tablet.insert('accesses', {
      id: '0190c000-0000-7000-a000-00000000e4a5',
      youthId: youth.id,
      openedAt: new Date().toISOString(),
      rev: 'pending',
      updatedAt: new Date(0).toISOString(),
      updatedBy: 'pending',
    });
    await tablet.remove('events', deletedEvent.id);
    await tablet.sync();
    const held = await tablet.findIncludingDeleted('events', [deletedEvent.id]);
    expect(held[0]).toMatchObject({ _deleted: true, report: 'Note-canari-7731 bis' });
    expect(await canariesOnServer(world)).toEqual(CANARIES);

    // Offline meanwhile, the tablet types a note for her.
    await tablet.setOnline(false);
    const offlineNote = buildEvent({ youthId: youth.id, report: 'Note-canari-7731 hors ligne' });
    await tablet.insert('events', offlineNote);

    const direction = await loggedInClient(world.server.url, DIRECTION.login);
    const wrong = await erase(direction, youth.id, 'Zéphyrine');
    expect(wrong).toMatchObject({ code: 'ERASURE_NOT_CONFIRMED' });
    expect((await world.server.storage.getDocument('youths', youth.id))?.deleted).toBe(false);
    const refused = await erase(adviser, youth.id, 'Zéphyrine Canarixx');
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });

    const erased = await erase(direction, youth.id, 'zephyrine  CANARIXX');
    expect(erased).toMatchObject({
      summary: {
        erased: { youths: 1, events: 2, pathway: 1, appointments: 1, accesses: 1, reviews: 1 },
      },
    });
    const tombstone = await world.server.storage.getDocument('youths', youth.id);
    expect(tombstone?.deleted).toBe(true);
    expect(isErasureTombstone(tombstone!.data)).toBe(true);
    expect(await erase(direction, youth.id, 'Zéphyrine Canarixx')).toMatchObject({
      code: 'ALREADY_ERASED',
    });
    const audit = (await world.server.storage.listAuditOfYouth(youth.id, 100)).find(
      (row) => row.action === 'dossier-erase',
    );
    expect(audit).toMatchObject({ userId: DIRECTION.id, youthIds: [youth.id] });

    // Back online: the offline note is not stored, and the tablet purges everything.
    await tablet.setOnline(true);
    await tablet.sync();
    await eventually(async () => {
      for (const [collection, ids] of [
        ['youths', [youth.id]],
        ['events', [event.id, deletedEvent.id, offlineNote.id]],
        ['accesses', ['0190c000-0000-7000-a000-00000000e4a5']],
      ] as const) {
        expect(await tablet.findIncludingDeleted(collection, [...ids]), collection).toEqual([]);
      }
    });
    const everything = JSON.stringify(
      await Promise.all(
        (['youths', 'events', 'pathway', 'appointments', 'reviews', 'accesses'] as const).map(
          (collection) => tablet.find(collection),
        ),
      ),
    );
    const raw = await tablet.rawText();
    for (const canary of CANARIES) {
      expect(everything).not.toContain(canary);
      expect(raw).not.toContain(canary);
    }
    expect(await world.server.storage.getDocument('events', offlineNote.id)).toBeNull();
    expect(await canariesOnServer(world)).toEqual([]);
  });
});
