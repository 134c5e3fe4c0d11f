/**
 * The right of access (issue 12, item 3): direction exports one young person's whole file, as
 * JSON and as a printable French page; the export holds every record attached to the dossier,
 * compared with a direct query of the storage, and it is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionName } from '../../src/domain/collections';
import { systemClock } from '../../src/domain/time';
import { DEMO_PASSWORD } from '../../sync-server/src/demo/organisation';
import { seedDemo } from '../../sync-server/src/demo/seed';
import type { DossierExport } from '../../sync-server/src/rights/dossier-export';
import type { StoredDocument } from '../../sync-server/src/storage/storage';
import { testPasswordHash } from '../support/accounts';
import { loggedInClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let youthId: string;
let attached: StoredDocument[];

/** Every stored document of the dossier, straight from the storage. */
async function attachedTo(id: string): Promise<StoredDocument[]> {
  const all: StoredDocument[] = [];
  for (const collection of [
    'events',
    'pathway',
    'appointments',
    'attendances',
    'mobility',
  ] as CollectionName[]) {
    const rows = await server.storage.pull(collection, 0, 1_000_000, { all: true });
    all.push(...rows.map((row) => row.document).filter((d) => d.youthId === id));
  }
  return all;
}

beforeAll(async () => {
  server = await startTestServer();
  await seedDemo(server.storage, systemClock, {
    youths: 80,
    events: 800,
    passwordHash: await testPasswordHash(DEMO_PASSWORD),
  });
  // The dossier with the most kinds of attached records.
  const youths = await server.storage.pull('youths', 0, 10_000, { all: true });
  let best = -1;
  for (const row of youths) {
    const documents = await attachedTo(row.document.id);
    const kinds = new Set(
      documents.map((d) => (d.collection === 'pathway' ? `pathway:${d.data.kind}` : d.collection)),
    ).size;
    if (kinds > best) {
      best = kinds;
      youthId = row.document.id;
      attached = documents;
    }
  }
});

afterAll(async () => {
  await server.close();
});

describe('export of a dossier', () => {
  it('holds every attached record of a seeded dossier, with its history and access journal', async () => {
    const direction = await loggedInClient(server.url, 'direction', DEMO_PASSWORD);
    const exported = await direction.send<DossierExport>(
      'GET',
      `/api/v1/youths/${youthId}/export?format=json`,
    );
    const stored = (await server.storage.getDocument('youths', youthId))!;
    expect(exported.dossier).toEqual(stored.data);

    const exportedIds = (list: readonly Record<string, unknown>[]) =>
      list.map((r) => String(r.id)).sort();
    const storedIds = (collection: CollectionName, kind?: string) =>
      attached
        .filter((d) => d.collection === collection && (!kind || d.data.kind === kind))
        .map((d) => d.id)
        .sort();
    expect(exportedIds(exported.events)).toEqual(storedIds('events'));
    expect(exportedIds(exported.situations)).toEqual(storedIds('pathway', 'situation'));
    expect(exportedIds(exported.demandes)).toEqual(storedIds('pathway', 'demande'));
    expect(exportedIds(exported.propositions)).toEqual(storedIds('pathway', 'proposition'));
    expect(exportedIds(exported.dispositifs)).toEqual(storedIds('pathway', 'dispositif'));
    expect(exportedIds(exported.appointments)).toEqual(storedIds('appointments'));
    expect(exportedIds(exported.attendances)).toEqual(storedIds('attendances'));
    expect(exportedIds(exported.loans)).toEqual(storedIds('mobility', 'loan'));
    expect(attached.length).toBeGreaterThan(5);
    for (const attendance of exported.attendances) expect(attendance.workshop).not.toBeNull();
    for (const loan of exported.loans) expect(loan.vehicle).not.toBeNull();
    // One history per record, each with at least the stored state.
    expect(exported.history.map((h) => h.id).sort()).toEqual(
      [youthId, ...attached.map((d) => d.id)].sort(),
    );
    for (const entry of exported.history) expect(entry.revisions.length).toBeGreaterThan(0);

    // The page: French, printable, every event's compte-rendu, the export itself journaled.
    const response = await direction.fetch(`${server.url}/api/v1/youths/${youthId}/export`);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await response.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('@media print');
    expect(html).toContain(String(stored.data.firstName));
    for (const section of [
      'Événements',
      'Propositions',
      'Rendez-vous',
      'Journal des accès au dossier',
    ])
      expect(html).toContain(section);
    expect(html).toContain('Export du dossier');
    const audit = (await server.storage.listAuditOfYouth(youthId, 10)).filter(
      (row) => row.action === 'dossier-export',
    );
    expect(audit.map((row) => row.details)).toEqual([{ format: 'html' }, { format: 'json' }]);
  });

  it('is for the siège only', async () => {
    const adviser = await loggedInClient(server.url, 'camille.martin', DEMO_PASSWORD);
    const response = await adviser.fetch(`${server.url}/api/v1/youths/${youthId}/export`);
    expect(response.status).toBe(403);
  });
});
