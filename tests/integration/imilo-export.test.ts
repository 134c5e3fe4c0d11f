/**
 * Issue 18, the i-milo export: the rows of a seeded period against a direct query of the
 * storage, nothing new on a second export, an edited record again, an unmappable value
 * reported — over HTTP on both backends.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { newId, newRev } from '../../src/domain/ids';
import type { PlainDocument } from '../../src/domain/merge';
import type { ImiloExport } from '../../sync-server/src/imilo/export';
import type { DocumentWrite, Storage } from '../../sync-server/src/storage/storage';
import { ADVISER_PERSEIGNE, ADVISER_SEES, DIRECTION, PASSWORD } from '../support/accounts';
import { buildEvent, buildYouth, SITE_PERSEIGNE, SITE_SEES } from '../support/builders';
import { BACKENDS } from '../support/storages';
import { syncWorld } from '../support/sync-world';

const PERIOD = { from: '2026-11-01', to: '2026-11-30' };

function write(collection: DocumentWrite['collection'], data: PlainDocument): DocumentWrite {
  const youthId = collection === 'youths' ? String(data.id) : ((data.youthId as string) ?? null);
  return {
    collection,
    id: String(data.id),
    rev: String(data.rev),
    deleted: false,
    data,
    youthId,
    scope: { siteId: SITE_SEES, ownerId: null },
    previousScope: null,
    previousData: null,
    writtenBy: 'test-user',
    deviceId: null,
  };
}

const doc = (fields: PlainDocument): PlainDocument => ({
  id: newId(),
  rev: newRev(),
  updatedAt: '2026-11-20T10:00:00.000Z',
  updatedBy: 'test-user',
  ...fields,
});

async function seed(storage: Storage) {
  const known = buildYouth({ imiloNumber: '0612345', referentId: ADVISER_SEES.id });
  const other = buildYouth({ firstName: 'Noé', lastName: 'Le Goff; dit "Jo"' });
  const elsewhere = buildYouth({ siteId: SITE_PERSEIGNE });
  const events = [
    buildEvent({ youthId: known.id, at: '2026-11-03T09:30' }),
    buildEvent({ youthId: known.id, at: '2026-11-30T17:00', kind: 'mediation' }),
    buildEvent({ youthId: known.id, at: '2026-10-31T10:00' }),
    buildEvent({ youthId: other.id, at: '2026-11-12T14:00', kind: 'entretien-partenaire' }),
    buildEvent({ youthId: elsewhere.id, at: '2026-11-12T14:00' }),
  ];
  const cdd = doc({
    youthId: known.id,
    kind: 'situation',
    situationType: 'emploi',
    situationSubtype: 'cdd',
    workingTime: 'temps-partiel',
    phase: 'en-cours',
    startDate: '2026-09-01',
  });
  const aide = doc({
    youthId: other.id,
    kind: 'situation',
    situationType: 'emploi',
    situationSubtype: 'contrat-aide',
    phase: 'en-cours',
    startDate: '2026-11-02',
  });
  const mobilite = doc({
    youthId: known.id,
    kind: 'proposition',
    theme: 'mobilite',
    propositionType: 'autre',
    result: 'acceptee',
    startDate: '2026-11-05',
  });
  const cej = doc({
    youthId: other.id,
    kind: 'dispositif',
    programme: 'CEJ',
    startDate: '2026-10-01',
    endDate: '2027-03-31',
    weeklyHoursCommitment: 15,
    cejWeeks: [
      { weekStart: '2026-10-26', declaredHours: 15, validatedHours: 15 },
      { weekStart: '2026-11-02', declaredHours: 16, validatedHours: 14 },
      { weekStart: '2026-11-09', declaredHours: 12 },
    ],
  });
  const session = doc({
    kind: 'atelier',
    title: 'CV et lettre',
    siteId: SITE_SEES,
    start: '2026-11-18T14:00',
    durationMinutes: 120,
  });
  const inscription = doc({
    id: `${String(session.id)}:${known.id}`,
    workshopId: session.id,
    youthId: known.id,
    present: true,
  });
  await storage.write((tx) =>
    tx.putDocuments([
      ...[known, other, elsewhere].map((y) => write('youths', y as unknown as PlainDocument)),
      ...events.map((e) => write('events', e as unknown as PlainDocument)),
      ...[cdd, aide, mobilite, cej].map((p) => write('pathway', p)),
      write('workshops', session),
      write('attendances', inscription),
    ]),
  );
  return { known, other, events, aide };
}

/** The events of the period whose dossier is at `siteId`, straight from the storage's tables. */
async function eventIdsByQuery(backend: string, location: string, siteId: string) {
  if (backend === 'sqlite') {
    const db = new Database(location, { readonly: true });
    try {
      const rows = db
        .prepare(
          `SELECT e.id FROM documents e JOIN documents y ON y.collection = 'youths'
             AND y.id = json_extract(e.data, '$.youthId')
           WHERE e.collection = 'events' AND e.deleted = 0
             AND substr(json_extract(e.data, '$.at'), 1, 10) BETWEEN ? AND ?
             AND json_extract(y.data, '$.siteId') = ?`,
        )
        .all(PERIOD.from, PERIOD.to, siteId) as { id: string }[];
      return rows.map((row) => row.id).sort();
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT e.id FROM documents e JOIN documents y ON y.collection = 'youths'
         AND y.id = e.data->>'youthId'
       WHERE e.collection = 'events' AND NOT e.deleted
         AND substr(e.data->>'at', 1, 10) BETWEEN $1 AND $2 AND y.data->>'siteId' = $3`,
      [PERIOD.from, PERIOD.to, siteId],
    );
    return (rows as { id: string }[]).map((row) => row.id).sort();
  } finally {
    await client.end();
  }
}

/** The fields of one CSV line: `;` between them, quotes doubled inside quoted ones. */
function fields(line: string): string[] {
  const out: string[] = [];
  for (let i = 0; i <= line.length;) {
    if (line[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (line[j] === '"' && line[j + 1] === '"') {
          value += '"';
          j += 2;
        } else if (line[j] === '"') {
          j += 1;
          break;
        } else value += line[j++];
      }
      out.push(value);
      i = j + 1;
    } else {
      const next = line.indexOf(';', i);
      const end = next === -1 ? line.length : next;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

/** The data lines of a CSV (after its BOM and header). */
function lines(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return csv.slice(1).split('\r\n').filter(Boolean).slice(1).map(fields);
}

async function exportAs(url: string, login: string, body: object) {
  const session = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  const cookie = session.headers.getSetCookie()[0]!.split(';')[0]!;
  return fetch(`${url}/api/v1/exports/imilo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
}

describe.each(BACKENDS)('the i-milo export on %s', (backend) => {
  const world = syncWorld({ backend });

  it('exports the period once, then only what changed, and reports what has no i-milo word', async () => {
    const { known, other, events, aide } = await seed(world.server.storage);
    const request = { ...PERIOD, siteId: SITE_SEES };
    const first = (await (
      await exportAs(world.server.url, DIRECTION.login, request)
    ).json()) as ImiloExport;

    // Exactly the events a direct query finds, identity first and the id last.
    const evenements = lines(first.files['evenements.csv']!);
    const expectedIds = await eventIdsByQuery(backend, world.server.location!, SITE_SEES);
    expect(evenements.map((row) => row.at(-1)).sort()).toEqual(expectedIds);
    expect(expectedIds).toHaveLength(3);
    expect(evenements).toContainEqual([
      'Lefèvre',
      'Inès',
      '12/04/2006',
      '0612345',
      '30/11/2026',
      '17:00',
      'Autre',
      'Médiation',
      '45',
      'Emploi',
      'Extérieur',
      events[1]!.id,
    ]);
    expect(first.files['evenements.csv']).toContain('"Le Goff; dit ""Jo"""');
    expect(first.report.files).toMatchObject({
      'evenements.csv': 3,
      'situations.csv': 1,
      'propositions.csv': 1,
      'dispositifs.csv': 1,
      'heures-cej.csv': 2,
      'sessions.csv': 1,
      'inscriptions.csv': 1,
    });
    expect(lines(first.files['situations.csv']!)[0]).toContain('CDD temps partiel');
    expect(lines(first.files['propositions.csv']!)[0]!.slice(5, 7)).toEqual([
      'Action non SNP',
      'Mobilité',
    ]);
    expect(lines(first.files['inscriptions.csv']!)[0]).toContain('Réalisé');
    // The contrat aidé without CIE or CAE is reported, not dropped.
    expect(first.report.unmapped).toEqual([
      expect.objectContaining({ documentId: aide.id, youthId: other.id, file: 'situations.csv' }),
    ]);
    expect(first.report.unmapped[0]!.reason).toContain('CIE ou CAE');

    const second = (await (
      await exportAs(world.server.url, DIRECTION.login, request)
    ).json()) as ImiloExport;
    expect(Object.values(second.report.files).every((count) => count === 0)).toBe(true);
    expect(second.report.alreadyExported).toBe(10);
    expect(second.report.unmapped).toHaveLength(1);

    // An edited event goes again, alone.
    const edited = { ...events[0]!, durationMinutes: 60, rev: newRev() };
    await world.server.storage.write((tx) =>
      tx.putDocuments([write('events', edited as unknown as PlainDocument)]),
    );
    const third = (await (
      await exportAs(world.server.url, DIRECTION.login, request)
    ).json()) as ImiloExport;
    expect(third.report.files['evenements.csv']).toBe(1);
    expect(lines(third.files['evenements.csv']!)[0]).toContain('60');
    expect(known.id).toBeTruthy();

    // An adviser exports their own dossiers only.
    const refused = await exportAs(world.server.url, ADVISER_PERSEIGNE.login, request);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });
});
