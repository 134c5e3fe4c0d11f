/**
 * The audit log answers "who saw or changed this young person's file, when, from which device
 * and address" (issue 12, item 2): every data route and every admin command leaves its row, with
 * the user, the device, the address as the trusted proxy saw it, and the dossiers concerned; and
 * `audit:verify` finds a row deleted or edited in a copy of the database.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient, type LoginAnswer } from '../../src/sync/api';
import { connectEventStream } from '../../src/sync/sse';
import type { AuditRecord } from '../../sync-server/src/storage/storage';
import {
  ADVISER_SEES,
  ADVISER_SEES_2,
  DIRECTION,
  PASSWORD,
  createTestAccounts,
} from '../support/accounts';
import { buildEvent, buildYouth, wire } from '../support/builders';
import { createDeviceFetch } from '../support/cookie-fetch';
import { eventually } from '../support/http';
import { storeDuplicateReview } from '../support/reviews';
import { startTestServer, type TestServer } from '../support/server';

/** The client's address, as the reverse proxy on the server's machine forwards it. */
const ADDRESS = '203.0.113.7';

interface Client {
  api: ApiClient;
  deviceId: string;
  login: LoginAnswer;
}

describe('the audit log of the data routes', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startTestServer({ trustProxy: 'loopback' });
    await createTestAccounts(server.storage);
  });

  afterEach(async () => {
    await server.close();
  });

  /** A device behind the proxy: every request carries the address the proxy saw. */
  async function device(login: string, address = ADDRESS): Promise<Client> {
    const network = createDeviceFetch();
    const behindProxy: typeof fetch = (input, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('x-forwarded-for', address);
      return network.fetch(input, { ...init, headers });
    };
    const api = createApiClient({ baseUrl: server.url, fetch: behindProxy });
    const deviceId = randomUUID();
    return {
      api,
      deviceId,
      login: await api.login(login, PASSWORD, { id: deviceId, label: 'Portable' }),
    };
  }

  async function rows(): Promise<AuditRecord[]> {
    return server.storage.readAudit(0, 10_000);
  }

  /** The one row of `action` after `since`, checked for its user, device and address. */
  async function row(action: string, who: Client | null, since: number): Promise<AuditRecord> {
    const found = (await rows()).filter((r) => r.seq > since && r.action === action);
    expect(found, action).toHaveLength(1);
    const record = found[0]!;
    expect(record.address, action).toBe(ADDRESS);
    if (who) {
      expect(record.userId, action).toBe(who.login.user.id);
      expect(record.deviceId, action).toBe(who.deviceId);
    }
    return record;
  }

  async function lastSeq(): Promise<number> {
    return (await rows()).at(-1)?.seq ?? 0;
  }

  it('records every data route with user, device, address and dossier ids', async () => {
    const camille = await device(ADVISER_SEES.login);
    await row('login', camille, 0);
    const youth = buildYouth({ referentId: ADVISER_SEES.id });
    const other = buildYouth({ firstName: 'Inés', referentId: ADVISER_SEES.id });

    let since = await lastSeq();
    await camille.api.push('youths', [{ newDocumentState: wire(youth) }]);
    expect((await row('create', camille, since)).youthIds).toEqual([youth.id]);

    since = await lastSeq();
    const refused = await camille.api.push('youths', [
      { newDocumentState: wire(buildYouth({ consent: undefined })) },
    ]);
    expect(refused.refused).toHaveLength(1);
    expect((await row('push-refused', camille, since)).details).toEqual({
      code: 'CONSENT_REQUIRED',
    });

    since = await lastSeq();
    await camille.api.pull('youths', 0, 100);
    expect((await row('pull', camille, since)).youthIds).toEqual([youth.id]);

    // The stream: what another device writes reaches camille's, and says so in the log.
    const received: string[] = [];
    const stream = connectEventStream(
      `${server.url}/api/v1/sync/stream`,
      {
        onMessage: (data) => received.push(data),
        onOpen: () => undefined,
        onClose: () => undefined,
      },
      { fetch: camille.api.fetch },
    );
    await eventually(async () => expect(received).toContain('RESYNC'));
    since = await lastSeq();
    const lucas = await device(ADVISER_SEES_2.login);
    const event = buildEvent({ youthId: youth.id });
    await lucas.api.push('events', [{ newDocumentState: wire(event) }]);
    await eventually(async () => {
      const streamed = (await rows()).filter((r) => r.seq > since && r.action === 'stream');
      expect(streamed).toHaveLength(1);
      expect(streamed[0]).toMatchObject({
        userId: ADVISER_SEES.id,
        deviceId: camille.deviceId,
        address: ADDRESS,
        collection: 'events',
        youthIds: [youth.id],
      });
    });
    stream.close();

    since = await lastSeq();
    await camille.api.registerRecoveryKey(`${'A'.repeat(43)}=`);
    await row('device-key-register', camille, since);

    since = await lastSeq();
    await camille.api.renewSession({
      deviceId: camille.deviceId,
      userId: ADVISER_SEES.id,
      token: camille.login.deviceKey!.renewToken,
    });
    await row('session-renew', camille, since);

    // The siège: the devices board, a revocation, a review decision, a setting.
    const direction = await device(DIRECTION.login);
    since = await lastSeq();
    await direction.api.send('GET', '/api/v1/devices');
    await row('devices-read', direction, since);

    await camille.api.push('youths', [{ newDocumentState: wire(other) }]);
    const pair = await storeDuplicateReview(server.storage, [youth.id, other.id]);
    since = await lastSeq();
    await direction.api.send('POST', `/api/v1/reviews/${pair.id}/dismiss`, {});
    expect((await row('review-dismiss', direction, since)).youthIds).toEqual([youth.id, other.id]);

    // Two advisers change the same phone from the same master: the siège settles the conflict.
    const pulled = await camille.api.pull('youths', 0, 100);
    const master = pulled.documents.find((doc) => doc.id === youth.id)!;
    for (const [adviser, phone] of [
      [camille, '06 39 98 11 11'],
      [lucas, '06 39 98 22 22'],
    ] as const) {
      await adviser.api.push('youths', [
        {
          newDocumentState: wire({ ...master, rev: randomUUID(), phone }),
          assumedMasterState: master,
        },
      ]);
    }
    const conflict = (await server.storage.pull('reviews', 0, 100, { all: true }))
      .map(({ document }) => document)
      .find((doc) => doc.data.kind === 'conflict' && doc.data.documentId === youth.id)!;
    since = await lastSeq();
    await direction.api.send('POST', `/api/v1/reviews/${conflict.id}/resolve`, { choice: 0 });
    expect((await row('review-resolve', direction, since)).youthIds).toEqual([youth.id]);

    // A probable duplicate merged at the siège.
    const [keep, twin] = [buildYouth({ referentId: ADVISER_SEES.id }), buildYouth()];
    await camille.api.push(
      'youths',
      [keep, twin].map((y) => ({ newDocumentState: wire(y) })),
    );
    const duplicate = await storeDuplicateReview(server.storage, [keep.id, twin.id]);
    since = await lastSeq();
    await direction.api.send('POST', `/api/v1/reviews/${duplicate.id}/merge`, { keepId: keep.id });
    expect((await row('dossier-merge', direction, since)).youthIds).toEqual([keep.id, twin.id]);

    since = await lastSeq();
    await direction.api.send('PUT', '/api/v1/settings/device-policy', {
      lockAfterMinutes: 10,
      offlineGraceDays: 5,
    });
    await row('settings-device-policy', direction, since);

    // A dossier opened on camille's device; the siège's journal, export and erasure.
    since = await lastSeq();
    await camille.api.push('accesses', [
      {
        newDocumentState: wire({
          id: randomUUID(),
          rev: 'r-open',
          updatedAt: new Date().toISOString(),
          updatedBy: ADVISER_SEES.id,
          youthId: youth.id,
          openedAt: new Date().toISOString(),
        }),
      },
    ]);
    expect((await row('dossier-open', camille, since)).youthIds).toEqual([youth.id]);

    since = await lastSeq();
    await direction.api.send('GET', `/api/v1/youths/${youth.id}/journal`);
    expect((await row('journal-read', direction, since)).youthIds).toEqual([youth.id]);

    since = await lastSeq();
    await direction.api.fetch(`${server.url}/api/v1/youths/${youth.id}/export?format=json`);
    expect((await row('dossier-export', direction, since)).youthIds).toEqual([youth.id]);

    since = await lastSeq();
    await direction.api.send('POST', `/api/v1/youths/${other.id}/erase`, {
      confirmation: `${other.firstName} ${other.lastName}`,
    });
    expect((await row('dossier-erase', direction, since)).youthIds).toEqual([other.id]);

    since = await lastSeq();
    await direction.api.send('POST', `/api/v1/devices/${lucas.deviceId}/revoke`);
    expect((await row('device-revoke', direction, since)).documentId).toBe(lucas.deviceId);

    since = await lastSeq();
    const kept = { ...event, id: randomUUID(), rev: 'r-offline' };
    await lucas.api.surrender(
      {
        deviceId: lucas.deviceId,
        userId: ADVISER_SEES_2.id,
        token: lucas.login.deviceKey!.renewToken,
      },
      [{ collection: 'events', document: wire(kept) }],
    );
    expect((await row('device-surrender', lucas, since)).youthIds).toEqual([youth.id]);

    since = await lastSeq();
    await camille.api.logout();
    await row('logout', camille, since);

    // Failed and throttled logins, from another address behind the proxy.
    since = await lastSeq();
    const stranger = createApiClient({
      baseUrl: server.url,
      fetch: (input, init = {}) =>
        fetch(input, { ...init, headers: { ...init.headers, 'x-forwarded-for': ADDRESS } }),
    });
    for (let i = 0; i < 6; i += 1)
      await stranger.login('inconnu', 'mauvais').catch(() => undefined);
    const failed = (await rows()).filter((r) => r.seq > since && r.action === 'login-failed');
    expect(failed).toHaveLength(5);
    expect(failed[0]).toMatchObject({ address: ADDRESS, details: { login: 'inconnu' } });
    await row('login-throttled', null, since);
  });
});

describe('the audit log of the admin commands, and its verification', () => {
  let dataDir: string;
  let copyDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'relais-audit-'));
    copyDir = mkdtempSync(join(tmpdir(), 'relais-audit-copy-'));
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(copyDir, { recursive: true, force: true });
  });

  function admin(args: string[], input = '', dir = dataDir) {
    const result = spawnSync('node', ['--import', 'tsx', 'sync-server/src/cli/admin.ts', ...args], {
      input,
      encoding: 'utf8',
      env: { ...process.env, RELAIS_DATA_DIR: dir, RELAIS_DEMO: '0' },
    });
    return { code: result.status, out: result.stdout, err: result.stderr };
  }

  function auditRows(dir: string): { seq: number; action: string; address: string }[] {
    const db = new Database(join(dir, 'relais.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT seq, action, address FROM audit ORDER BY seq').all() as {
        seq: number;
        action: string;
        address: string;
      }[];
    } finally {
      db.close();
    }
  }

  it('writes each command to the log, and audit:verify finds a deleted and an edited row', () => {
    expect(
      admin(['user:create', '--login', 'admin', '--role', 'admin'], 'Un-Mot-De-Passe-2026\n').code,
    ).toBe(0);
    expect(admin(['user:list']).code).toBe(0);
    expect(admin(['user:password', '--login', 'admin'], 'Nouveau-Mot-2027!\n').code).toBe(0);
    expect(admin(['site:list']).code).toBe(0);
    expect(admin(['user:disable', '--login', 'admin']).code).toBe(0);
    const dryRun = admin(['retention:run', '--dry-run']);
    expect(dryRun.code).toBe(0);
    expect(dryRun.out).toContain('0 dossier(s) seraient anonymisés');
    const retention = admin(['retention:run']);
    expect(retention.code).toBe(0);
    expect(retention.out).toContain("Journal d'audit : 0 ligne(s)");
    const verified = admin(['audit:verify']);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('chaîne intacte');
    expect(auditRows(dataDir).map((r) => [r.action, r.address])).toEqual([
      ['cli:user:create', 'cli'],
      ['cli:user:list', 'cli'],
      ['cli:user:password', 'cli'],
      ['cli:site:list', 'cli'],
      ['cli:user:disable', 'cli'],
      ['retention-dry-run', 'cli'],
      ['cli:retention:run', 'cli'],
      ['retention-run', 'cli'],
      ['cli:retention:run', 'cli'],
      ['cli:audit:verify', 'cli'],
    ]);

    // A copy of the database, as someone with the file would change it: trigger dropped first.
    const tamper = (change: (db: Database.Database) => void) => {
      const source = new Database(join(dataDir, 'relais.sqlite'));
      rmSync(join(copyDir, 'relais.sqlite'), { force: true });
      source.exec(`VACUUM INTO '${join(copyDir, 'relais.sqlite')}'`);
      source.close();
      const copy = new Database(join(copyDir, 'relais.sqlite'));
      copy.exec('DROP TRIGGER IF EXISTS audit_is_append_only_update');
      copy.exec('DROP TRIGGER IF EXISTS audit_is_append_only_delete');
      change(copy);
      copy.close();
      return admin(['audit:verify'], '', copyDir);
    };
    const [, second, third] = auditRows(dataDir);
    const deleted = tamper((db) => db.prepare('DELETE FROM audit WHERE seq = ?').run(second!.seq));
    expect(deleted.code).toBe(1);
    expect(deleted.out).toContain(`CHAÎNE ROMPUE à la ligne n° ${third!.seq}`);
    expect(deleted.out).toContain(`ne suit pas la ligne n° ${second!.seq - 1}`);

    const edited = tamper((db) =>
      db.prepare("UPDATE audit SET details = '{}' WHERE seq = ?").run(second!.seq),
    );
    expect(edited.code).toBe(1);
    expect(edited.out).toContain(
      `CHAÎNE ROMPUE à la ligne n° ${second!.seq} : son contenu a été modifié`,
    );
  });
});
