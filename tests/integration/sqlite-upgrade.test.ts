/**
 * A SQLite file written by an earlier version of the server opens with what this version needs:
 * the revision scopes (who had a document at which rev) are filled in from what the file holds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { newId, newRev } from '../../src/domain/ids';
import { openSqliteStorage } from '../../sync-server/src/storage/sqlite';
import type { DocumentWrite } from '../../sync-server/src/storage/storage';

const dir = mkdtempSync(join(tmpdir(), 'relais-upgrade-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('fills in the revision scopes of a file written before they were recorded', async () => {
  const file = join(dir, 'relais.sqlite');
  const id = newId();
  const rev = newRev();
  const write: DocumentWrite = {
    collection: 'youths',
    id,
    rev,
    deleted: false,
    data: { id, rev },
    youthId: id,
    scope: { siteId: 'sees', ownerId: null },
    previousScope: null,
    previousData: null,
    writtenBy: 'tester',
    deviceId: null,
  };
  const storage = openSqliteStorage(file);
  await storage.write((tx) => tx.putDocuments([write]));
  const moved = { ...write, scope: { siteId: 'perseigne', ownerId: null } };
  await storage.write((tx) =>
    tx.putDocuments([{ ...moved, previousScope: write.scope, previousData: write.data }]),
  );
  await storage.close();
  // What an earlier version left: no revision_scopes table at all.
  const raw = new Database(file);
  raw.exec('DROP TABLE revision_scopes');
  raw.close();

  const upgraded = openSqliteStorage(file);
  const scopes = await upgraded.write((tx) => tx.getRevisionScopes('youths', id, rev));
  await upgraded.close();
  expect(scopes.map((scope) => scope.siteId).sort()).toEqual(['perseigne', 'sees']);
});
