/**
 * The server's storage, behind one interface with one contract suite (tests/integration/
 * storage-contract) run against every backend: SQLite (default, embedded) and PostgreSQL.
 *
 * Invariants every backend keeps:
 * - `seq` is strictly increasing in commit order: writes run one at a time inside `write`, which
 *   allocates sequence numbers and commits before the next writer starts, so a reader that has
 *   seen seq n will never later see a new row with seq ≤ n.
 * - Every stored state of a document is kept in `revisions` (the merge base and the history),
 *   with every scope it was stored under (who had the document at that revision).
 * - The audit log is append-only.
 * - A storage several server processes may share (PostgreSQL) has a `commitFeed`, so each process
 *   streams every commit, whichever process made it.
 */
import type { CollectionName } from '../../../src/domain/collections';
import type { PlainDocument } from '../../../src/domain/merge';
import type { Role } from '../../../src/domain/schemas/staff';

/**
 * Who may see a document: a site and/or an owner (référent); both null means everyone. During a
 * temporary handover (issue 18) the colleague who stands in sees it too: `interimId`, a second
 * owner, absent when nobody stands in.
 */
export interface Scope {
  siteId: string | null;
  ownerId: string | null;
  interimId?: string | null;
}

/**
 * The (site, owner) pairs a scope is recorded under in the revision scopes: the scope itself, and
 * the interim référent as an owner of its own (seeing is an "or" of site, owner and interim, so
 * the pairs say the same as the scope, without a third column in that table's key).
 */
export function revisionScopeKeys(
  scope: Scope,
): { siteId: string | null; ownerId: string | null }[] {
  const keys = [{ siteId: scope.siteId, ownerId: scope.ownerId }];
  if (scope.interimId) keys.push({ siteId: null, ownerId: scope.interimId });
  return keys;
}

/** A scope read back from a row: `interimId` only when someone stands in. */
export function storedScope(
  siteId: string | null,
  ownerId: string | null,
  interimId: string | null,
): Scope {
  return interimId ? { siteId, ownerId, interimId } : { siteId, ownerId };
}

export interface StoredDocument {
  collection: CollectionName;
  id: string;
  seq: number;
  rev: string;
  deleted: boolean;
  /** The document's fields (schema fields only, no `_deleted`). */
  data: PlainDocument;
  youthId: string | null;
  scope: Scope;
  /** The scope before the last scope change, and the state that scope last saw. */
  previousScope: Scope | null;
  previousData: PlainDocument | null;
}

/** A document state to store; `seq` is assigned by the storage. */
export interface DocumentWrite {
  collection: CollectionName;
  id: string;
  rev: string;
  deleted: boolean;
  data: PlainDocument;
  youthId: string | null;
  scope: Scope;
  previousScope: Scope | null;
  previousData: PlainDocument | null;
  /** Provenance of this revision. */
  writtenBy: string;
  deviceId: string | null;
}

/** One stored state of a document, from the history kept in `revisions`. */
export interface RevisionRecord {
  rev: string;
  seq: number;
  deleted: boolean;
  data: PlainDocument;
  writtenBy: string;
  deviceId: string | null;
  /** A device's state merged into a server revision rather than stored as the master. */
  absorbed: boolean;
}

/** What a caller may see: everything, or the documents of some sites and of one owner. */
export type Visibility = { all: true } | { all: false; siteIds: string[]; userId: string };

export interface PulledRow {
  document: StoredDocument;
  /** True when the caller may no longer see it: send it as a removal. */
  removal: boolean;
}

/** A pulled row already in wire format: the JSON text of the document with `_deleted`. */
export interface PulledWireRow {
  seq: number;
  json: string;
  /** The dossier the document belongs to (itself for a dossier), for the audit log. */
  youthId: string | null;
}

export interface Account {
  id: string;
  login: string;
  name: string;
  role: Role;
  siteIds: string[];
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
}

export interface Session {
  tokenHash: string;
  userId: string;
  deviceId: string | null;
  createdAt: string;
  expiresAt: string;
}

export interface Device {
  id: string;
  userId: string;
  label: string;
  appVersion: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  pendingPushes: number | null;
  lastError: string | null;
  revokedAt: string | null;
}

/**
 * What the server keeps for one user on one device so that the device's encrypted data stays
 * reachable (README, Security): the recovery key that unwraps the device's data key after a
 * password change (handed back only after a password login), and the hash of the token that
 * renews the device's session once it is unlocked. Revoking the device deletes it.
 */
export interface DeviceKey {
  deviceId: string;
  userId: string;
  recoveryKey: string | null;
  renewTokenHash: string | null;
  updatedAt: string;
}

export interface AuditEntry {
  at: string;
  userId: string | null;
  deviceId: string | null;
  /** The client's address (behind the trusted proxy, the one it saw), or `cli`. */
  address: string | null;
  action: string;
  collection: string | null;
  documentId: string | null;
  /** The dossiers the action read or wrote: who saw or changed this young person's file. */
  youthIds?: string[];
  /** Ids, codes and counts only: never a personal value (an erasure leaves the log as it is). */
  details: unknown;
}

/** A stored audit row with its place in the hash chain (audit/chain.ts). */
export interface AuditRecord extends AuditEntry {
  seq: number;
  /** The hash of the row before it; null for the first row. */
  prevHash: string | null;
  /** Null only for rows written before the chain existed. */
  hash: string | null;
}

/**
 * What the duplicate check reads of a dossier (replication/duplicates.ts), with its `seq` so an
 * index kept in memory can catch up with every write since it last looked. `live` is false
 * once the dossier is deleted or merged into another one.
 */
export interface YouthIdentityRow {
  id: string;
  seq: number;
  live: boolean;
  siteId: string | null;
  firstName: string;
  lastName: string;
  birthName?: string;
  birthDate?: string;
  phone?: string;
}

/** A dossier named by a loan (Storage.listBorrowers). */
export interface BorrowerRow {
  id: string;
  seq: number;
  deleted: boolean;
}

/** Writes inside one serialised transaction; see the invariants above. */
export interface WriteTransaction {
  getDocuments(collection: CollectionName, ids: string[]): Promise<Map<string, StoredDocument>>;
  /** Documents of any youth-attached collection that belong to one of these young people. */
  getAttachedDocuments(youthIds: string[]): Promise<StoredDocument[]>;
  getRevision(collection: CollectionName, id: string, rev: string): Promise<PlainDocument | null>;
  hasRevision(collection: CollectionName, id: string, rev: string): Promise<boolean>;
  /**
   * Keeps a state pushed by a device that was merged rather than stored as the master, at the
   * `seq` of the state it was merged into, so that a replay of it is recognised.
   */
  absorbRevision(
    collection: CollectionName,
    id: string,
    state: { rev: string; data: PlainDocument; deleted: boolean },
    seq: number,
    provenance: { writtenBy: string; deviceId: string | null },
  ): Promise<void>;
  /** Every state a document had, newest first. */
  getHistory(collection: CollectionName, id: string): Promise<RevisionRecord[]>;
  /**
   * Deletes every stored state of these documents (erasure: the history holds the personal data
   * too); the tombstone written next starts a new history.
   */
  eraseHistory(collection: CollectionName, ids: string[]): Promise<number>;
  /** The dossiers merged into this one (kept as redirects: `mergedInto` names it). */
  listRedirects(youthId: string): Promise<StoredDocument[]>;
  /** The documents of `mobility` (loans) that name one of these vehicles, deleted ones included. */
  getLoansOfVehicles(vehicleIds: string[]): Promise<StoredDocument[]>;
  /** Every review (any kind, any status) that names one of these dossiers in `youthIds`. */
  listReviewsOfYouths(youthIds: string[]): Promise<StoredDocument[]>;
  /**
   * Every scope a revision of a document was stored under: the one it was written with, and
   * each one its dossier's transfers gave it while it was current (a restamp keeps the rev). A
   * state merged into another (`absorbRevision`) has the scope of the state it was merged into.
   * Who could see one of them had the document at that revision.
   */
  getRevisionScopes(collection: CollectionName, id: string, rev: string): Promise<Scope[]>;
  /** The open reviews (conflicts) about any of these documents. */
  getOpenReviews(documentIds: string[]): Promise<StoredDocument[]>;
  /** Every review about any of these documents, whatever its status. */
  getReviewsAbout(documentIds: string[]): Promise<StoredDocument[]>;
  putDocuments(writes: DocumentWrite[]): Promise<StoredDocument[]>;
  /** The identity of every dossier written after `sinceSeq`, in `seq` order. */
  listYouthIdentities(sinceSeq: number): Promise<YouthIdentityRow[]>;
  /** The dossier pairs already recorded as probable duplicates that involve one of these ids. */
  listDuplicatePairs(youthIds: string[]): Promise<[string, string][]>;
  /** Accounts are written with the staff directory document that mirrors them. */
  upsertAccount(account: Account): Promise<void>;
  appendAudit(entries: AuditEntry[]): Promise<void>;
}

/** What a commit feed tells its watcher, on its dedicated connection. */
export interface CommitHandlers {
  /** Some process committed changes up to `seq` (never the documents: they are read back). */
  onCommit(seq: number): void;
  /** The connection is (re)established: commits notified while it was down are lost, catch up. */
  onConnected(): void;
  onError(error: Error): void;
}

export interface CommitWatch {
  stop(): Promise<void>;
}

/** The commits of every process sharing the storage, as they happen. */
export interface CommitFeed {
  /** Every document state committed after `sinceSeq`, all collections, in `seq` order. */
  changesSince(sinceSeq: number, limit: number): Promise<StoredDocument[]>;
  /** Listens until `stop`, reconnecting by itself; resolves once the first attempt is over. */
  watch(handlers: CommitHandlers): Promise<CommitWatch>;
}

export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  /** Only on storages several server processes may share (see the invariants above). */
  readonly commitFeed?: CommitFeed;
  /** Runs `work` as the only writer; commits when it resolves, rolls back when it throws. */
  write<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T>;
  pull(
    collection: CollectionName,
    sinceSeq: number,
    limit: number,
    visibility: Visibility,
  ): Promise<PulledRow[]>;
  /**
   * The same rows as `pull`, already in wire format (the document's JSON with `_deleted`),
   * built without parsing the stored JSON: a first sync pulls tens of thousands of documents.
   * Only for callers that see every field (nothing to redact).
   */
  pullWire(
    collection: CollectionName,
    sinceSeq: number,
    limit: number,
    visibility: Visibility,
  ): Promise<PulledWireRow[]>;
  getDocument(collection: CollectionName, id: string): Promise<StoredDocument | null>;
  /**
   * The dossiers a `mobility` document names (the young people who borrow a vehicle, issue 16),
   * with the `seq` and deletion of the dossier itself: what the Atelier Mob may receive.
   */
  listBorrowers(): Promise<BorrowerRow[]>;
  countDocuments(collection?: CollectionName): Promise<number>;
  /**
   * How many live documents of a collection the caller may see: in all (`total`) and written
   * after `afterSeq` (`remaining`). A first download shows its progress with it.
   */
  countVisible(
    collection: CollectionName,
    afterSeq: number,
    visibility: Visibility,
  ): Promise<{ total: number; remaining: number }>;
  lastSeq(): Promise<number>;

  getAccountByLogin(login: string): Promise<Account | null>;
  getAccount(id: string): Promise<Account | null>;
  listAccounts(): Promise<Account[]>;

  createSession(session: Session): Promise<void>;
  getSession(tokenHash: string): Promise<Session | null>;
  deleteSession(tokenHash: string): Promise<void>;

  upsertDevice(device: Device): Promise<void>;
  getDevice(id: string): Promise<Device | null>;
  listDevices(): Promise<Device[]>;

  /** Ends every session of a device (after it handed over what it held). */
  deleteDeviceSessions(deviceId: string): Promise<void>;

  getDeviceKey(deviceId: string, userId: string): Promise<DeviceKey | null>;
  putDeviceKey(key: DeviceKey): Promise<void>;
  /** Every user's keys of a device, or one user's. */
  deleteDeviceKeys(deviceId: string, userId?: string): Promise<void>;

  /** A setting of the Mission Locale (JSON), or null when never set. */
  /**
   * Which revision of each document the last export to `target` (e.g. i-milo) carried, by
   * `collection:id`: the next export takes only what is new or changed (imilo/).
   */
  listExportMarks(target: string): Promise<Map<string, string>>;
  /** Records that export `exportId` carried these revisions (replacing older marks). */
  putExportMarks(
    target: string,
    exportId: string,
    at: string,
    marks: readonly { collection: string; id: string; rev: string }[],
  ): Promise<void>;
  getSetting(name: string): Promise<unknown>;
  putSetting(name: string, value: unknown): Promise<void>;

  /** Appends rows to the audit log, each chained to the one before (audit/chain.ts). */
  appendAudit(entries: AuditEntry[]): Promise<void>;
  /** The newest rows, newest first. */
  listAudit(limit: number): Promise<AuditEntry[]>;
  /** The rows after `afterSeq`, in order, with their links (audit:verify). */
  readAudit(afterSeq: number, limit: number): Promise<AuditRecord[]>;
  /** The rows about one young person's dossier, newest first (the « Journal des accès »). */
  listAuditOfYouth(youthId: string, limit: number): Promise<AuditRecord[]>;
  /**
   * Deletes the rows written before `before` (the audit log's retention): the only deletion
   * the append-only guard lets through. Returns how many, and the last deleted row's link,
   * which the first row kept chains to.
   */
  purgeAuditBefore(before: string): Promise<{ purged: number; last: AuditRecord | null }>;

  /**
   * Makes erased values unreadable in the database files, not only in its tables: SQLite
   * checkpoints its write-ahead log, rebuilds the file (VACUUM) and truncates the log;
   * PostgreSQL vacuums the tables that held documents.
   */
  compact(): Promise<void>;

  close(): Promise<void>;
}
