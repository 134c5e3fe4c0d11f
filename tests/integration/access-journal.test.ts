/**
 * Who opened this young person's file (issue 12, item 2): a dossier opened on a device writes an
 * access entry, offline too; it is pushed like the rest, never pulled back, and the server
 * records it with the session's user, device and address; direction reads the « Journal des
 * accès » of the dossier, and nobody else does.
 */
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/domain/access-journal';
import { ADVISER_SEES, DIRECTION } from '../support/accounts';
import { buildYouth, wire } from '../support/builders';
import { eventually, loggedInClient } from '../support/http';
import { syncWorld } from '../support/sync-world';

const world = syncWorld();

describe('the access journal of a dossier', () => {
  it('records a dossier opened offline once the device is back, with who, device and address', async () => {
    const youth = buildYouth({ referentId: ADVISER_SEES.id });
    const seeding = await loggedInClient(world.server.url, ADVISER_SEES.login);
    await seeding.push('youths', [{ newDocumentState: wire(youth) }]);

    const laptop = world.device(ADVISER_SEES.login);
    await laptop.sync();
    await laptop.setOnline(false);
    const opened = await laptop.insert('accesses', {
      id: '0190c000-0000-7000-a000-0000000acce5',
      youthId: youth.id,
      openedAt: new Date().toISOString(),
      rev: 'pending',
      updatedAt: new Date(0).toISOString(),
      updatedBy: 'pending',
    });
    // Not one of the user's modifications: nothing "waiting to be sent" for them to worry about.
    expect((await laptop.status()).pending).toBe(0);
    const before = (await world.server.storage.listAuditOfYouth(youth.id, 100)).filter(
      (row) => row.action === 'dossier-open',
    );
    expect(before).toEqual([]);

    await laptop.setOnline(true);
    const row = await eventually(async () => {
      const rows = (await world.server.storage.listAuditOfYouth(youth.id, 100)).filter(
        (r) => r.action === 'dossier-open',
      );
      expect(rows).toHaveLength(1);
      return rows[0]!;
    });
    expect(row).toMatchObject({
      userId: ADVISER_SEES.id,
      address: '127.0.0.1',
      collection: 'accesses',
      documentId: opened.id,
      youthIds: [youth.id],
    });
    expect(row.deviceId).toBeTruthy();
    // Who opened it is the session's user, whatever the device wrote.
    const stored = await world.server.storage.getDocument('accesses', String(opened.id));
    expect(stored?.data.updatedBy).toBe(ADVISER_SEES.id);

    const direction = await loggedInClient(world.server.url, DIRECTION.login);
    const { entries } = await direction.send<{ entries: JournalEntry[] }>(
      'GET',
      `/api/v1/youths/${youth.id}/journal`,
    );
    const open = entries.find((entry) => entry.action === 'dossier-open');
    expect(open).toMatchObject({
      user: { id: ADVISER_SEES.id, name: 'Camille Sées' },
      deviceId: row.deviceId,
      deviceLabel: 'test device',
      address: '127.0.0.1',
    });
    // The device never gets the journal back.
    await laptop.sync();
    expect((await laptop.find('accesses')).map((a) => a.id)).toEqual([opened.id]);
    expect((await seeding.pull('accesses', 0, 100)).documents).toEqual([]);
  });

  it('is read by the siège only', async () => {
    const youth = buildYouth({ referentId: ADVISER_SEES.id });
    const adviser = await loggedInClient(world.server.url, ADVISER_SEES.login);
    await adviser.push('youths', [{ newDocumentState: wire(youth) }]);
    const refused = await adviser
      .send('GET', `/api/v1/youths/${youth.id}/journal`)
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
  });
});
