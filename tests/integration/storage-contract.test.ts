/**
 * The contract every storage backend keeps (sync-server/src/storage/storage.ts), run against
 * SQLite and a real PostgreSQL server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CollectionName } from '../../src/domain/collections';
import { newId, newRev } from '../../src/domain/ids';
import { auditHash } from '../../sync-server/src/audit/chain';
import type { DocumentWrite, Storage } from '../../sync-server/src/storage/storage';
import { BACKENDS, storageFixture, type StorageFixture } from '../support/storages';
import Database from 'better-sqlite3';
import pg from 'pg';

/** Takes a database back to before the interim référent (issue 18) had its columns. */
async function dropInterimColumns(backend: string, location: string): Promise<void> {
  const statements = [
    'ALTER TABLE documents DROP COLUMN scope_interim',
    'ALTER TABLE documents DROP COLUMN prev_interim',
  ];
  if (backend === 'sqlite') {
    const db = new Database(location);
    for (const statement of statements) db.exec(statement);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  for (const statement of statements) await client.query(statement);
  await client.end();
}

function docWrite(
  overrides: Partial<DocumentWrite> & { data?: Record<string, unknown> } = {},
): DocumentWrite {
  const id = overrides.id ?? newId();
  const rev = overrides.rev ?? newRev();
  return {
    collection: 'youths' as CollectionName,
    id,
    rev,
    deleted: false,
    youthId: id,
    scope: { siteId: 'site-a', ownerId: null },
    previousScope: null,
    previousData: null,
    writtenBy: 'tester',
    deviceId: null,
    ...overrides,
    data: { id, rev, firstName: 'Inès', ...(overrides.data ?? {}) },
  };
}

describe.each(BACKENDS)('storage contract: %s', (backend) => {
  let fixture: StorageFixture;
  let storage: Storage;

  beforeEach(async () => {
    fixture = await storageFixture(backend);
    storage = await fixture.open();
  });

  afterEach(async () => {
    await storage.close();
    await fixture.dispose();
  });

  it('assigns strictly increasing sequence numbers in commit order, also under concurrent writers', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        storage.write((tx) =>
          tx.putDocuments([docWrite({ data: { n: i } }), docWrite({ data: { n: i } })]),
        ),
      ),
    );
    const seqs = results.flat().map((d) => d.seq);
    expect(new Set(seqs).size).toBe(40);
    for (const batch of results) expect(batch[1]!.seq).toBe(batch[0]!.seq + 1);
    const pulled = await storage.pull('youths', 0, 100, { all: true });
    expect(pulled.map((row) => row.document.seq)).toEqual([...seqs].sort((a, b) => a - b));
    expect(await storage.lastSeq()).toBe(Math.max(...seqs));
  });

  it('pulls after a checkpoint, in order, limited', async () => {
    const written = await storage.write((tx) =>
      tx.putDocuments([docWrite(), docWrite(), docWrite()]),
    );
    const page = await storage.pull('youths', written[0]!.seq, 1, { all: true });
    expect(page.map((row) => row.document.id)).toEqual([written[1]!.id]);
    expect(await storage.pull('events', 0, 10, { all: true })).toEqual([]);
  });

  it('keeps every revision and replaces the current state', async () => {
    const first = docWrite({ data: { firstName: 'Inès' } });
    await storage.write((tx) => tx.putDocuments([first]));
    const second = docWrite({ id: first.id, data: { firstName: 'Inès-Marie' } });
    await storage.write((tx) => tx.putDocuments([second]));
    const current = await storage.getDocument('youths', first.id);
    expect(current?.data.firstName).toBe('Inès-Marie');
    expect(current?.rev).toBe(second.rev);
    await storage.write(async (tx) => {
      expect(await tx.getRevision('youths', first.id, first.rev)).toMatchObject({
        firstName: 'Inès',
        _deleted: false,
      });
      expect(await tx.hasRevision('youths', first.id, second.rev)).toBe(true);
      expect(await tx.hasRevision('youths', first.id, 'unknown')).toBe(false);
    });
    expect(await storage.countDocuments('youths')).toBe(1);
  });

  it('rolls back everything a failed write did', async () => {
    const write = docWrite();
    await expect(
      storage.write(async (tx) => {
        await tx.putDocuments([write]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await storage.getDocument('youths', write.id)).toBeNull();
    expect(await storage.lastSeq()).toBe(0);
  });

  it('gives a site-scoped caller only its documents, and removals for what left its scope', async () => {
    const mine = docWrite({ scope: { siteId: 'site-a', ownerId: null } });
    const theirs = docWrite({ scope: { siteId: 'site-b', ownerId: null } });
    const referent = docWrite({ scope: { siteId: 'site-b', ownerId: 'user-1' } });
    const shared = docWrite({ collection: 'sites', scope: { siteId: null, ownerId: null } });
    const moved = docWrite({
      scope: { siteId: 'site-b', ownerId: null },
      previousScope: { siteId: 'site-a', ownerId: null },
      previousData: { id: 'x', old: true },
    });
    await storage.write((tx) => tx.putDocuments([mine, theirs, referent, moved]));
    await storage.write((tx) => tx.putDocuments([shared]));
    const visibility = { all: false as const, siteIds: ['site-a'], userId: 'user-1' };
    const rows = await storage.pull('youths', 0, 100, visibility);
    expect(rows.map((row) => [row.document.id, row.removal])).toEqual([
      [mine.id, false],
      [referent.id, false],
      [moved.id, true],
    ]);
    expect(rows[2]!.document.previousData).toEqual({ id: 'x', old: true });
    expect((await storage.pull('sites', 0, 10, visibility)).map((row) => row.document.id)).toEqual([
      shared.id,
    ]);
  });

  it('counts the live documents a caller may see, in all and after a seq', async () => {
    const first = docWrite({ scope: { siteId: 'site-a', ownerId: null } });
    const theirs = docWrite({ scope: { siteId: 'site-b', ownerId: null } });
    const referent = docWrite({ scope: { siteId: 'site-b', ownerId: 'user-1' } });
    const deleted = docWrite({ scope: { siteId: 'site-a', ownerId: null }, deleted: true });
    const [written] = await storage.write((tx) => tx.putDocuments([first]));
    await storage.write((tx) => tx.putDocuments([theirs, referent, deleted]));
    const visibility = { all: false as const, siteIds: ['site-a'], userId: 'user-1' };
    expect(await storage.countVisible('youths', 0, visibility)).toEqual({ total: 2, remaining: 2 });
    expect(await storage.countVisible('youths', written!.seq, visibility)).toEqual({
      total: 2,
      remaining: 1,
    });
    expect(await storage.countVisible('youths', 0, { all: true })).toEqual({
      total: 3,
      remaining: 3,
    });
    expect(await storage.countVisible('events', 0, { all: true })).toEqual({
      total: 0,
      remaining: 0,
    });
  });

  it('pulls as wire JSON exactly what pull gives, removals and deletions included', async () => {
    const mine = docWrite({ scope: { siteId: 'site-a', ownerId: null } });
    const gone = docWrite({ deleted: true, scope: { siteId: 'site-a', ownerId: null } });
    const moved = docWrite({
      scope: { siteId: 'site-b', ownerId: null },
      previousScope: { siteId: 'site-a', ownerId: null },
      previousData: { id: 'x', old: true },
    });
    await storage.write((tx) => tx.putDocuments([mine, gone, moved]));
    for (const visibility of [
      { all: true as const },
      { all: false as const, siteIds: ['site-a'], userId: 'user-1' },
    ]) {
      const rows = await storage.pull('youths', 0, 100, visibility);
      const wire = await storage.pullWire('youths', 0, 100, visibility);
      expect(wire.map((row) => row.seq)).toEqual(rows.map((row) => row.document.seq));
      expect(wire.map((row) => JSON.parse(row.json) as unknown)).toEqual(
        rows.map(({ document, removal }) =>
          removal
            ? { ...(document.previousData ?? document.data), _deleted: true }
            : { ...document.data, _deleted: document.deleted },
        ),
      );
    }
  });

  it('finds the documents attached to a young person', async () => {
    const youth = docWrite();
    const event = docWrite({ collection: 'events', youthId: youth.id });
    await storage.write((tx) =>
      tx.putDocuments([youth, event, docWrite({ collection: 'events', youthId: 'someone-else' })]),
    );
    await storage.write(async (tx) => {
      expect((await tx.getAttachedDocuments([youth.id])).map((d) => d.id)).toEqual([event.id]);
    });
  });

  it('finds the loans of some vehicles, and the dossiers a loan names (issue 16)', async () => {
    const [lent, other, untouched] = [docWrite(), docWrite(), docWrite()];
    const loan = (vehicleId: string, youthId: string, deleted = false) =>
      docWrite({
        collection: 'mobility',
        youthId,
        deleted,
        data: { kind: 'loan', vehicleId, youthId },
      });
    const loans = [loan('v1', lent.id), loan('v2', other.id, true), loan('v3', lent.id)];
    await storage.write((tx) => tx.putDocuments([lent, other, untouched, ...loans]));
    await storage.write(async (tx) => {
      const found = await tx.getLoansOfVehicles(['v1', 'v2']);
      expect(found.map((d) => d.id).sort()).toEqual([loans[0]!.id, loans[1]!.id].sort());
      expect(await tx.getLoansOfVehicles([])).toEqual([]);
    });
    const borrowers = await storage.listBorrowers();
    expect(borrowers.map((b) => b.id).sort()).toEqual([lent.id, other.id].sort());
    const seqOf = (id: string) => borrowers.find((b) => b.id === id)?.seq;
    expect(seqOf(lent.id)).toBe((await storage.getDocument('youths', lent.id))?.seq);
  });

  it('finds the dossiers merged into one, and every review naming some dossiers', async () => {
    const kept = docWrite();
    const redirect = docWrite({ data: { mergedInto: kept.id } });
    const review = (youthIds: string[] | undefined, status = 'open') => {
      const id = newId();
      return docWrite({
        id,
        collection: 'reviews',
        youthId: null,
        data: { kind: 'duplicate', status, ...(youthIds ? { youthIds } : {}) },
      });
    };
    const pair = review([kept.id, redirect.id], 'resolved');
    const other = review(['someone', 'else']);
    const none = review(undefined);
    await storage.write((tx) => tx.putDocuments([kept, redirect, docWrite(), pair, other, none]));
    await storage.write(async (tx) => {
      expect((await tx.listRedirects(kept.id)).map((d) => d.id)).toEqual([redirect.id]);
      expect(await tx.listRedirects(redirect.id)).toEqual([]);
      expect((await tx.listReviewsOfYouths([redirect.id])).map((d) => d.id)).toEqual([pair.id]);
      expect(await tx.listReviewsOfYouths([])).toEqual([]);
    });
  });

  it('erases the history of documents, and compacts', async () => {
    const first = docWrite({ data: { notes: 'v1' } });
    const kept = docWrite();
    await storage.write((tx) => tx.putDocuments([first, kept]));
    await storage.write((tx) =>
      tx.putDocuments([docWrite({ id: first.id, data: { notes: 'v2' } })]),
    );
    const erased = await storage.write(async (tx) => {
      const count = await tx.eraseHistory('youths', [first.id]);
      await tx.putDocuments([docWrite({ id: first.id, deleted: true, data: { notes: '' } })]);
      return count;
    });
    expect(erased).toBe(2);
    await storage.compact();
    await storage.write(async (tx) => {
      expect((await tx.getHistory('youths', first.id)).map((r) => r.data.notes)).toEqual(['']);
      expect(await tx.getHistory('youths', kept.id)).toHaveLength(1);
      expect(await tx.eraseHistory('youths', [])).toBe(0);
    });
    expect((await storage.getDocument('youths', first.id))?.deleted).toBe(true);
  });

  it('stores accounts, sessions, devices and the audit log', async () => {
    const account = {
      id: newId(),
      login: 'camille',
      name: 'Camille',
      role: 'conseiller' as const,
      siteIds: ['site-a'],
      passwordHash: 'h',
      disabled: false,
      createdAt: '2026-11-26T10:00:00.000Z',
    };
    await storage.write((tx) => tx.upsertAccount(account));
    expect(await storage.getAccountByLogin('camille')).toEqual(account);
    await storage.write((tx) => tx.upsertAccount({ ...account, disabled: true }));
    expect((await storage.getAccount(account.id))?.disabled).toBe(true);
    expect(await storage.listAccounts()).toHaveLength(1);

    const session = {
      tokenHash: 't',
      userId: account.id,
      deviceId: null,
      createdAt: 'a',
      expiresAt: 'b',
    };
    await storage.createSession(session);
    expect(await storage.getSession('t')).toEqual(session);
    await storage.deleteSession('t');
    expect(await storage.getSession('t')).toBeNull();

    const device = {
      id: newId(),
      userId: account.id,
      label: 'Tablette',
      appVersion: '1.0.0',
      firstSeenAt: 'a',
      lastSeenAt: 'b',
      pendingPushes: 3,
      lastError: null,
      revokedAt: null,
    };
    await storage.upsertDevice(device);
    await storage.upsertDevice({ ...device, pendingPushes: 0 });
    expect(await storage.getDevice(device.id)).toEqual({ ...device, pendingPushes: 0 });
    expect(await storage.listDevices()).toHaveLength(1);

    await storage.appendAudit([
      {
        at: 'a',
        userId: account.id,
        deviceId: null,
        address: '127.0.0.1',
        action: 'login',
        collection: null,
        documentId: null,
        details: { n: 1 },
      },
    ]);
    expect(await storage.listAudit(10)).toEqual([
      {
        at: 'a',
        userId: account.id,
        deviceId: null,
        address: '127.0.0.1',
        action: 'login',
        collection: null,
        documentId: null,
        details: { n: 1 },
      },
    ]);
  });

  it('chains the audit log, finds the rows of a dossier, and purges only what is past its retention', async () => {
    const row = (at: string, action: string, youthIds?: string[]) => ({
      at,
      userId: 'u1',
      deviceId: 'd1',
      address: '203.0.113.7',
      action,
      collection: 'youths',
      documentId: youthIds?.[0] ?? null,
      ...(youthIds ? { youthIds } : {}),
      details: { b: 2, a: [1, { z: true, y: null }] },
    });
    await storage.appendAudit([row('2025-01-01T00:00:00.000Z', 'pull', ['y1', 'y2'])]);
    await storage.write((tx) =>
      tx.appendAudit([
        row('2025-06-01T00:00:00.000Z', 'update', ['y2']),
        row('2026-11-01T00:00:00.000Z', 'login'),
      ]),
    );
    const all = await storage.readAudit(0, 10);
    expect(all.map((r) => r.action)).toEqual(['pull', 'update', 'login']);
    expect(all[0]!.prevHash).toBeNull();
    expect(all[1]!.prevHash).toBe(all[0]!.hash);
    expect(all[2]!.prevHash).toBe(all[1]!.hash);
    expect(all[2]!.hash).toBe(auditHash(all[1]!.hash, all[2]!));
    expect(all[0]!.hash).toBe(
      auditHash(null, row('2025-01-01T00:00:00.000Z', 'pull', ['y1', 'y2'])),
    );
    expect(await storage.readAudit(all[1]!.seq, 10)).toEqual([all[2]]);

    expect((await storage.listAuditOfYouth('y2', 10)).map((r) => r.action)).toEqual([
      'update',
      'pull',
    ]);
    expect(await storage.listAuditOfYouth('y3', 10)).toEqual([]);

    const purge = await storage.purgeAuditBefore('2025-12-01T00:00:00.000Z');
    expect(purge.purged).toBe(2);
    expect(purge.last?.hash).toBe(all[1]!.hash);
    expect((await storage.readAudit(0, 10)).map((r) => r.action)).toEqual(['login']);
    expect(await storage.listAuditOfYouth('y2', 10)).toEqual([]);
  });

  it("keeps each user's keys of a device apart, replaces them, and forgets them", async () => {
    const key = (userId: string, recoveryKey: string) => ({
      deviceId: 'device-1',
      userId,
      recoveryKey,
      renewTokenHash: `hash-${recoveryKey}`,
      updatedAt: '2026-11-26T10:00:00.000Z',
    });
    expect(await storage.getDeviceKey('device-1', 'u1')).toBeNull();
    await storage.putDeviceKey(key('u1', 'r1'));
    await storage.putDeviceKey(key('u2', 'r2'));
    await storage.putDeviceKey(key('u1', 'r1-bis'));
    expect(await storage.getDeviceKey('device-1', 'u1')).toEqual(key('u1', 'r1-bis'));
    expect(await storage.getDeviceKey('device-1', 'u2')).toEqual(key('u2', 'r2'));
    await storage.deleteDeviceKeys('device-1', 'u1');
    expect(await storage.getDeviceKey('device-1', 'u1')).toBeNull();
    expect(await storage.getDeviceKey('device-1', 'u2')).not.toBeNull();
    await storage.deleteDeviceKeys('device-1');
    expect(await storage.getDeviceKey('device-1', 'u2')).toBeNull();
  });

  it('ends every session of a device', async () => {
    const session = (tokenHash: string, deviceId: string) => ({
      tokenHash,
      userId: 'u1',
      deviceId,
      createdAt: '2026-11-26T10:00:00.000Z',
      expiresAt: '2026-11-26T22:00:00.000Z',
    });
    await storage.createSession(session('a', 'device-1'));
    await storage.createSession(session('b', 'device-1'));
    await storage.createSession(session('c', 'device-2'));
    await storage.deleteDeviceSessions('device-1');
    expect(await storage.getSession('a')).toBeNull();
    expect(await storage.getSession('b')).toBeNull();
    expect(await storage.getSession('c')).not.toBeNull();
  });

  it('keeps the settings of the Mission Locale', async () => {
    expect(await storage.getSetting('device-policy')).toBeNull();
    await storage.putSetting('device-policy', { lockAfterMinutes: 10, offlineGraceDays: 5 });
    await storage.putSetting('device-policy', { lockAfterMinutes: 20, offlineGraceDays: 5 });
    expect(await storage.getSetting('device-policy')).toEqual({
      lockAfterMinutes: 20,
      offlineGraceDays: 5,
    });
  });

  it('keeps what was committed across a reopen, and continues the sequence', async () => {
    const [first] = await storage.write((tx) => tx.putDocuments([docWrite()]));
    await storage.close();
    storage = await fixture.open();
    expect((await storage.getDocument('youths', first!.id))?.seq).toBe(first!.seq);
    const [second] = await storage.write((tx) => tx.putDocuments([docWrite()]));
    expect(second!.seq).toBeGreaterThan(first!.seq);
  });

  it('lists the identity of the dossiers written after a seq, for the duplicate index', async () => {
    const [kept, merged, gone] = await storage.write((tx) =>
      tx.putDocuments([
        docWrite({
          data: {
            firstName: 'Maëlys',
            lastName: 'Le Guen',
            birthDate: '2005',
            phone: '06 39 98 11 11',
          },
        }),
        docWrite({ data: { firstName: 'Rose', lastName: 'Lemaire', mergedInto: 'other' } }),
        docWrite({ deleted: true, data: { firstName: 'Axel', lastName: '' } }),
      ]),
    );
    await storage.write((tx) =>
      tx.putDocuments([docWrite({ collection: 'events', youthId: kept!.id })]),
    );
    const all = await storage.write((tx) => tx.listYouthIdentities(0));
    expect(all).toEqual([
      {
        id: kept!.id,
        seq: kept!.seq,
        live: true,
        siteId: 'site-a',
        firstName: 'Maëlys',
        lastName: 'Le Guen',
        birthDate: '2005',
        phone: '06 39 98 11 11',
      },
      {
        id: merged!.id,
        seq: merged!.seq,
        live: false,
        siteId: 'site-a',
        firstName: 'Rose',
        lastName: 'Lemaire',
      },
      {
        id: gone!.id,
        seq: gone!.seq,
        live: false,
        siteId: 'site-a',
        firstName: 'Axel',
        lastName: '',
      },
    ]);
    expect(
      (await storage.write((tx) => tx.listYouthIdentities(merged!.seq))).map((row) => row.id),
    ).toEqual([gone!.id]);
  });

  it('lists the duplicate pairs already recorded for some dossiers, in any status', async () => {
    const review = (id: string, kind: string, youthIds: string[], status = 'open') =>
      docWrite({
        id,
        collection: 'reviews',
        youthId: null,
        data: { kind, status, youthIds },
      });
    await storage.write((tx) =>
      tx.putDocuments([
        review('r1', 'duplicate', ['a', 'b']),
        review('r2', 'duplicate', ['c', 'a'], 'dismissed'),
        review('r3', 'duplicate', ['d', 'e']),
        review('r4', 'conflict', []),
      ]),
    );
    const pairs = await storage.write((tx) => tx.listDuplicatePairs(['a']));
    expect(pairs.sort()).toEqual([
      ['a', 'b'],
      ['c', 'a'],
    ]);
    expect(await storage.write((tx) => tx.listDuplicatePairs([]))).toEqual([]);
  });

  it('keeps the history of a document, newest first, with the device states merged into it', async () => {
    const first = docWrite({ data: { phone: '06 39 98 11 11' }, writtenBy: 'camille' });
    const [stored] = await storage.write((tx) => tx.putDocuments([first]));
    const second = docWrite({
      id: first.id,
      data: { phone: '06 39 98 22 22' },
      writtenBy: 'lucas',
      deviceId: 'tablette',
    });
    await storage.write(async (tx) => {
      await tx.absorbRevision(
        'youths',
        first.id,
        { rev: 'device-state', data: { id: first.id, phone: '06 39 98 33 33' }, deleted: false },
        stored!.seq,
        { writtenBy: 'yacine', deviceId: 'portable' },
      );
      return tx.putDocuments([second]);
    });
    const history = await storage.write((tx) => tx.getHistory('youths', first.id));
    expect(history.map((r) => [r.rev, r.writtenBy, r.deviceId, r.absorbed])).toEqual([
      [second.rev, 'lucas', 'tablette', false],
      [first.rev, 'camille', null, false],
      ['device-state', 'yacine', 'portable', true],
    ]);
    expect(history[2]!.data.phone).toBe('06 39 98 33 33');
    expect(await storage.write((tx) => tx.hasRevision('youths', first.id, 'device-state'))).toBe(
      true,
    );
    // A state merged in is history, never the master.
    expect((await storage.getDocument('youths', first.id))?.rev).toBe(second.rev);
  });

  it('records every scope a revision was stored under, restamps and merged states included', async () => {
    const written = docWrite({ scope: { siteId: 'sees', ownerId: 'camille' } });
    const [stored] = await storage.write((tx) => tx.putDocuments([written]));
    // The dossier is transferred: the same rev, restamped with the new scope.
    await storage.write((tx) =>
      tx.putDocuments([{ ...written, scope: { siteId: 'perseigne', ownerId: null } }]),
    );
    await storage.write((tx) =>
      tx.absorbRevision(
        'youths',
        written.id,
        { rev: 'device-state', data: { id: written.id }, deleted: false },
        stored!.seq,
        { writtenBy: 'yacine', deviceId: null },
      ),
    );
    const scopes = (rev: string) =>
      storage.write((tx) => tx.getRevisionScopes('youths', written.id, rev));
    const byKey = (a: { siteId: string | null }, b: { siteId: string | null }) =>
      String(a.siteId).localeCompare(String(b.siteId));
    expect((await scopes(written.rev)).sort(byKey)).toEqual([
      { siteId: 'perseigne', ownerId: null },
      { siteId: 'sees', ownerId: 'camille' },
    ]);
    expect(await scopes('device-state')).toEqual([{ siteId: 'perseigne', ownerId: null }]);
    expect(await scopes('unknown')).toEqual([]);
  });

  it('lets an interim référent see a dossier, and sends it a removal once the interim ends', async () => {
    const handed = docWrite({
      scope: { siteId: 'site-b', ownerId: 'camille', interimId: 'yacine' },
    });
    const other = docWrite({ scope: { siteId: 'site-b', ownerId: 'camille' } });
    const [stored] = await storage.write((tx) => tx.putDocuments([handed, other]));
    expect(stored!.scope).toEqual({ siteId: 'site-b', ownerId: 'camille', interimId: 'yacine' });
    const yacine = { all: false as const, siteIds: ['site-a'], userId: 'yacine' };
    const pulled = await storage.pull('youths', 0, 100, yacine);
    expect(pulled.map((row) => [row.document.id, row.removal])).toEqual([[handed.id, false]]);
    expect((await storage.pullWire('youths', 0, 100, yacine)).map((row) => row.seq)).toEqual([
      stored!.seq,
    ]);
    expect(await storage.countVisible('youths', 0, yacine)).toEqual({ total: 1, remaining: 1 });
    expect(
      (await storage.write((tx) => tx.getRevisionScopes('youths', handed.id, handed.rev))).sort(
        (a, b) => String(a.siteId).localeCompare(String(b.siteId)),
      ),
    ).toEqual([
      { siteId: null, ownerId: 'yacine' },
      { siteId: 'site-b', ownerId: 'camille' },
    ]);

    // The interim ends: the same dossier without the second owner.
    const ended = docWrite({
      id: handed.id,
      scope: { siteId: 'site-b', ownerId: 'camille' },
      previousScope: handed.scope,
      previousData: handed.data,
    });
    await storage.write((tx) => tx.putDocuments([ended]));
    const after = await storage.pull('youths', stored!.seq, 100, yacine);
    expect(after.map((row) => [row.document.id, row.removal])).toEqual([[handed.id, true]]);
    expect(after[0]!.document.scope).toEqual({ siteId: 'site-b', ownerId: 'camille' });
    expect(after[0]!.document.previousScope).toEqual(handed.scope);
    const wire = await storage.pullWire('youths', stored!.seq, 100, yacine);
    expect(JSON.parse(wire[0]!.json)).toMatchObject({ id: handed.id, _deleted: true });
    expect(await storage.countVisible('youths', 0, yacine)).toEqual({ total: 0, remaining: 0 });
  });

  it('adds the interim columns to a database written before them, keeping its rows', async () => {
    const before = docWrite({ scope: { siteId: 'site-b', ownerId: 'camille' } });
    await storage.write((tx) => tx.putDocuments([before]));
    await storage.close();
    // The database as the previous version of the server left it: no interim columns.
    await dropInterimColumns(backend, fixture.location!);
    storage = await fixture.open();
    const reopened = await storage.getDocument('youths', before.id);
    expect(reopened).toMatchObject({
      rev: before.rev,
      scope: { siteId: 'site-b', ownerId: 'camille' },
    });
    expect(reopened!.scope).not.toHaveProperty('interimId');
    const handed = { ...before, rev: newRev(), scope: { ...before.scope, interimId: 'yacine' } };
    await storage.write((tx) => tx.putDocuments([handed]));
    const yacine = { all: false as const, siteIds: [], userId: 'yacine' };
    expect((await storage.pull('youths', 0, 10, yacine)).map((row) => row.document.id)).toEqual([
      before.id,
    ]);
  });

  it('finds the reviews about some documents, open ones or all', async () => {
    const review = (id: string, documentId: string, status: string) =>
      docWrite({
        id,
        collection: 'reviews',
        youthId: null,
        data: { kind: 'conflict', status, documentId, field: 'phone' },
      });
    await storage.write((tx) =>
      tx.putDocuments([
        review('c1', 'doc-a', 'open'),
        review('c2', 'doc-a', 'resolved'),
        review('c3', 'doc-b', 'open'),
        review('c4', 'doc-c', 'open'),
      ]),
    );
    const open = await storage.write((tx) => tx.getOpenReviews(['doc-a', 'doc-b']));
    expect(open.map((r) => r.id).sort()).toEqual(['c1', 'c3']);
    expect(await storage.write((tx) => tx.getOpenReviews([]))).toEqual([]);
    const all = await storage.write((tx) => tx.getReviewsAbout(['doc-a', 'doc-b']));
    expect(all.map((r) => r.id).sort()).toEqual(['c1', 'c2', 'c3']);
    expect(await storage.write((tx) => tx.getReviewsAbout([]))).toEqual([]);
  });
});
