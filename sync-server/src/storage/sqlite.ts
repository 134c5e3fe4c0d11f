/**
 * SQLite storage (better-sqlite3): the embedded default. WAL with `synchronous=FULL` so an
 * acknowledged write survives a power cut. One connection writes inside an immediate
 * transaction held by an async mutex (pulls never see uncommitted rows: they use a second,
 * read-only connection, which WAL lets read the last committed snapshot).
 */
import Database from 'better-sqlite3';
import { toDeviceKey, type DeviceKeyRow } from './device-key-row';
import type { CollectionName } from '../../../src/domain/collections';
import type { PlainDocument } from '../../../src/domain/merge';
import { chainLinks } from '../audit/chain';
import { Mutex } from './mutex';
import type {
  Account,
  AuditEntry,
  AuditRecord,
  Device,
  DeviceKey,
  DocumentWrite,
  RevisionRecord,
  PulledRow,
  Session,
  Storage,
  StoredDocument,
  Visibility,
  WriteTransaction,
  YouthIdentityRow,
} from './storage';
import { revisionScopeKeys, storedScope } from './storage';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  seq INTEGER NOT NULL UNIQUE,
  rev TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  youth_id TEXT,
  scope_site TEXT,
  scope_owner TEXT,
  prev_site TEXT,
  prev_owner TEXT,
  prev_data TEXT,
  data TEXT NOT NULL,
  PRIMARY KEY (collection, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS documents_by_seq ON documents (collection, seq);
CREATE INDEX IF NOT EXISTS documents_by_youth ON documents (youth_id) WHERE youth_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS revisions (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  rev TEXT NOT NULL,
  seq INTEGER NOT NULL,
  deleted INTEGER NOT NULL,
  data TEXT NOT NULL,
  written_by TEXT NOT NULL,
  device_id TEXT,
  absorbed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (collection, id, rev)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS revision_scopes (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  rev TEXT NOT NULL,
  scope_site TEXT NOT NULL,
  scope_owner TEXT NOT NULL,
  PRIMARY KEY (collection, id, rev, scope_site, scope_owner)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS reviews_by_document ON documents (json_extract(data, '$.documentId'))
  WHERE collection = 'reviews';
CREATE INDEX IF NOT EXISTS loans_by_vehicle ON documents (json_extract(data, '$.vehicleId'))
  WHERE collection = 'mobility';
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  site_ids TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  device_id TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  label TEXT NOT NULL,
  app_version TEXT,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  pending_pushes INTEGER,
  last_error TEXT,
  revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS device_keys (
  device_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  recovery_key TEXT,
  renew_token_hash TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (device_id, user_id)
);
CREATE TABLE IF NOT EXISTS settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS export_marks (
  target TEXT NOT NULL,
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  rev TEXT NOT NULL,
  export_id TEXT NOT NULL,
  exported_at TEXT NOT NULL,
  PRIMARY KEY (target, collection, id)
);
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  user_id TEXT,
  device_id TEXT,
  action TEXT NOT NULL,
  collection TEXT,
  document_id TEXT,
  details TEXT
);
CREATE TRIGGER IF NOT EXISTS audit_is_append_only_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
`;

/**
 * Added by issue 12 (after the columns, which older files get from migrate()): the dossiers of
 * each row, its hash chain, and the retention horizon — rows at or before it are the only ones
 * the append-only guard lets be deleted.
 */
const AUDIT_SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_youths (
  youth_id TEXT NOT NULL,
  audit_seq INTEGER NOT NULL,
  PRIMARY KEY (youth_id, audit_seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS audit_horizon (up_to_seq INTEGER NOT NULL);
DROP TRIGGER IF EXISTS audit_is_append_only_delete;
CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
  WHEN OLD.seq > (SELECT COALESCE(MAX(up_to_seq), 0) FROM audit_horizon)
  BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
`;

const AUDIT_COLUMNS = ['address', 'youth_ids', 'prev_hash', 'hash'];

interface DocumentRow {
  collection: string;
  id: string;
  seq: number;
  rev: string;
  deleted: number;
  youth_id: string | null;
  scope_site: string | null;
  scope_owner: string | null;
  scope_interim: string | null;
  prev_site: string | null;
  prev_owner: string | null;
  prev_interim: string | null;
  prev_data: string | null;
  data: string;
}

interface AccountRow {
  id: string;
  login: string;
  name: string;
  role: string;
  site_ids: string;
  password_hash: string;
  disabled: number;
  created_at: string;
}

interface DeviceRow {
  id: string;
  user_id: string;
  label: string;
  app_version: string | null;
  first_seen_at: string;
  last_seen_at: string;
  pending_pushes: number | null;
  last_error: string | null;
  revoked_at: string | null;
}

interface AuditRow {
  seq: number;
  at: string;
  user_id: string | null;
  device_id: string | null;
  address: string | null;
  action: string;
  collection: string | null;
  document_id: string | null;
  youth_ids: string | null;
  details: string | null;
  prev_hash: string | null;
  hash: string | null;
}

function toAuditRecord(row: AuditRow): AuditRecord {
  return {
    seq: row.seq,
    at: row.at,
    userId: row.user_id,
    deviceId: row.device_id,
    address: row.address,
    action: row.action,
    collection: row.collection,
    documentId: row.document_id,
    ...(row.youth_ids ? { youthIds: JSON.parse(row.youth_ids) as string[] } : {}),
    details: row.details ? (JSON.parse(row.details) as unknown) : undefined,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

interface RevisionRow {
  rev: string;
  seq: number;
  deleted: number;
  data: string;
  written_by: string;
  device_id: string | null;
  absorbed: number;
}

/**
 * Files created before the `absorbed` column get it (CREATE TABLE IF NOT EXISTS does not), and
 * files written before `revision_scopes` get the scopes they can tell: each revision is taken
 * as seen by the document's current scope and the one before its last transfer.
 */
function migrate(db: Database.Database): void {
  const columns = db.prepare('PRAGMA table_info(revisions)').all() as { name: string }[];
  if (!columns.some((column) => column.name === 'absorbed')) {
    db.exec('ALTER TABLE revisions ADD COLUMN absorbed INTEGER NOT NULL DEFAULT 0');
  }
  const audit = (db.prepare('PRAGMA table_info(audit)').all() as { name: string }[]).map(
    (column) => column.name,
  );
  for (const column of AUDIT_COLUMNS) {
    if (!audit.includes(column)) db.exec(`ALTER TABLE audit ADD COLUMN ${column} TEXT`);
  }
  db.exec(AUDIT_SCHEMA);
  // The second owner of a temporary handover (issue 18): rows written before it have nobody
  // standing in, which NULL says.
  const documents = (db.prepare('PRAGMA table_info(documents)').all() as { name: string }[]).map(
    (column) => column.name,
  );
  for (const column of ['scope_interim', 'prev_interim']) {
    if (!documents.includes(column)) db.exec(`ALTER TABLE documents ADD COLUMN ${column} TEXT`);
  }
  const recorded = db.prepare('SELECT 1 FROM revision_scopes LIMIT 1').get();
  if (!recorded) db.exec(BACKFILL_REVISION_SCOPES);
}

const BACKFILL_REVISION_SCOPES = `
INSERT OR IGNORE INTO revision_scopes (collection, id, rev, scope_site, scope_owner)
  SELECT r.collection, r.id, r.rev, COALESCE(d.scope_site, ''), COALESCE(d.scope_owner, '')
  FROM revisions r JOIN documents d ON d.collection = r.collection AND d.id = r.id
  UNION
  SELECT r.collection, r.id, r.rev, COALESCE(d.prev_site, ''), COALESCE(d.prev_owner, '')
  FROM revisions r JOIN documents d ON d.collection = r.collection AND d.id = r.id
  WHERE d.prev_site IS NOT NULL OR d.prev_owner IS NOT NULL`;

/** '' stands for "no site" or "no owner" in `revision_scopes`, whose key allows no NULL. */
function scopeKey(value: string | null): string {
  return value ?? '';
}

function scopeValue(key: string): string | null {
  return key === '' ? null : key;
}

function toStored(row: DocumentRow): StoredDocument {
  return {
    collection: row.collection as CollectionName,
    id: row.id,
    seq: row.seq,
    rev: row.rev,
    deleted: row.deleted === 1,
    data: JSON.parse(row.data) as PlainDocument,
    youthId: row.youth_id,
    scope: storedScope(row.scope_site, row.scope_owner, row.scope_interim),
    previousScope:
      row.prev_site === null && row.prev_owner === null && row.prev_interim === null
        ? null
        : storedScope(row.prev_site, row.prev_owner, row.prev_interim),
    previousData: row.prev_data ? (JSON.parse(row.prev_data) as PlainDocument) : null,
  };
}

interface YouthIdentitySqlRow {
  id: string;
  seq: number;
  deleted: number;
  siteId: string | null;
  firstName: unknown;
  lastName: unknown;
  birthName: unknown;
  birthDate: unknown;
  phone: unknown;
  mergedInto: unknown;
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function toYouthIdentity(row: YouthIdentitySqlRow): YouthIdentityRow {
  const birthName = optionalText(row.birthName);
  const birthDate = optionalText(row.birthDate);
  const phone = optionalText(row.phone);
  return {
    id: row.id,
    seq: row.seq,
    live: row.deleted === 0 && optionalText(row.mergedInto) === undefined,
    siteId: row.siteId,
    firstName: optionalText(row.firstName) ?? '',
    lastName: optionalText(row.lastName) ?? '',
    ...(birthName ? { birthName } : {}),
    ...(birthDate ? { birthDate } : {}),
    ...(phone ? { phone } : {}),
  };
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    login: row.login,
    name: row.name,
    role: row.role as Account['role'],
    siteIds: JSON.parse(row.site_ids) as string[],
    passwordHash: row.password_hash,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
  };
}

function toDevice(row: DeviceRow): Device {
  return {
    id: row.id,
    userId: row.user_id,
    label: row.label,
    appVersion: row.app_version,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    pendingPushes: row.pending_pushes,
    lastError: row.last_error,
    revokedAt: row.revoked_at,
  };
}

/** `(?, ?, …)` for an IN list; SQLite's limit on variables is far above our batch sizes. */
/**
 * The stored JSON text of a document (as written by JSON.stringify, never with `_deleted`) with
 * RxDB's deletion flag appended: the wire format, without a parse and a stringify.
 */
function withDeletedFlag(json: string, deleted: boolean): string {
  const flag = `"_deleted":${deleted}}`;
  return json === '{}' ? `{${flag}` : `${json.slice(0, -1)},${flag}`;
}

function placeholders(count: number): string {
  return `(${new Array(count).fill('?').join(', ')})`;
}

export function openSqliteStorage(file: string): Storage {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  migrate(db);
  // Pulls read the last committed snapshot through their own connection.
  const reader = file === ':memory:' ? db : new Database(file, { readonly: true });
  reader.pragma('busy_timeout = 5000');

  const writeMutex = new Mutex();
  const statements = {
    maxSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM documents'),
    upsertDocument: db.prepare(`
      INSERT INTO documents (collection, id, seq, rev, deleted, youth_id, scope_site, scope_owner,
                             scope_interim, prev_site, prev_owner, prev_interim, prev_data, data)
      VALUES (@collection, @id, @seq, @rev, @deleted, @youthId, @scopeSite, @scopeOwner,
              @scopeInterim, @prevSite, @prevOwner, @prevInterim, @prevData, @data)
      ON CONFLICT (collection, id) DO UPDATE SET
        seq = excluded.seq, rev = excluded.rev, deleted = excluded.deleted,
        youth_id = excluded.youth_id, scope_site = excluded.scope_site,
        scope_owner = excluded.scope_owner, scope_interim = excluded.scope_interim,
        prev_site = excluded.prev_site, prev_owner = excluded.prev_owner,
        prev_interim = excluded.prev_interim, prev_data = excluded.prev_data, data = excluded.data`),
    insertRevision: db.prepare(`
      INSERT OR IGNORE INTO revisions (collection, id, rev, seq, deleted, data, written_by,
                                       device_id, absorbed)
      VALUES (@collection, @id, @rev, @seq, @deleted, @data, @writtenBy, @deviceId, @absorbed)`),
    history: db.prepare(
      `SELECT rev, seq, deleted, data, written_by, device_id, absorbed FROM revisions
       WHERE collection = ? AND id = ? ORDER BY seq DESC, absorbed ASC`,
    ),
    youthIdentities: db.prepare(`
      SELECT id, seq, deleted, scope_site AS siteId,
             json_extract(data, '$.firstName') AS firstName,
             json_extract(data, '$.lastName') AS lastName,
             json_extract(data, '$.birthName') AS birthName,
             json_extract(data, '$.birthDate') AS birthDate,
             json_extract(data, '$.phone') AS phone,
             json_extract(data, '$.mergedInto') AS mergedInto
      FROM documents WHERE collection = 'youths' AND seq > ? ORDER BY seq`),
    duplicatePairs: db.prepare(`
      SELECT json_extract(data, '$.youthIds[0]') AS a, json_extract(data, '$.youthIds[1]') AS b
      FROM documents
      WHERE collection = 'reviews' AND json_extract(data, '$.kind') = 'duplicate'`),
    getRevision: db.prepare(
      'SELECT data, deleted FROM revisions WHERE collection = ? AND id = ? AND rev = ?',
    ),
    insertRevisionScope: db.prepare(`
      INSERT OR IGNORE INTO revision_scopes (collection, id, rev, scope_site, scope_owner)
      VALUES (?, ?, ?, ?, ?)`),
    insertCurrentScope: db.prepare(`
      INSERT OR IGNORE INTO revision_scopes (collection, id, rev, scope_site, scope_owner)
      SELECT collection, id, @rev, COALESCE(scope_site, ''), COALESCE(scope_owner, '')
      FROM documents WHERE collection = @collection AND id = @id
      UNION
      SELECT collection, id, @rev, '', scope_interim
      FROM documents WHERE collection = @collection AND id = @id AND scope_interim IS NOT NULL`),
    revisionScopes: db.prepare(
      `SELECT scope_site, scope_owner FROM revision_scopes
       WHERE collection = ? AND id = ? AND rev = ?`,
    ),
    upsertAccount: db.prepare(`
      INSERT INTO accounts (id, login, name, role, site_ids, password_hash, disabled, created_at)
      VALUES (@id, @login, @name, @role, @siteIds, @passwordHash, @disabled, @createdAt)
      ON CONFLICT (id) DO UPDATE SET login = excluded.login, name = excluded.name,
        role = excluded.role, site_ids = excluded.site_ids,
        password_hash = excluded.password_hash, disabled = excluded.disabled`),
    insertAudit: db.prepare(`
      INSERT INTO audit (at, user_id, device_id, address, action, collection, document_id,
                         youth_ids, details, prev_hash, hash)
      VALUES (@at, @userId, @deviceId, @address, @action, @collection, @documentId, @youthIds,
              @details, @prevHash, @hash)`),
    insertAuditYouth: db.prepare(
      'INSERT OR IGNORE INTO audit_youths (youth_id, audit_seq) VALUES (?, ?)',
    ),
    lastAuditHash: db.prepare('SELECT hash FROM audit ORDER BY seq DESC LIMIT 1'),
  };

  /** Appends rows chained to the last one; always run by the one writer (writeMutex). */
  function appendAuditNow(entries: AuditEntry[]): void {
    if (entries.length === 0) return;
    const last = statements.lastAuditHash.get() as { hash: string | null } | undefined;
    const links = chainLinks(last?.hash ?? null, entries);
    entries.forEach((entry, i) => {
      const { lastInsertRowid } = statements.insertAudit.run({
        at: entry.at,
        userId: entry.userId,
        deviceId: entry.deviceId,
        address: entry.address ?? null,
        action: entry.action,
        collection: entry.collection,
        documentId: entry.documentId,
        youthIds: entry.youthIds?.length ? JSON.stringify(entry.youthIds) : null,
        details: entry.details === undefined ? null : JSON.stringify(entry.details),
        ...links[i]!,
      });
      for (const youthId of new Set(entry.youthIds ?? [])) {
        statements.insertAuditYouth.run(youthId, lastInsertRowid);
      }
    });
  }

  function selectDocuments(collection: CollectionName, ids: string[]): Map<string, StoredDocument> {
    const found = new Map<string, StoredDocument>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = db
        .prepare(
          `SELECT * FROM documents WHERE collection = ? AND id IN ${placeholders(chunk.length)}`,
        )
        .all(collection, ...chunk) as DocumentRow[];
      for (const row of rows) found.set(row.id, toStored(row));
    }
    return found;
  }

  /** The rows a pull returns, in `seq` order; `visible` is 0 for the ones to send as removals. */
  function selectPulled(
    collection: CollectionName,
    sinceSeq: number,
    limit: number,
    visibility: Visibility,
  ): (DocumentRow & { visible: number })[] {
    if (visibility.all) {
      return reader
        .prepare(
          `SELECT *, 1 AS visible FROM documents WHERE collection = ? AND seq > ?
           ORDER BY seq LIMIT ?`,
        )
        .all(collection, sinceSeq, limit) as (DocumentRow & { visible: number })[];
    }
    const sites = visibility.siteIds.length > 0 ? visibility.siteIds : [''];
    const inSites = placeholders(sites.length);
    const visibleNow = `((scope_site IS NULL AND scope_owner IS NULL)
        OR scope_site IN ${inSites} OR ? IN (scope_owner, scope_interim))`;
    const visibleBefore = `(prev_site IN ${inSites} OR ? IN (prev_owner, prev_interim))`;
    return reader
      .prepare(
        `SELECT *, ${visibleNow} AS visible FROM documents
         WHERE collection = ? AND seq > ? AND (${visibleNow} OR ${visibleBefore})
         ORDER BY seq LIMIT ?`,
      )
      .all(
        ...sites,
        visibility.userId,
        collection,
        sinceSeq,
        ...sites,
        visibility.userId,
        ...sites,
        visibility.userId,
        limit,
      ) as (DocumentRow & { visible: number })[];
  }

  function transaction(): WriteTransaction {
    let nextSeq = (statements.maxSeq.get() as { seq: number }).seq + 1;
    return {
      getDocuments: async (collection, ids) => selectDocuments(collection, ids),
      getAttachedDocuments: async (youthIds) => {
        if (youthIds.length === 0) return [];
        const rows = db
          .prepare(`SELECT * FROM documents WHERE youth_id IN ${placeholders(youthIds.length)}`)
          .all(...youthIds) as DocumentRow[];
        return rows.filter((row) => row.collection !== 'youths').map(toStored);
      },
      getLoansOfVehicles: async (vehicleIds) => {
        if (vehicleIds.length === 0) return [];
        const rows = db
          .prepare(
            `SELECT * FROM documents WHERE collection = 'mobility'
               AND json_extract(data, '$.vehicleId') IN ${placeholders(vehicleIds.length)}`,
          )
          .all(...vehicleIds) as DocumentRow[];
        return rows.map(toStored);
      },
      getRevision: async (collection, id, rev) => {
        const row = statements.getRevision.get(collection, id, rev) as
          { data: string; deleted: number } | undefined;
        if (!row) return null;
        return { ...(JSON.parse(row.data) as PlainDocument), _deleted: row.deleted === 1 };
      },
      hasRevision: async (collection, id, rev) =>
        statements.getRevision.get(collection, id, rev) !== undefined,
      absorbRevision: async (collection, id, state, seq, provenance) => {
        statements.insertRevision.run({
          collection,
          id,
          rev: state.rev,
          seq,
          deleted: state.deleted ? 1 : 0,
          data: JSON.stringify(state.data),
          writtenBy: provenance.writtenBy,
          deviceId: provenance.deviceId,
          absorbed: 1,
        });
        statements.insertCurrentScope.run({ rev: state.rev, collection, id });
      },
      eraseHistory: async (collection, ids) => {
        if (ids.length === 0) return 0;
        db.prepare(
          `DELETE FROM revision_scopes WHERE collection = ? AND id IN ${placeholders(ids.length)}`,
        ).run(collection, ...ids);
        return db
          .prepare(
            `DELETE FROM revisions WHERE collection = ? AND id IN ${placeholders(ids.length)}`,
          )
          .run(collection, ...ids).changes;
      },
      getHistory: async (collection, id) =>
        (statements.history.all(collection, id) as RevisionRow[]).map((row): RevisionRecord => ({
          rev: row.rev,
          seq: row.seq,
          deleted: row.deleted === 1,
          data: JSON.parse(row.data) as PlainDocument,
          writtenBy: row.written_by,
          deviceId: row.device_id,
          absorbed: row.absorbed === 1,
        })),
      listRedirects: async (youthId) =>
        (
          db
            .prepare(
              `SELECT * FROM documents WHERE collection = 'youths'
                 AND json_extract(data, '$.mergedInto') = ?`,
            )
            .all(youthId) as DocumentRow[]
        ).map(toStored),
      listReviewsOfYouths: async (youthIds) => {
        if (youthIds.length === 0) return [];
        return (
          db
            .prepare(
              `SELECT * FROM documents WHERE collection = 'reviews' AND EXISTS (
                 SELECT 1 FROM json_each(documents.data, '$.youthIds')
                 WHERE json_each.value IN ${placeholders(youthIds.length)})`,
            )
            .all(...youthIds) as DocumentRow[]
        ).map(toStored);
      },
      getRevisionScopes: async (collection, id, rev) =>
        (
          statements.revisionScopes.all(collection, id, rev) as {
            scope_site: string;
            scope_owner: string;
          }[]
        ).map((row) => ({
          siteId: scopeValue(row.scope_site),
          ownerId: scopeValue(row.scope_owner),
        })),
      getReviewsAbout: async (documentIds) => {
        if (documentIds.length === 0) return [];
        const rows = db
          .prepare(
            `SELECT * FROM documents WHERE collection = 'reviews' AND deleted = 0
               AND json_extract(data, '$.documentId') IN ${placeholders(documentIds.length)}`,
          )
          .all(...documentIds) as DocumentRow[];
        return rows.map(toStored);
      },
      getOpenReviews: async (documentIds) => {
        if (documentIds.length === 0) return [];
        const rows = db
          .prepare(
            `SELECT * FROM documents WHERE collection = 'reviews' AND deleted = 0
               AND json_extract(data, '$.documentId') IN ${placeholders(documentIds.length)}
               AND json_extract(data, '$.status') = 'open'`,
          )
          .all(...documentIds) as DocumentRow[];
        return rows.map(toStored);
      },
      putDocuments: async (writes: DocumentWrite[]) =>
        writes.map((write) => {
          const seq = nextSeq++;
          const data = JSON.stringify(write.data);
          statements.upsertDocument.run({
            collection: write.collection,
            id: write.id,
            seq,
            rev: write.rev,
            deleted: write.deleted ? 1 : 0,
            youthId: write.youthId,
            scopeSite: write.scope.siteId,
            scopeOwner: write.scope.ownerId,
            scopeInterim: write.scope.interimId ?? null,
            prevSite: write.previousScope?.siteId ?? null,
            prevOwner: write.previousScope?.ownerId ?? null,
            prevInterim: write.previousScope?.interimId ?? null,
            prevData: write.previousData ? JSON.stringify(write.previousData) : null,
            data,
          });
          statements.insertRevision.run({
            collection: write.collection,
            id: write.id,
            rev: write.rev,
            seq,
            deleted: write.deleted ? 1 : 0,
            data,
            writtenBy: write.writtenBy,
            deviceId: write.deviceId,
            absorbed: 0,
          });
          for (const key of revisionScopeKeys(write.scope)) {
            statements.insertRevisionScope.run(
              write.collection,
              write.id,
              write.rev,
              scopeKey(key.siteId),
              scopeKey(key.ownerId),
            );
          }
          return { ...write, seq };
        }),
      listYouthIdentities: async (sinceSeq) =>
        (statements.youthIdentities.all(sinceSeq) as YouthIdentitySqlRow[]).map(toYouthIdentity),
      listDuplicatePairs: async (youthIds) => {
        const wanted = new Set(youthIds);
        return (statements.duplicatePairs.all() as { a: unknown; b: unknown }[])
          .filter((row) => typeof row.a === 'string' && typeof row.b === 'string')
          .map((row) => [row.a, row.b] as [string, string])
          .filter(([a, b]) => wanted.has(a) || wanted.has(b));
      },
      upsertAccount: async (account: Account) => {
        statements.upsertAccount.run({
          ...account,
          siteIds: JSON.stringify(account.siteIds),
          disabled: account.disabled ? 1 : 0,
        });
      },
      appendAudit: async (entries) => appendAuditNow(entries),
    };
  }

  return {
    kind: 'sqlite',

    write: (work) =>
      writeMutex.run(async () => {
        db.prepare('BEGIN IMMEDIATE').run();
        try {
          const result = await work(transaction());
          db.prepare('COMMIT').run();
          return result;
        } catch (error) {
          db.prepare('ROLLBACK').run();
          throw error;
        }
      }),

    async pull(collection, sinceSeq, limit, visibility: Visibility): Promise<PulledRow[]> {
      return selectPulled(collection, sinceSeq, limit, visibility).map((row) => ({
        document: toStored(row),
        removal: row.visible !== 1,
      }));
    },

    async pullWire(collection, sinceSeq, limit, visibility: Visibility) {
      return selectPulled(collection, sinceSeq, limit, visibility).map((row) =>
        row.visible === 1
          ? {
              seq: row.seq,
              json: withDeletedFlag(row.data, row.deleted === 1),
              youthId: row.youth_id,
            }
          : {
              seq: row.seq,
              json: withDeletedFlag(row.prev_data ?? row.data, true),
              youthId: row.youth_id,
            },
      );
    },

    async getDocument(collection, id) {
      const row = reader
        .prepare('SELECT * FROM documents WHERE collection = ? AND id = ?')
        .get(collection, id) as DocumentRow | undefined;
      return row ? toStored(row) : null;
    },

    async listBorrowers() {
      const rows = reader
        .prepare(
          `SELECT id, seq, deleted FROM documents WHERE collection = 'youths' AND id IN
             (SELECT youth_id FROM documents WHERE collection = 'mobility' AND youth_id IS NOT NULL)`,
        )
        .all() as { id: string; seq: number; deleted: number }[];
      return rows.map((row) => ({ id: row.id, seq: row.seq, deleted: row.deleted === 1 }));
    },

    async countDocuments(collection) {
      const row = (
        collection
          ? reader
              .prepare('SELECT COUNT(*) AS n FROM documents WHERE collection = ?')
              .get(collection)
          : reader.prepare('SELECT COUNT(*) AS n FROM documents').get()
      ) as { n: number };
      return row.n;
    },

    async countVisible(collection, afterSeq, visibility: Visibility) {
      const sites = visibility.all || visibility.siteIds.length === 0 ? [''] : visibility.siteIds;
      const visible = visibility.all
        ? ''
        : `AND ((scope_site IS NULL AND scope_owner IS NULL)
             OR scope_site IN ${placeholders(sites.length)} OR ? IN (scope_owner, scope_interim))`;
      const row = reader
        .prepare(
          `SELECT COUNT(*) AS total, COALESCE(SUM(seq > ?), 0) AS remaining FROM documents
           WHERE collection = ? AND deleted = 0 ${visible}`,
        )
        .get(afterSeq, collection, ...(visibility.all ? [] : [...sites, visibility.userId])) as {
        total: number;
        remaining: number;
      };
      return { total: row.total, remaining: row.remaining };
    },

    async lastSeq() {
      return (
        reader.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM documents').get() as {
          seq: number;
        }
      ).seq;
    },

    async getAccountByLogin(login) {
      const row = reader.prepare('SELECT * FROM accounts WHERE login = ?').get(login) as
        AccountRow | undefined;
      return row ? toAccount(row) : null;
    },

    async getAccount(id) {
      const row = reader.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as
        AccountRow | undefined;
      return row ? toAccount(row) : null;
    },

    async listAccounts() {
      return (reader.prepare('SELECT * FROM accounts ORDER BY login').all() as AccountRow[]).map(
        toAccount,
      );
    },

    async createSession(session: Session) {
      db.prepare(
        `INSERT INTO sessions (token_hash, user_id, device_id, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?)`,
      ).run(
        session.tokenHash,
        session.userId,
        session.deviceId,
        session.createdAt,
        session.expiresAt,
      );
    },

    async getSession(tokenHash) {
      const row = db.prepare('SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash) as
        | {
            token_hash: string;
            user_id: string;
            device_id: string | null;
            created_at: string;
            expires_at: string;
          }
        | undefined;
      return row
        ? {
            tokenHash: row.token_hash,
            userId: row.user_id,
            deviceId: row.device_id,
            createdAt: row.created_at,
            expiresAt: row.expires_at,
          }
        : null;
    },

    async deleteSession(tokenHash) {
      db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
    },

    async upsertDevice(device: Device) {
      db.prepare(
        `INSERT INTO devices (id, user_id, label, app_version, first_seen_at, last_seen_at,
                              pending_pushes, last_error, revoked_at)
         VALUES (@id, @userId, @label, @appVersion, @firstSeenAt, @lastSeenAt, @pendingPushes,
                 @lastError, @revokedAt)
         ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, label = excluded.label,
           app_version = excluded.app_version, last_seen_at = excluded.last_seen_at,
           pending_pushes = excluded.pending_pushes, last_error = excluded.last_error,
           revoked_at = excluded.revoked_at`,
      ).run(device);
    },

    async getDevice(id) {
      const row = db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as DeviceRow | undefined;
      return row ? toDevice(row) : null;
    },

    async listDevices() {
      return (
        db.prepare('SELECT * FROM devices ORDER BY last_seen_at DESC').all() as DeviceRow[]
      ).map(toDevice);
    },

    async deleteDeviceSessions(deviceId) {
      db.prepare('DELETE FROM sessions WHERE device_id = ?').run(deviceId);
    },

    async getDeviceKey(deviceId, userId) {
      const row = db
        .prepare('SELECT * FROM device_keys WHERE device_id = ? AND user_id = ?')
        .get(deviceId, userId) as DeviceKeyRow | undefined;
      return row ? toDeviceKey(row) : null;
    },

    async putDeviceKey(key: DeviceKey) {
      db.prepare(
        `INSERT INTO device_keys (device_id, user_id, recovery_key, renew_token_hash, updated_at)
         VALUES (@deviceId, @userId, @recoveryKey, @renewTokenHash, @updatedAt)
         ON CONFLICT (device_id, user_id) DO UPDATE SET recovery_key = excluded.recovery_key,
           renew_token_hash = excluded.renew_token_hash, updated_at = excluded.updated_at`,
      ).run(key);
    },

    async deleteDeviceKeys(deviceId, userId) {
      if (userId === undefined)
        db.prepare('DELETE FROM device_keys WHERE device_id = ?').run(deviceId);
      else
        db.prepare('DELETE FROM device_keys WHERE device_id = ? AND user_id = ?').run(
          deviceId,
          userId,
        );
    },

    async getSetting(name) {
      const row = db.prepare('SELECT value FROM settings WHERE name = ?').get(name) as
        { value: string } | undefined;
      return row ? (JSON.parse(row.value) as unknown) : null;
    },

    async putSetting(name, value) {
      db.prepare(
        `INSERT INTO settings (name, value) VALUES (?, ?)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
      ).run(name, JSON.stringify(value));
    },

    async appendAudit(entries) {
      await writeMutex.run(async () => appendAuditNow(entries));
    },

    async listExportMarks(target) {
      const rows = db
        .prepare('SELECT collection, id, rev FROM export_marks WHERE target = ?')
        .all(target) as { collection: string; id: string; rev: string }[];
      return new Map(rows.map((row) => [`${row.collection}:${row.id}`, row.rev]));
    },

    async putExportMarks(target, exportId, at, marks) {
      const put = db.prepare(
        `INSERT INTO export_marks (target, collection, id, rev, export_id, exported_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (target, collection, id) DO UPDATE SET
           rev = excluded.rev, export_id = excluded.export_id, exported_at = excluded.exported_at`,
      );
      db.transaction(() => {
        for (const mark of marks) put.run(target, mark.collection, mark.id, mark.rev, exportId, at);
      })();
    },

    async listAudit(limit) {
      const rows = reader
        .prepare('SELECT * FROM audit ORDER BY seq DESC LIMIT ?')
        .all(limit) as AuditRow[];
      return rows.map((row) => {
        const { seq: _seq, prevHash: _prev, hash: _hash, ...entry } = toAuditRecord(row);
        return entry;
      });
    },

    async readAudit(afterSeq, limit) {
      return (
        reader
          .prepare('SELECT * FROM audit WHERE seq > ? ORDER BY seq LIMIT ?')
          .all(afterSeq, limit) as AuditRow[]
      ).map(toAuditRecord);
    },

    async listAuditOfYouth(youthId, limit) {
      return (
        reader
          .prepare(
            `SELECT audit.* FROM audit_youths JOIN audit ON audit.seq = audit_youths.audit_seq
             WHERE audit_youths.youth_id = ? ORDER BY audit.seq DESC LIMIT ?`,
          )
          .all(youthId, limit) as AuditRow[]
      ).map(toAuditRecord);
    },

    async purgeAuditBefore(before) {
      return writeMutex.run(async () => {
        const last = db
          .prepare('SELECT * FROM audit WHERE at < ? ORDER BY seq DESC LIMIT 1')
          .get(before) as AuditRow | undefined;
        if (!last) return { purged: 0, last: null };
        const purge = db.transaction(() => {
          db.prepare('INSERT INTO audit_horizon (up_to_seq) VALUES (?)').run(last.seq);
          db.prepare('DELETE FROM audit_youths WHERE audit_seq <= ?').run(last.seq);
          return db.prepare('DELETE FROM audit WHERE seq <= ?').run(last.seq).changes;
        });
        return { purged: purge(), last: toAuditRecord(last) };
      });
    },

    async compact() {
      if (file === ':memory:') return;
      await writeMutex.run(async () => {
        // Deleted rows stay in the log and in free pages until the file is rebuilt.
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.exec('VACUUM');
        db.pragma('wal_checkpoint(TRUNCATE)');
      });
    },

    async close() {
      await writeMutex.run(async () => {
        if (reader !== db) reader.close();
        db.close();
      });
    },
  };
}
