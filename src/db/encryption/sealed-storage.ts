/**
 * An RxDB storage wrapper that keeps records sealed at rest (design.md, Security): each stored
 * document holds its clear fields (clear-fields.ts) and `_sealed`, the AES-GCM seal of all the
 * others, bound to its collection and id. Screens and sync never see it: they read and write
 * plain documents through RxDB as before.
 *
 * Why not RxDB's `encryption-crypto-js`: MD5 key derivation, CBC without a MAC, per-field
 * strings that leave every field name and every indexed value in clear (stack-notes.md).
 *
 * Costs kept low: a document written by this instance is never unsealed again for its change
 * event or for a read soon after (a cache of recent plain documents by id and RxDB revision);
 * the `previous` state of a write row is not sealed (the storage compares only its `_rev`).
 * A query on a sealed field would silently match nothing: it throws instead.
 */
import { BehaviorSubject, concatMap, filter, firstValueFrom, from, tap } from 'rxjs';
import type {
  BulkWriteRow,
  EventBulk,
  PreparedQuery,
  RxDocumentData,
  RxStorage,
  RxStorageBulkWriteResponse,
  RxStorageChangeEvent,
  RxStorageInstance,
  RxStorageInstanceCreationParams,
} from 'rxdb/plugins/core';
import { getPrimaryFieldOfPrimaryKey } from 'rxdb/plugins/core';
import { clearFieldsOf, selectorFields } from './clear-fields';
import { openSeal, seal } from './sealing';

export const SEALED_FIELD = '_sealed';
/** Plain documents kept for reads soon after a write or a read (per instance). */
const RECENT_PLAIN_DOCUMENTS = 5_000;
/**
 * Seals or opens in flight at once. WebCrypto answers each call through a task of its own:
 * thousands at once queue up and cost twice as much per document as windows of a few dozen
 * (measured in Chromium, 20,000 records).
 */
const CRYPTO_WINDOW = 64;

/** `work` over `items` in order, at most CRYPTO_WINDOW at a time. */
async function mapInWindows<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += CRYPTO_WINDOW) {
    results.push(...(await Promise.all(items.slice(i, i + CRYPTO_WINDOW).map(work))));
  }
  return results;
}

type Doc = RxDocumentData<Record<string, unknown>>;
type Instance = RxStorageInstance<Record<string, unknown>, unknown, unknown, unknown>;

export interface SealedStorageOptions {
  storage: RxStorage<unknown, unknown>;
  /** The user's data key (keys.ts), in memory only. */
  key: CryptoKey;
}

export function wrappedSealedStorage(options: SealedStorageOptions): RxStorage<unknown, unknown> {
  const { storage, key } = options;
  return {
    ...storage,
    name: `sealed-${storage.name}`,
    async createStorageInstance<RxDocType>(
      params: RxStorageInstanceCreationParams<RxDocType, unknown>,
    ) {
      const inner = (await storage.createStorageInstance(params)) as unknown as Instance;
      const clear = clearFieldsOf(params.collectionName, params.schema as never);
      if (!clear) return inner as never;
      return new SealedInstance(inner, key, clear) as never;
    },
  };
}

class SealedInstance {
  readonly databaseName: string;
  readonly internals: unknown;
  readonly options: unknown;
  readonly schema: Instance['schema'];
  readonly collectionName: string;
  private readonly primary: string;
  private readonly recent = new Map<string, Doc>();
  /** Plain documents of the writes in progress, for their change events. */
  private readonly writing = new Set<Map<string, Doc>>();
  private readonly processingEvents$ = new BehaviorSubject(0);

  constructor(
    private readonly inner: Instance,
    private readonly key: CryptoKey,
    private readonly clear: ReadonlySet<string>,
  ) {
    this.databaseName = inner.databaseName;
    this.internals = inner.internals;
    this.options = inner.options;
    this.schema = inner.schema;
    this.collectionName = inner.collectionName;
    this.primary = getPrimaryFieldOfPrimaryKey(inner.schema.primaryKey) as string;
    const changedSince = inner.getChangedDocumentsSince?.bind(inner);
    if (changedSince) {
      this.getChangedDocumentsSince = async (limit, checkpoint) => {
        const result = await changedSince(limit, checkpoint);
        return {
          checkpoint: result.checkpoint,
          documents: await mapInWindows(result.documents, (d) => this.openDocument(d)),
        };
      };
    }
  }

  private context(id: unknown): string {
    return `${this.collectionName}/${String(id)}`;
  }

  private cacheKey(doc: Doc): string {
    return `${String(doc[this.primary])}|${doc._rev}`;
  }

  private remember(doc: Doc): void {
    const key = this.cacheKey(doc);
    this.recent.delete(key);
    this.recent.set(key, doc);
    if (this.recent.size > RECENT_PLAIN_DOCUMENTS) {
      this.recent.delete(this.recent.keys().next().value!);
    }
  }

  private async sealDocument(doc: Doc): Promise<Doc> {
    const stored: Record<string, unknown> = {};
    const secret: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(doc)) {
      if (this.clear.has(field)) stored[field] = value;
      else secret[field] = value;
    }
    stored[SEALED_FIELD] = await seal(this.key, secret, this.context(doc[this.primary]));
    return stored as Doc;
  }

  /** The plain document of a stored one; a stored document without a seal is refused. */
  private async openDocument(stored: Doc): Promise<Doc> {
    const cached = this.recent.get(this.cacheKey(stored));
    if (cached) return cached;
    const { [SEALED_FIELD]: sealed, ...clearPart } = stored as Record<string, unknown>;
    const secret = await openSeal<Record<string, unknown>>(
      this.key,
      sealed,
      this.context(stored[this.primary]),
    );
    const plain = { ...secret, ...clearPart } as Doc;
    this.remember(plain);
    return plain;
  }

  /** An event's document: sealed when stored, plain when it is a write row's `previous`. */
  private eventDocument(doc: Doc | undefined): Doc | undefined | Promise<Doc> {
    if (!doc || !(SEALED_FIELD in doc)) return doc;
    const key = this.cacheKey(doc);
    for (const written of this.writing) {
      const plain = written.get(key);
      if (plain) return plain;
    }
    return this.openDocument(doc);
  }

  private assertClearQuery(query: PreparedQuery<unknown>['query']): void {
    const sorted = (query.sort ?? []).flatMap((part) => Object.keys(part));
    const read = [...selectorFields(query.selector), ...sorted].map((f) => f.split('.')[0]!);
    const sealed = read.filter((field) => !this.clear.has(field));
    if (sealed.length > 0) {
      throw new Error(
        `Query on ${this.collectionName} reads sealed field(s) ${sealed.join(', ')}: ` +
          'add them to deviceClearFields if they hold nothing personal, or filter in memory.',
      );
    }
  }

  async bulkWrite(
    rows: BulkWriteRow<Record<string, unknown>>[],
    context: string,
  ): Promise<RxStorageBulkWriteResponse<Record<string, unknown>>> {
    const written = new Map<string, Doc>();
    const sealedRows = await mapInWindows(rows, async (row) => {
      written.set(this.cacheKey(row.document), row.document);
      return { previous: row.previous, document: await this.sealDocument(row.document) };
    });
    this.writing.add(written);
    try {
      const result = await this.inner.bulkWrite(sealedRows, context);
      const failed = new Set(result.error.map((failure) => failure.documentId));
      for (const doc of written.values()) {
        if (!failed.has(String(doc[this.primary]))) this.remember(doc);
      }
      const error = await Promise.all(
        result.error.map(async (failure) => ({
          ...failure,
          writeRow: rows.find((row) => row.document[this.primary] === failure.documentId)!,
          ...('documentInDb' in failure && failure.documentInDb
            ? { documentInDb: await this.openDocument(failure.documentInDb) }
            : {}),
        })),
      );
      // RxDB requires every change event to be out before the write resolves.
      await firstValueFrom(this.processingEvents$.pipe(filter((count) => count === 0)));
      return { error } as RxStorageBulkWriteResponse<Record<string, unknown>>;
    } finally {
      this.writing.delete(written);
    }
  }

  async findDocumentsById(ids: string[], withDeleted: boolean): Promise<Doc[]> {
    const found = await this.inner.findDocumentsById(ids, withDeleted);
    return mapInWindows(found, (doc) => this.openDocument(doc));
  }

  async query(prepared: PreparedQuery<Record<string, unknown>>) {
    this.assertClearQuery(prepared.query);
    const result = await this.inner.query(prepared);
    return { documents: await mapInWindows(result.documents, (d) => this.openDocument(d)) };
  }

  count(prepared: PreparedQuery<Record<string, unknown>>) {
    this.assertClearQuery(prepared.query);
    return this.inner.count(prepared);
  }

  /** Only when the storage has it: RxDB falls back to a query on `_meta.lwt` otherwise. */
  readonly getChangedDocumentsSince?: (
    limit: number,
    checkpoint?: unknown,
  ) => Promise<{ documents: Doc[]; checkpoint: unknown }>;

  changeStream() {
    return this.inner.changeStream().pipe(
      tap(() => this.processingEvents$.next(this.processingEvents$.value + 1)),
      // In order: a later bulk must not overtake one still being opened.
      concatMap((bulk) => from(this.openBulk(bulk))),
      tap(() => this.processingEvents$.next(this.processingEvents$.value - 1)),
    );
  }

  private async openBulk(
    bulk: EventBulk<RxStorageChangeEvent<Record<string, unknown>>, unknown>,
  ): Promise<EventBulk<RxStorageChangeEvent<Record<string, unknown>>, unknown>> {
    const events = await mapInWindows(bulk.events, async (event) => ({
      ...event,
      documentData: (await this.eventDocument(event.documentData))!,
      previousDocumentData: await this.eventDocument(event.previousDocumentData),
    }));
    return { ...bulk, events } as typeof bulk;
  }

  getAttachmentData(documentId: string, attachmentId: string, digest: string): Promise<Blob> {
    // Relais stores no attachments; refusing keeps a future one from landing unsealed.
    void documentId;
    void attachmentId;
    void digest;
    return Promise.reject(new Error('Attachments are not stored on a sealed Relais database.'));
  }

  cleanup(minimumDeletedTime: number): Promise<boolean> {
    return this.inner.cleanup(minimumDeletedTime);
  }

  close(): Promise<void> {
    this.recent.clear();
    return this.inner.close();
  }

  remove(): Promise<void> {
    this.recent.clear();
    return this.inner.remove();
  }
}
