/**
 * Seeds an empty storage with the demo Mission Locale: accounts (with their staff directory
 * documents) and every generated document, stamped with its scope as a push would stamp it.
 */
import { COLLECTION_NAMES, type CollectionName } from '../../../src/domain/collections';
import type { PlainDocument } from '../../../src/domain/merge';
import { today, type Clock } from '../../../src/domain/time';
import { createAccount } from '../auth/accounts';
import { hashPassword } from '../auth/passwords';
import { scopeOf, youthIdOf, youthScope } from '../replication/scope';
import type { DocumentWrite, Storage } from '../storage/storage';
import { VOCABULARY_VERSION } from '../../../src/domain/vocabulary';
import { VOCABULARY_SETTING } from '../vocabulary/migrate';
import { DEMO_SETTING } from './demo-setting';
import { seedDemoDevices } from './devices';
import { generateDemo, type DemoDocuments, type DemoOptions } from './generator';
import { DEMO_PASSWORD, DEMO_STAFF } from './organisation';
import { seedReconciliation, type ReconciliationReport } from './reconciliation';

const SEED_BATCH = 5000;

export function toWrites(documents: DemoDocuments): DocumentWrite[] {
  const youthScopes = new Map((documents.youths ?? []).map((y) => [String(y.id), youthScope(y)]));
  const writes: DocumentWrite[] = [];
  for (const collection of COLLECTION_NAMES) {
    for (const data of documents[collection] ?? []) {
      const youthId = youthIdOf(collection, data);
      writes.push({
        collection,
        id: String(data.id),
        rev: String(data.rev),
        deleted: false,
        data,
        youthId,
        scope: scopeOf(
          collection,
          data,
          youthId ? youthScopes.get(youthId) : undefined,
          String(data.updatedBy),
        ),
        previousScope: null,
        previousData: null,
        writtenBy: String(data.updatedBy),
        deviceId: null,
      });
    }
  }
  return writes;
}

/** Writes documents in large transactions (one fsync per batch). */
export async function storeDocuments(storage: Storage, documents: DemoDocuments): Promise<number> {
  const writes = toWrites(documents);
  for (let i = 0; i < writes.length; i += SEED_BATCH) {
    const batch = writes.slice(i, i + SEED_BATCH);
    await storage.write((tx) => tx.putDocuments(batch));
  }
  return writes.length;
}

/**
 * Every demo account has DEMO_PASSWORD: it is checked and hashed once, not 25 times (a second
 * or two at each first start). `passwordHash`: its hash when already known (tests seed often).
 */
export async function createDemoAccounts(
  storage: Storage,
  clock: Clock,
  passwordHash?: string,
): Promise<void> {
  const shared = passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  for (const [index, staff] of DEMO_STAFF.entries()) {
    await createAccount(storage, { ...staff, password: DEMO_PASSWORD }, clock, {
      passwordHash: shared,
      checkPassword: index === 0,
    });
  }
}

export interface SeedReport {
  accounts: number;
  documents: Partial<Record<CollectionName, number>>;
  devices: number;
  reviews: ReconciliationReport;
}

export async function seedDemo(
  storage: Storage,
  clock: Clock,
  { passwordHash, ...options }: Partial<DemoOptions> & { passwordHash?: string } = {},
): Promise<SeedReport> {
  await createDemoAccounts(storage, clock, passwordHash);
  const documents = generateDemo({ today: today(clock), ...options });
  await storeDocuments(storage, documents);
  // What the siège has to look at: devices, conflicts and probable duplicates.
  const devices = await seedDemoDevices(storage, clock);
  const reviews = await seedReconciliation(storage, clock, documents);
  await storage.putSetting(DEMO_SETTING, true);
  // The generator writes today's vocabulary: nothing for the startup migration to look at.
  await storage.putSetting(VOCABULARY_SETTING, VOCABULARY_VERSION);
  const counts: Partial<Record<CollectionName, number>> = {};
  for (const [name, list] of Object.entries(documents) as [CollectionName, PlainDocument[]][]) {
    counts[name] = list.length;
  }
  return { accounts: DEMO_STAFF.length, documents: counts, devices, reviews };
}
