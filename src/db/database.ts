/**
 * The device's database: RxDB on its Dexie storage (IndexedDB), one collection per entry of the
 * domain registry. Every local write gets a new `rev`, `updatedAt` and `updatedBy` here, in
 * hooks, so no screen can forget them (the server detects conflicts by `rev`).
 * Every record is sealed at rest with the user's data key (encryption/sealed-storage.ts): the
 * database cannot be opened without it.
 * Dev-mode and schema validation run in development and tests only: dev-mode injects an iframe
 * and validation compiles with `eval`, which the production CSP forbids.
 */
import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxDatabase,
  type RxJsonSchema,
  type RxStorage,
} from 'rxdb/plugins/core';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import {
  COLLECTION_NAMES,
  COLLECTIONS,
  type CollectionDocuments,
  type CollectionName,
} from '../domain/collections';
import { newRev } from '../domain/ids';
import { systemClock, type Clock } from '../domain/time';
import { conflictHandlerFor } from './conflicts';
import { wrappedSealedStorage } from './encryption/sealed-storage';
import { withFreshImport } from './fresh-import';
import { MIGRATIONS } from './migrations';

addRxPlugin(RxDBMigrationSchemaPlugin);
addRxPlugin(RxDBLeaderElectionPlugin);
addRxPlugin(RxDBLocalDocumentsPlugin);

export type RelaisCollections = {
  [C in keyof CollectionDocuments]: RxCollection<CollectionDocuments[C]>;
};
export type RelaisDatabase = RxDatabase<RelaisCollections>;

export interface DatabaseOptions {
  /** IndexedDB database name; one per user on a device. */
  name: string;
  /** The user's data key (encryption/keys.ts): every record is sealed with it at rest. */
  dataKey: CryptoKey;
  /** The staff id written as `updatedBy` on local writes. */
  actorId: () => string;
  clock?: Clock;
  /** fake-indexeddb in Node; the browser's IndexedDB otherwise. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Dev-mode checks and schema validation (development and tests). */
  devMode?: boolean;
  /** Several tabs share the database (leader election, cross-tab events). */
  multiInstance?: boolean;
  /**
   * Tests only: schemas of an earlier version in place of the current ones, to make the
   * database of a device that has not updated yet (its migration is tested on reopening).
   */
  schemaOverrides?: Partial<Record<CollectionName, object>>;
}

let devModeLoaded = false;
/** False in a production build, so the bundler drops the dev-mode chunks entirely. */
const DEV_BUILD: boolean = import.meta.env?.DEV ?? true;

async function storageFor(options: DatabaseOptions): Promise<RxStorage<unknown, unknown>> {
  const dexie = withFreshImport(
    getRxStorageDexie(
      options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : {},
    ) as RxStorage<unknown, unknown>,
  );
  const sealed = wrappedSealedStorage({ storage: dexie, key: options.dataKey });
  if (!DEV_BUILD || !options.devMode) return sealed;
  if (!devModeLoaded) {
    const { RxDBDevModePlugin, disableWarnings } = await import('rxdb/plugins/dev-mode');
    disableWarnings();
    addRxPlugin(RxDBDevModePlugin);
    devModeLoaded = true;
  }
  const { wrappedValidateAjvStorage } = await import('rxdb/plugins/validate-ajv');
  // Outside the seal: validation sees the plain documents.
  return wrappedValidateAjvStorage({ storage: sealed }) as RxStorage<unknown, unknown>;
}

/**
 * Database names RxDB accepts: lower-case letters, digits, `-` and `_`. One per user and data
 * key: a new key (after a wipe) never meets the records of an older one.
 */
export function databaseNameFor(userId: string, keyId: string): string {
  const clean = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  return `relais-${clean(userId)}-${clean(keyId)}`;
}

export async function createRelaisDatabase(options: DatabaseOptions): Promise<RelaisDatabase> {
  const clock = options.clock ?? systemClock;
  const db = await createRxDatabase<RelaisCollections>({
    name: options.name,
    storage: await storageFor(options),
    multiInstance: options.multiInstance ?? false,
    eventReduce: true,
    localDocuments: true,
    closeDuplicates: true,
  });
  await db.addCollections(
    Object.fromEntries(
      COLLECTION_NAMES.map((name) => [
        name,
        {
          schema: (options.schemaOverrides?.[name] ??
            COLLECTIONS[name].schema) as unknown as RxJsonSchema<unknown>,
          migrationStrategies: MIGRATIONS[name],
          conflictHandler: conflictHandlerFor(name),
          localDocuments: true,
        },
      ]),
    ),
  );
  for (const name of COLLECTION_NAMES) {
    const collection = db.collections[name] as RxCollection;
    const stampWrite = (data: Record<string, unknown>) => {
      data.rev = newRev();
      data.updatedAt = clock.now().toISOString();
      data.updatedBy = options.actorId();
    };
    collection.preInsert(stampWrite, false);
    collection.preSave(stampWrite, false);
    collection.preRemove(stampWrite, false);
  }
  return db;
}
