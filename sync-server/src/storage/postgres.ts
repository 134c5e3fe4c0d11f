/**
 * PostgreSQL storage (`pg`), for DATABASE_URL deployments and several server processes.
 * Writers take a transaction-scoped advisory lock, so writes are serialised across processes and
 * sequence numbers are allocated and committed in order (the checkpoint invariant of storage.ts).
 * Readers never block: they see the last committed snapshot. A writer that adds changes notifies
 * the other processes in the same transaction (postgres-commits.ts), so they stream its commit.
 */
import pg from 'pg';
import { toDeviceKey, type DeviceKeyRow } from './device-key-row';
import type { CollectionName } from '../../../src/domain/collections';
import type { PlainDocument } from '../../../src/domain/merge';
import { chainLinks } from '../audit/chain';
import { COMMITS_CHANNEL, watchCommits } from './postgres-commits';
import type {
  Account,
  CommitWatch,
  AuditEntry,
  AuditRecord,
  Device,
  DeviceKey,
  DocumentWrite,
  PulledRow,
  RevisionRecord,
  Session,
  Storage,
  StoredDocument,
  WriteTransaction,
  YouthIdentityRow,
} from './storage';
import { revisionScopeKeys, storedScope } from './storage';

/** Any constant: the key of the advisory lock every writer takes. */
const WRITE_LOCK_KEY = 61000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  seq BIGINT NOT NULL UNIQUE,
  rev TEXT NOT NULL,
  deleted BOOLEAN NOT NULL,
  youth_id TEXT,
  scope_site TEXT,
  scope_owner TEXT,
  prev_site TEXT,
  prev_owner TEXT,
  prev_data JSONB,
  data JSONB NOT NULL,
  PRIMARY KEY (collection, id)
);
CREATE INDEX IF NOT EXISTS documents_by_seq ON documents (collection, seq);
CREATE INDEX IF NOT EXISTS documents_by_youth ON documents (youth_id) WHERE youth_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS revisions (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  rev TEXT NOT NULL,
  seq BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL,
  data JSONB NOT NULL,
  written_by TEXT NOT NULL,
  device_id TEXT,
  absorbed BOOLEAN NOT NULL DEFAULT false,
  PRIMARY KEY (collection, id, rev)
);
ALTER TABLE revisions ADD COLUMN IF NOT EXISTS absorbed BOOLEAN NOT NULL DEFAULT false;
-- The second owner of a dossier's documents during a temporary handover (issue 18); rows written
-- before it have nobody standing in, which NULL says.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS scope_interim TEXT;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS prev_interim TEXT;
CREATE TABLE IF NOT EXISTS revision_scopes (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  rev TEXT NOT NULL,
  scope_site TEXT NOT NULL,
  scope_owner TEXT NOT NULL,
  PRIMARY KEY (collection, id, rev, scope_site, scope_owner)
);
-- Databases written before revision_scopes: each revision is taken as seen by the document's
-- current scope and the one before its last transfer ('' stands for no site or no owner).
INSERT INTO revision_scopes (collection, id, rev, scope_site, scope_owner)
  SELECT r.collection, r.id, r.rev, COALESCE(d.scope_site, ''), COALESCE(d.scope_owner, '')
  FROM revisions r JOIN documents d ON d.collection = r.collection AND d.id = r.id
  WHERE NOT EXISTS (SELECT 1 FROM revision_scopes)
  UNION
  SELECT r.collection, r.id, r.rev, COALESCE(d.prev_site, ''), COALESCE(d.prev_owner, '')
  FROM revisions r JOIN documents d ON d.collection = r.collection AND d.id = r.id
  WHERE (d.prev_site IS NOT NULL OR d.prev_owner IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM revision_scopes)
  ON CONFLICT DO NOTHING;
CREATE INDEX IF NOT EXISTS reviews_by_document ON documents ((data->>'documentId'))
  WHERE collection = 'reviews';
CREATE INDEX IF NOT EXISTS loans_by_vehicle ON documents ((data->>'vehicleId'))
  WHERE collection = 'mobility';
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  site_ids JSONB NOT NULL,
  password_hash TEXT NOT NULL,
  disabled BOOLEAN NOT NULL,
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
  seq BIGSERIAL PRIMARY KEY,
  at TEXT NOT NULL,
  user_id TEXT,
  device_id TEXT,
  action TEXT NOT NULL,
  collection TEXT,
  document_id TEXT,
  details JSONB
);
ALTER TABLE audit ADD COLUMN IF NOT EXISTS address TEXT;
ALTER TABLE audit ADD COLUMN IF NOT EXISTS youth_ids JSONB;
ALTER TABLE audit ADD COLUMN IF NOT EXISTS prev_hash TEXT;
ALTER TABLE audit ADD COLUMN IF NOT EXISTS hash TEXT;
CREATE TABLE IF NOT EXISTS audit_youths (
  youth_id TEXT NOT NULL,
  audit_seq BIGINT NOT NULL,
  PRIMARY KEY (youth_id, audit_seq)
);
CREATE TABLE IF NOT EXISTS audit_horizon (up_to_seq BIGINT NOT NULL);
CREATE OR REPLACE FUNCTION audit_is_append_only() RETURNS trigger AS $$
  BEGIN
    -- Only the audit log's retention deletes, and only rows at or before its horizon.
    IF TG_OP = 'DELETE'
       AND OLD.seq <= (SELECT COALESCE(MAX(up_to_seq), 0) FROM audit_horizon) THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit log is append-only';
  END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS audit_append_only ON audit;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
  FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
`;

interface DocumentRow {
  collection: string;
  id: string;
  seq: string;
  rev: string;
  deleted: boolean;
  youth_id: string | null;
  scope_site: string | null;
  scope_owner: string | null;
  scope_interim: string | null;
  prev_site: string | null;
  prev_owner: string | null;
  prev_interim: string | null;
  prev_data: PlainDocument | null;
  data: PlainDocument;
}

function toStored(row: DocumentRow): StoredDocument {
  return {
    collection: row.collection as CollectionName,
    id: row.id,
    seq: Number(row.seq),
    rev: row.rev,
    deleted: row.deleted,
    data: row.data,
    youthId: row.youth_id,
    scope: storedScope(row.scope_site, row.scope_owner, row.scope_interim),
    previousScope:
      row.prev_site === null && row.prev_owner === null && row.prev_interim === null
        ? null
        : storedScope(row.prev_site, row.prev_owner, row.prev_interim),
    previousData: row.prev_data,
  };
}

function toAccount(row: Record<string, unknown>): Account {
  return {
    id: String(row.id),
    login: String(row.login),
    name: String(row.name),
    role: row.role as Account['role'],
    siteIds: row.site_ids as string[],
    passwordHash: String(row.password_hash),
    disabled: Boolean(row.disabled),
    createdAt: String(row.created_at),
  };
}

function toDevice(row: Record<string, unknown>): Device {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    label: String(row.label),
    appVersion: (row.app_version as string | null) ?? null,
    firstSeenAt: String(row.first_seen_at),
    lastSeenAt: String(row.last_seen_at),
    pendingPushes: (row.pending_pushes as number | null) ?? null,
    lastError: (row.last_error as string | null) ?? null,
    revokedAt: (row.revoked_at as string | null) ?? null,
  };
}

type Queryable = Pick<pg.PoolClient, 'query'>;

/** The key of the advisory lock that keeps the audit chain in one line across processes. */
const AUDIT_LOCK_KEY = 61001;

/**
 * Appends rows chained to the last one, inside the caller's transaction: the transaction-scoped
 * lock makes every appender of every process wait for the one before to commit, so each row
 * chains to the row committed just before it. Writers take it after the write lock, never
 * before, so the two locks cannot deadlock.
 */
async function insertAudit(client: Queryable, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await client.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
  const { rows } = await client.query<{ hash: string | null }>(
    'SELECT hash FROM audit ORDER BY seq DESC LIMIT 1',
  );
  const links = chainLinks(rows[0]?.hash ?? null, entries);
  for (const [i, entry] of entries.entries()) {
    const inserted = await client.query<{ seq: string }>(
      `INSERT INTO audit (at, user_id, device_id, address, action, collection, document_id,
                          youth_ids, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING seq`,
      [
        entry.at,
        entry.userId,
        entry.deviceId,
        entry.address ?? null,
        entry.action,
        entry.collection,
        entry.documentId,
        entry.youthIds?.length ? JSON.stringify(entry.youthIds) : null,
        entry.details === undefined ? null : JSON.stringify(entry.details),
        links[i]!.prevHash,
        links[i]!.hash,
      ],
    );
    const youthIds = [...new Set(entry.youthIds ?? [])];
    if (youthIds.length > 0) {
      await client.query(
        `INSERT INTO audit_youths (youth_id, audit_seq)
         SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING`,
        [youthIds, inserted.rows[0]!.seq],
      );
    }
  }
}

function toAuditRecord(row: Record<string, unknown>): AuditRecord {
  return {
    seq: Number(row.seq),
    at: String(row.at),
    userId: (row.user_id as string | null) ?? null,
    deviceId: (row.device_id as string | null) ?? null,
    address: (row.address as string | null) ?? null,
    action: String(row.action),
    collection: (row.collection as string | null) ?? null,
    documentId: (row.document_id as string | null) ?? null,
    ...(row.youth_ids ? { youthIds: row.youth_ids as string[] } : {}),
    details: row.details ?? undefined,
    prevHash: (row.prev_hash as string | null) ?? null,
    hash: (row.hash as string | null) ?? null,
  };
}

/** The next sequence number of a write transaction, allocated by `putDocuments`. */
interface SeqCounter {
  next: number;
}

function transaction(client: pg.PoolClient, seqs: SeqCounter): WriteTransaction {
  return {
    async getDocuments(collection, ids) {
      const { rows } = await client.query<DocumentRow>(
        'SELECT * FROM documents WHERE collection = $1 AND id = ANY($2::text[])',
        [collection, ids],
      );
      return new Map(rows.map((row) => [row.id, toStored(row)]));
    },
    async getAttachedDocuments(youthIds) {
      if (youthIds.length === 0) return [];
      const { rows } = await client.query<DocumentRow>(
        "SELECT * FROM documents WHERE youth_id = ANY($1::text[]) AND collection <> 'youths'",
        [youthIds],
      );
      return rows.map(toStored);
    },
    async getLoansOfVehicles(vehicleIds) {
      if (vehicleIds.length === 0) return [];
      const { rows } = await client.query<DocumentRow>(
        "SELECT * FROM documents WHERE collection = 'mobility' AND data->>'vehicleId' = ANY($1::text[])",
        [vehicleIds],
      );
      return rows.map(toStored);
    },
    async getRevision(collection, id, rev) {
      const { rows } = await client.query<{ data: PlainDocument; deleted: boolean }>(
        'SELECT data, deleted FROM revisions WHERE collection = $1 AND id = $2 AND rev = $3',
        [collection, id, rev],
      );
      const row = rows[0];
      return row ? { ...row.data, _deleted: row.deleted } : null;
    },
    async hasRevision(collection, id, rev) {
      const { rowCount } = await client.query(
        'SELECT 1 FROM revisions WHERE collection = $1 AND id = $2 AND rev = $3',
        [collection, id, rev],
      );
      return (rowCount ?? 0) > 0;
    },
    async absorbRevision(collection, id, state, seq, provenance) {
      await client.query(
        `INSERT INTO revisions (collection, id, rev, seq, deleted, data, written_by, device_id, absorbed)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true) ON CONFLICT DO NOTHING`,
        [
          collection,
          id,
          state.rev,
          seq,
          state.deleted,
          JSON.stringify(state.data),
          provenance.writtenBy,
          provenance.deviceId,
        ],
      );
      await client.query(
        `INSERT INTO revision_scopes (collection, id, rev, scope_site, scope_owner)
         SELECT collection, id, $3, COALESCE(scope_site, ''), COALESCE(scope_owner, '')
         FROM documents WHERE collection = $1 AND id = $2
         UNION
         SELECT collection, id, $3, '', scope_interim
         FROM documents WHERE collection = $1 AND id = $2 AND scope_interim IS NOT NULL
         ON CONFLICT DO NOTHING`,
        [collection, id, state.rev],
      );
    },
    async getRevisionScopes(collection, id, rev) {
      const { rows } = await client.query<{ scope_site: string; scope_owner: string }>(
        `SELECT scope_site, scope_owner FROM revision_scopes
         WHERE collection = $1 AND id = $2 AND rev = $3`,
        [collection, id, rev],
      );
      return rows.map((row) => ({
        siteId: row.scope_site === '' ? null : row.scope_site,
        ownerId: row.scope_owner === '' ? null : row.scope_owner,
      }));
    },
    async eraseHistory(collection, ids) {
      if (ids.length === 0) return 0;
      await client.query(
        'DELETE FROM revision_scopes WHERE collection = $1 AND id = ANY($2::text[])',
        [collection, ids],
      );
      const deleted = await client.query(
        'DELETE FROM revisions WHERE collection = $1 AND id = ANY($2::text[])',
        [collection, ids],
      );
      return deleted.rowCount ?? 0;
    },
    async getHistory(collection, id) {
      const { rows } = await client.query<{
        rev: string;
        seq: string;
        deleted: boolean;
        data: PlainDocument;
        written_by: string;
        device_id: string | null;
        absorbed: boolean;
      }>(
        `SELECT rev, seq, deleted, data, written_by, device_id, absorbed FROM revisions
         WHERE collection = $1 AND id = $2 ORDER BY seq DESC, absorbed ASC`,
        [collection, id],
      );
      return rows.map((row): RevisionRecord => ({
        rev: row.rev,
        seq: Number(row.seq),
        deleted: row.deleted,
        data: row.data,
        writtenBy: row.written_by,
        deviceId: row.device_id,
        absorbed: row.absorbed,
      }));
    },
    async listRedirects(youthId) {
      const { rows } = await client.query<DocumentRow>(
        "SELECT * FROM documents WHERE collection = 'youths' AND data->>'mergedInto' = $1",
        [youthId],
      );
      return rows.map(toStored);
    },
    async listReviewsOfYouths(youthIds) {
      if (youthIds.length === 0) return [];
      const { rows } = await client.query<DocumentRow>(
        `SELECT * FROM documents WHERE collection = 'reviews'
           AND jsonb_typeof(data->'youthIds') = 'array'
           AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(data->'youthIds') AS y(id)
                       WHERE y.id = ANY($1::text[]))`,
        [youthIds],
      );
      return rows.map(toStored);
    },
    async getReviewsAbout(documentIds) {
      if (documentIds.length === 0) return [];
      const { rows } = await client.query<DocumentRow>(
        `SELECT * FROM documents WHERE collection = 'reviews' AND NOT deleted
           AND data->>'documentId' = ANY($1::text[])`,
        [documentIds],
      );
      return rows.map(toStored);
    },
    async getOpenReviews(documentIds) {
      if (documentIds.length === 0) return [];
      const { rows } = await client.query<DocumentRow>(
        `SELECT * FROM documents WHERE collection = 'reviews' AND NOT deleted
           AND data->>'documentId' = ANY($1::text[]) AND data->>'status' = 'open'`,
        [documentIds],
      );
      return rows.map(toStored);
    },
    async putDocuments(writes: DocumentWrite[]) {
      const stored: StoredDocument[] = [];
      for (const write of writes) {
        const seq = seqs.next++;
        const data = JSON.stringify(write.data);
        await client.query(
          `INSERT INTO documents (collection, id, seq, rev, deleted, youth_id, scope_site, scope_owner, prev_site, prev_owner, prev_data, data, scope_interim, prev_interim)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
           ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, rev = excluded.rev, deleted = excluded.deleted,
             youth_id = excluded.youth_id, scope_site = excluded.scope_site, scope_owner = excluded.scope_owner,
             prev_site = excluded.prev_site, prev_owner = excluded.prev_owner, prev_data = excluded.prev_data, data = excluded.data,
             scope_interim = excluded.scope_interim, prev_interim = excluded.prev_interim`,
          [
            write.collection,
            write.id,
            seq,
            write.rev,
            write.deleted,
            write.youthId,
            write.scope.siteId,
            write.scope.ownerId,
            write.previousScope?.siteId ?? null,
            write.previousScope?.ownerId ?? null,
            write.previousData ? JSON.stringify(write.previousData) : null,
            data,
            write.scope.interimId ?? null,
            write.previousScope?.interimId ?? null,
          ],
        );
        await client.query(
          `INSERT INTO revisions (collection, id, rev, seq, deleted, data, written_by, device_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT DO NOTHING`,
          [
            write.collection,
            write.id,
            write.rev,
            seq,
            write.deleted,
            data,
            write.writtenBy,
            write.deviceId,
          ],
        );
        for (const key of revisionScopeKeys(write.scope)) {
          await client.query(
            `INSERT INTO revision_scopes (collection, id, rev, scope_site, scope_owner)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
            [write.collection, write.id, write.rev, key.siteId ?? '', key.ownerId ?? ''],
          );
        }
        stored.push({ ...write, seq });
      }
      return stored;
    },
    async listYouthIdentities(sinceSeq) {
      const { rows } = await client.query<{
        id: string;
        seq: string;
        deleted: boolean;
        site_id: string | null;
        first_name: string | null;
        last_name: string | null;
        birth_name: string | null;
        birth_date: string | null;
        phone: string | null;
        merged_into: string | null;
      }>(
        `SELECT id, seq, deleted, scope_site AS site_id, data->>'firstName' AS first_name,
                data->>'lastName' AS last_name, data->>'birthName' AS birth_name,
                data->>'birthDate' AS birth_date, data->>'phone' AS phone,
                data->>'mergedInto' AS merged_into
         FROM documents WHERE collection = 'youths' AND seq > $1 ORDER BY seq`,
        [sinceSeq],
      );
      return rows.map((row): YouthIdentityRow => ({
        id: row.id,
        seq: Number(row.seq),
        live: !row.deleted && !row.merged_into,
        siteId: row.site_id,
        firstName: row.first_name ?? '',
        lastName: row.last_name ?? '',
        ...(row.birth_name ? { birthName: row.birth_name } : {}),
        ...(row.birth_date ? { birthDate: row.birth_date } : {}),
        ...(row.phone ? { phone: row.phone } : {}),
      }));
    },
    async listDuplicatePairs(youthIds) {
      if (youthIds.length === 0) return [];
      const { rows } = await client.query<{ a: string; b: string }>(
        `SELECT data->'youthIds'->>0 AS a, data->'youthIds'->>1 AS b FROM documents
         WHERE collection = 'reviews' AND data->>'kind' = 'duplicate'
           AND (data->'youthIds'->>0 = ANY($1::text[]) OR data->'youthIds'->>1 = ANY($1::text[]))`,
        [youthIds],
      );
      return rows.filter((row) => row.a && row.b).map((row): [string, string] => [row.a, row.b]);
    },
    async upsertAccount(account: Account) {
      await client.query(
        `INSERT INTO accounts (id, login, name, role, site_ids, password_hash, disabled, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (id) DO UPDATE SET login = excluded.login, name = excluded.name, role = excluded.role,
           site_ids = excluded.site_ids, password_hash = excluded.password_hash, disabled = excluded.disabled`,
        [
          account.id,
          account.login,
          account.name,
          account.role,
          JSON.stringify(account.siteIds),
          account.passwordHash,
          account.disabled,
          account.createdAt,
        ],
      );
    },
    appendAudit: (entries) => insertAudit(client, entries),
  };
}

export async function openPostgresStorage(connectionString: string): Promise<Storage> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection that the server drops (restart, failover) must not crash the process;
  // the pool replaces it on next use.
  pool.on('error', (error) => console.error(`PostgreSQL: idle connection lost (${error.message})`));
  // Several processes may start at once: create the schema under the writers' lock.
  await pool.query(`BEGIN; SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY}); ${SCHEMA} COMMIT;`);
  const watches = new Set<CommitWatch>();

  /** Runs `work` in a transaction of its own (not the writers' lock). */
  async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    kind: 'postgres',

    commitFeed: {
      async changesSince(sinceSeq, limit) {
        const { rows } = await pool.query<DocumentRow>(
          'SELECT * FROM documents WHERE seq > $1 ORDER BY seq LIMIT $2',
          [sinceSeq, limit],
        );
        return rows.map(toStored);
      },
      async watch(handlers) {
        const watch = await watchCommits(connectionString, handlers);
        watches.add(watch);
        return {
          async stop() {
            watches.delete(watch);
            await watch.stop();
          },
        };
      },
    },

    async write(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
        const { rows } = await client.query<{ seq: string }>(
          'SELECT COALESCE(MAX(seq), 0) AS seq FROM documents',
        );
        const firstSeq = Number(rows[0]!.seq) + 1;
        const seqs = { next: firstSeq };
        const result = await work(transaction(client, seqs));
        if (seqs.next > firstSeq) {
          // Queued with the transaction: delivered on COMMIT, dropped on ROLLBACK.
          await client.query('SELECT pg_notify($1, $2)', [COMMITS_CHANNEL, String(seqs.next - 1)]);
        }
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },

    async pull(collection, sinceSeq, limit, visibility): Promise<PulledRow[]> {
      if (visibility.all) {
        const { rows } = await pool.query<DocumentRow>(
          'SELECT * FROM documents WHERE collection = $1 AND seq > $2 ORDER BY seq LIMIT $3',
          [collection, sinceSeq, limit],
        );
        return rows.map((row) => ({ document: toStored(row), removal: false }));
      }
      const { rows } = await pool.query<DocumentRow & { visible: boolean }>(
        `SELECT *, ((scope_site IS NULL AND scope_owner IS NULL) OR scope_site = ANY($3::text[]) OR scope_owner = $4 OR scope_interim = $4) AS visible
         FROM documents
         WHERE collection = $1 AND seq > $2
           AND ((scope_site IS NULL AND scope_owner IS NULL) OR scope_site = ANY($3::text[]) OR scope_owner = $4 OR scope_interim = $4
                OR prev_site = ANY($3::text[]) OR prev_owner = $4 OR prev_interim = $4)
         ORDER BY seq LIMIT $5`,
        [collection, sinceSeq, visibility.siteIds, visibility.userId, limit],
      );
      return rows.map((row) => ({ document: toStored(row), removal: !row.visible }));
    },

    async pullWire(collection, sinceSeq, limit, visibility) {
      // The wire JSON is built by PostgreSQL from the JSONB columns: nothing parsed here.
      const visibleNow = visibility.all
        ? 'TRUE'
        : '((scope_site IS NULL AND scope_owner IS NULL) OR scope_site = ANY($4::text[]) OR scope_owner = $5 OR scope_interim = $5)';
      const visibleBefore = visibility.all
        ? 'FALSE'
        : '(prev_site = ANY($4::text[]) OR prev_owner = $5 OR prev_interim = $5)';
      const { rows } = await pool.query<{ seq: string; json: string; youth_id: string | null }>(
        `SELECT seq, youth_id, (CASE WHEN ${visibleNow}
                      THEN data || jsonb_build_object('_deleted', deleted)
                      ELSE COALESCE(prev_data, data) || '{"_deleted": true}'::jsonb END)::text AS json
         FROM documents
         WHERE collection = $1 AND seq > $2 AND (${visibleNow} OR ${visibleBefore})
         ORDER BY seq LIMIT $3`,
        visibility.all
          ? [collection, sinceSeq, limit]
          : [collection, sinceSeq, limit, visibility.siteIds, visibility.userId],
      );
      return rows.map((row) => ({ seq: Number(row.seq), json: row.json, youthId: row.youth_id }));
    },

    async getDocument(collection, id) {
      const { rows } = await pool.query<DocumentRow>(
        'SELECT * FROM documents WHERE collection = $1 AND id = $2',
        [collection, id],
      );
      return rows[0] ? toStored(rows[0]) : null;
    },

    async listBorrowers() {
      const { rows } = await pool.query<{ id: string; seq: string; deleted: boolean }>(
        `SELECT id, seq, deleted FROM documents WHERE collection = 'youths' AND id IN
           (SELECT youth_id FROM documents WHERE collection = 'mobility' AND youth_id IS NOT NULL)`,
      );
      return rows.map((row) => ({ id: row.id, seq: Number(row.seq), deleted: row.deleted }));
    },

    async countDocuments(collection) {
      const { rows } = collection
        ? await pool.query<{ n: string }>(
            'SELECT COUNT(*) AS n FROM documents WHERE collection = $1',
            [collection],
          )
        : await pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM documents');
      return Number(rows[0]!.n);
    },

    async countVisible(collection, afterSeq, visibility) {
      const visible = visibility.all
        ? ''
        : 'AND ((scope_site IS NULL AND scope_owner IS NULL) OR scope_site = ANY($3::text[]) OR scope_owner = $4 OR scope_interim = $4)';
      const { rows } = await pool.query<{ total: string; remaining: string }>(
        `SELECT COUNT(*) AS total, COUNT(*) FILTER (WHERE seq > $2) AS remaining FROM documents
         WHERE collection = $1 AND NOT deleted ${visible}`,
        visibility.all
          ? [collection, afterSeq]
          : [collection, afterSeq, visibility.siteIds, visibility.userId],
      );
      return { total: Number(rows[0]!.total), remaining: Number(rows[0]!.remaining) };
    },

    async lastSeq() {
      const { rows } = await pool.query<{ seq: string }>(
        'SELECT COALESCE(MAX(seq), 0) AS seq FROM documents',
      );
      return Number(rows[0]!.seq);
    },

    async getAccountByLogin(login) {
      const { rows } = await pool.query('SELECT * FROM accounts WHERE login = $1', [login]);
      return rows[0] ? toAccount(rows[0]) : null;
    },

    async getAccount(id) {
      const { rows } = await pool.query('SELECT * FROM accounts WHERE id = $1', [id]);
      return rows[0] ? toAccount(rows[0]) : null;
    },

    async listAccounts() {
      const { rows } = await pool.query('SELECT * FROM accounts ORDER BY login');
      return rows.map(toAccount);
    },

    async createSession(session: Session) {
      await pool.query(
        'INSERT INTO sessions (token_hash, user_id, device_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [session.tokenHash, session.userId, session.deviceId, session.createdAt, session.expiresAt],
      );
    },

    async getSession(tokenHash) {
      const { rows } = await pool.query('SELECT * FROM sessions WHERE token_hash = $1', [
        tokenHash,
      ]);
      const row = rows[0] as Record<string, string | null> | undefined;
      return row
        ? {
            tokenHash: String(row.token_hash),
            userId: String(row.user_id),
            deviceId: row.device_id ?? null,
            createdAt: String(row.created_at),
            expiresAt: String(row.expires_at),
          }
        : null;
    },

    async deleteSession(tokenHash) {
      await pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },

    async upsertDevice(device: Device) {
      await pool.query(
        `INSERT INTO devices (id, user_id, label, app_version, first_seen_at, last_seen_at, pending_pushes, last_error, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, label = excluded.label, app_version = excluded.app_version,
           last_seen_at = excluded.last_seen_at, pending_pushes = excluded.pending_pushes, last_error = excluded.last_error,
           revoked_at = excluded.revoked_at`,
        [
          device.id,
          device.userId,
          device.label,
          device.appVersion,
          device.firstSeenAt,
          device.lastSeenAt,
          device.pendingPushes,
          device.lastError,
          device.revokedAt,
        ],
      );
    },

    async getDevice(id) {
      const { rows } = await pool.query('SELECT * FROM devices WHERE id = $1', [id]);
      return rows[0] ? toDevice(rows[0]) : null;
    },

    async listDevices() {
      const { rows } = await pool.query('SELECT * FROM devices ORDER BY last_seen_at DESC');
      return rows.map(toDevice);
    },

    async deleteDeviceSessions(deviceId) {
      await pool.query('DELETE FROM sessions WHERE device_id = $1', [deviceId]);
    },

    async getDeviceKey(deviceId, userId) {
      const { rows } = await pool.query(
        'SELECT * FROM device_keys WHERE device_id = $1 AND user_id = $2',
        [deviceId, userId],
      );
      return rows[0] ? toDeviceKey(rows[0] as DeviceKeyRow) : null;
    },

    async putDeviceKey(key: DeviceKey) {
      await pool.query(
        `INSERT INTO device_keys (device_id, user_id, recovery_key, renew_token_hash, updated_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (device_id, user_id) DO UPDATE SET recovery_key = excluded.recovery_key,
           renew_token_hash = excluded.renew_token_hash, updated_at = excluded.updated_at`,
        [key.deviceId, key.userId, key.recoveryKey, key.renewTokenHash, key.updatedAt],
      );
    },

    async deleteDeviceKeys(deviceId, userId) {
      if (userId === undefined)
        await pool.query('DELETE FROM device_keys WHERE device_id = $1', [deviceId]);
      else
        await pool.query('DELETE FROM device_keys WHERE device_id = $1 AND user_id = $2', [
          deviceId,
          userId,
        ]);
    },

    async getSetting(name) {
      const { rows } = await pool.query('SELECT value FROM settings WHERE name = $1', [name]);
      return rows[0] ? (JSON.parse((rows[0] as { value: string }).value) as unknown) : null;
    },

    async putSetting(name, value) {
      await pool.query(
        `INSERT INTO settings (name, value) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
        [name, JSON.stringify(value)],
      );
    },

    async appendAudit(entries) {
      if (entries.length === 0) return;
      await inTransaction((client) => insertAudit(client, entries));
    },

    async listExportMarks(target) {
      const { rows } = await pool.query(
        'SELECT collection, id, rev FROM export_marks WHERE target = $1',
        [target],
      );
      return new Map(
        (rows as { collection: string; id: string; rev: string }[]).map((row) => [
          `${row.collection}:${row.id}`,
          row.rev,
        ]),
      );
    },

    async putExportMarks(target, exportId, at, marks) {
      if (marks.length === 0) return;
      await pool.query(
        `INSERT INTO export_marks (target, collection, id, rev, export_id, exported_at)
         SELECT $1, t.collection, t.id, t.rev, $2, $3
           FROM unnest($4::text[], $5::text[], $6::text[]) AS t(collection, id, rev)
         ON CONFLICT (target, collection, id) DO UPDATE SET
           rev = excluded.rev, export_id = excluded.export_id, exported_at = excluded.exported_at`,
        [
          target,
          exportId,
          at,
          marks.map((mark) => mark.collection),
          marks.map((mark) => mark.id),
          marks.map((mark) => mark.rev),
        ],
      );
    },

    async listAudit(limit) {
      const { rows } = await pool.query('SELECT * FROM audit ORDER BY seq DESC LIMIT $1', [limit]);
      return rows.map((row: Record<string, unknown>) => {
        const { seq: _seq, prevHash: _prev, hash: _hash, ...entry } = toAuditRecord(row);
        return entry;
      });
    },

    async readAudit(afterSeq, limit) {
      const { rows } = await pool.query(
        'SELECT * FROM audit WHERE seq > $1 ORDER BY seq LIMIT $2',
        [afterSeq, limit],
      );
      return rows.map(toAuditRecord);
    },

    async listAuditOfYouth(youthId, limit) {
      const { rows } = await pool.query(
        `SELECT audit.* FROM audit_youths JOIN audit ON audit.seq = audit_youths.audit_seq
         WHERE audit_youths.youth_id = $1 ORDER BY audit.seq DESC LIMIT $2`,
        [youthId, limit],
      );
      return rows.map(toAuditRecord);
    },

    async purgeAuditBefore(before) {
      return inTransaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
        const { rows } = await client.query(
          'SELECT * FROM audit WHERE at < $1 ORDER BY seq DESC LIMIT 1',
          [before],
        );
        if (!rows[0]) return { purged: 0, last: null };
        const last = toAuditRecord(rows[0] as Record<string, unknown>);
        await client.query('INSERT INTO audit_horizon (up_to_seq) VALUES ($1)', [last.seq]);
        await client.query('DELETE FROM audit_youths WHERE audit_seq <= $1', [last.seq]);
        const deleted = await client.query('DELETE FROM audit WHERE seq <= $1', [last.seq]);
        return { purged: deleted.rowCount ?? 0, last };
      });
    },

    async compact() {
      // Outside any transaction (VACUUM cannot run in one): dead row versions are cleared.
      await pool.query('VACUUM documents, revisions');
    },

    async close() {
      await Promise.all([...watches].map((watch) => watch.stop()));
      watches.clear();
      await pool.end();
    },
  };
}
