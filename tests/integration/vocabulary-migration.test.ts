/**
 * Issue 18, the i-milo vocabulary: a device that has not updated keeps what it typed offline
 * through its upgrade, and the server rewrites its stored documents once, on both backends.
 */
import { describe, expect, it } from 'vitest';
import { newId, newRev } from '../../src/domain/ids';
import { eventSchema } from '../../src/domain/schemas/event';
import { pathwaySchema } from '../../src/domain/schemas/pathway';
import type { PlainDocument } from '../../src/domain/merge';
import type { DocumentWrite } from '../../sync-server/src/storage/storage';
import { ADVISER_SEES, PASSWORD, createTestAccounts } from '../support/accounts';
import { buildEvent, buildYouth, SITE_SEES, wire } from '../support/builders';
import { spawnDevice } from '../support/device';
import { loggedInClient } from '../support/http';
import { startTestServer } from '../support/server';
import { BACKENDS, storageFixture } from '../support/storages';
import { syncWorld } from '../support/sync-world';

/** The v0 schemas (before i-milo's vocabulary), as the previous release shipped them. */
const V0_SCHEMAS = {
  events: {
    ...eventSchema,
    version: 0,
    properties: {
      ...eventSchema.properties,
      kind: {
        type: 'string',
        enum: [
          'entretien-individuel',
          'contact-telephonique',
          'visite',
          'atelier',
          'information-collective',
          'mediation',
          'relance',
          'autre',
        ],
        maxLength: 30,
      },
    },
  },
  pathway: (() => {
    const { workingTime: _w, cejWeeks: _c, ...properties } = pathwaySchema.properties;
    return {
      ...pathwaySchema,
      version: 0,
      properties: {
        ...properties,
        situationType: {
          type: 'string',
          enum: ['emploi', 'alternance', 'formation', 'service-civique', 'inconnue'],
        },
        phases: {
          type: 'array',
          maxItems: 20,
          items: {
            type: 'object',
            additionalProperties: false,
            properties: {
              label: { type: 'string', maxLength: 200 },
              objectives: { type: 'string', maxLength: 2000 },
              startDate: { type: 'string', maxLength: 10 },
              endDate: { type: 'string', maxLength: 10 },
            },
            required: ['label', 'startDate'],
          },
        },
      },
    };
  })(),
};

type Seed = PlainDocument & { id: string; rev: string };

function situation(youthId: string, situationType: string): Seed {
  return {
    id: newId(),
    rev: newRev(),
    updatedAt: '2026-11-02T09:00:00.000Z',
    updatedBy: 'test-user',
    youthId,
    kind: 'situation',
    situationType,
    phase: 'en-cours',
    startDate: '2026-11-02',
  };
}

describe('a device on the previous schema version', () => {
  const world = syncWorld();

  it('upgrades with its unsent changes and the server gets them in the new vocabulary', async () => {
    const youth = buildYouth({ siteId: SITE_SEES });
    const api = await loggedInClient(world.server.url, ADVISER_SEES.login);
    expect((await api.push('youths', [{ newDocumentState: wire(youth) }])).refused).toEqual([]);

    const device = spawnDevice({
      serverUrl: world.server.url,
      login: ADVISER_SEES.login,
      password: PASSWORD,
      previousSchemas: V0_SCHEMAS,
    });
    try {
      // Typed offline on the old version, never sent.
      const civic = situation(youth.id, 'service-civique');
      const event = buildEvent({ youthId: youth.id, kind: 'mediation', report: 'Hors ligne' });
      await device.insert('pathway', civic);
      await device.insert('events', event);

      // The old version's push is refused whole (426), never half applied.
      const cookie = await sessionCookie(world.server.url);
      const old = await fetch(`${world.server.url}/api/v1/sync/pathway/0/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify([{ newDocumentState: wire(civic) }]),
      });
      expect(old.status).toBe(426);
      expect(((await old.json()) as { error: { code: string } }).error.code).toBe(
        'SCHEMA_OUTDATED',
      );

      await device.upgrade();
      await device.sync();
      const expected = { situationType: 'volontariat', situationSubtype: 'service-civique' };
      expect(await device.get('pathway', civic.id)).toMatchObject(expected);
      expect((await world.server.storage.getDocument('pathway', civic.id))?.data).toMatchObject(
        expected,
      );
      expect((await world.server.storage.getDocument('events', event.id))?.data).toMatchObject({
        kind: 'mediation',
        report: 'Hors ligne',
      });
      expect((await device.status()).pending).toBe(0);
    } finally {
      await device.close();
    }
  });
});

async function sessionCookie(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: ADVISER_SEES.login, password: PASSWORD }),
  });
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

function stored(collection: 'events' | 'pathway' | 'youths', data: PlainDocument): DocumentWrite {
  return {
    collection,
    id: String(data.id),
    rev: String(data.rev),
    deleted: false,
    data,
    youthId: String(data.youthId ?? data.id),
    scope: { siteId: SITE_SEES, ownerId: null },
    previousScope: null,
    previousData: null,
    writtenBy: 'test-user',
    deviceId: null,
  };
}

describe.each(BACKENDS)('the server on %s', (backend) => {
  it('rewrites its stored v0 documents at startup, once, as revisions devices pull', async () => {
    const fixture = await storageFixture(backend);
    const youthId = newId();
    const civic = situation(youthId, 'service-civique');
    const emploi = { ...situation(youthId, 'emploi'), situationSubtype: 'cdd' };
    const pacea = {
      ...situation(youthId, 'x'),
      kind: 'dispositif',
      programme: 'PACEA',
      situationType: undefined,
      phase: undefined,
      phases: [
        { label: 'Phase 1 — diagnostic et projet', startDate: '2026-11-02' },
        { label: 'Bilan', startDate: '2027-02-01' },
      ],
    };
    const event = buildEvent({ youthId }) as unknown as Seed;
    const seeding = await fixture.open();
    await seeding.write((tx) =>
      tx.putDocuments([
        stored('pathway', civic),
        stored('pathway', emploi),
        stored('pathway', JSON.parse(JSON.stringify(pacea)) as PlainDocument),
        stored('events', event),
      ]),
    );
    await seeding.close();

    const server = await startTestServer({ shared: { backend, fixture } });
    try {
      const storage = () => server.storage;
      const after = await storage().getDocument('pathway', civic.id);
      expect(after?.data).toMatchObject({
        situationType: 'volontariat',
        situationSubtype: 'service-civique',
        updatedBy: 'server',
      });
      expect(after?.rev).not.toBe(civic.rev);
      // The old revision stays in the history: a device sending it again is a replay.
      expect(await storage().write((tx) => tx.hasRevision('pathway', civic.id, civic.rev))).toBe(
        true,
      );
      const phases = (await storage().getDocument('pathway', pacea.id))?.data.phases;
      expect(phases).toMatchObject([{ step: 'definir-projet' }, { label: 'Bilan' }]);
      // What needed nothing keeps its revision.
      expect((await storage().getDocument('pathway', emploi.id))?.rev).toBe(emploi.rev);
      expect((await storage().getDocument('events', event.id))?.rev).toBe(event.rev);

      // Devices pull the mapped state.
      await createTestAccounts(storage());
      const api = await loggedInClient(server.url, ADVISER_SEES.login);
      const pulled = await api.pull('pathway', 0, 100);
      expect(pulled.documents.find((doc) => doc.id === civic.id)).toMatchObject({
        situationType: 'volontariat',
        rev: after?.rev,
      });

      // A second start has nothing left to do.
      await server.restart();
      expect((await storage().getDocument('pathway', civic.id))?.rev).toBe(after?.rev);
    } finally {
      await server.close();
      await fixture.dispose();
    }
  });

  it('gives its stored aller-vers dossiers their orientation and keeps older dispositifs closable (issue 17)', async () => {
    const fixture = await storageFixture(backend);
    const met = buildYouth({
      siteId: SITE_SEES,
      referentId: ADVISER_SEES.id,
      status: 'accompagne',
      outreach: { place: 'Marché de Perseigne', need: 'emploi' },
    });
    const walkedIn = buildYouth({ siteId: SITE_SEES, educationLevel: 'niveau-4' });
    const cej: Seed = {
      ...situation(met.id, 'x'),
      kind: 'dispositif',
      programme: 'CEJ',
      startDate: '2026-03-02',
      endDate: '2027-03-01',
      weeklyHoursCommitment: 15,
    };
    delete cej.situationType;
    delete cej.phase;
    const seeding = await fixture.open();
    await seeding.write((tx) =>
      tx.putDocuments([
        stored('youths', met as unknown as PlainDocument),
        stored('youths', walkedIn as unknown as PlainDocument),
        stored('pathway', cej),
      ]),
    );
    await seeding.close();

    const server = await startTestServer({ shared: { backend, fixture } });
    try {
      const after = await server.storage.getDocument('youths', met.id);
      expect(after?.data).toMatchObject({ orientation: 'aller-vers', updatedBy: 'server' });
      expect(after?.rev).not.toBe(met.rev);
      // Not known stays absent, and the dossier keeps its revision.
      const kept = await server.storage.getDocument('youths', walkedIn.id);
      expect(kept?.rev).toBe(walkedIn.rev);
      expect(kept?.data.orientation).toBeUndefined();
      expect((await server.storage.getDocument('pathway', cej.id))?.rev).toBe(cej.rev);

      // The dispositif stored before closings existed is closed by a device on the new version.
      await createTestAccounts(server.storage);
      const api = await loggedInClient(server.url, ADVISER_SEES.login);
      const closed = { ...cej, rev: newRev(), endedOn: '2026-11-13', exitReason: 'emploi' };
      const answer = await api.push('pathway', [
        { newDocumentState: wire(closed), assumedMasterState: wire(cej) },
      ]);
      expect(answer.refused).toEqual([]);
      expect((await server.storage.getDocument('pathway', cej.id))?.data).toMatchObject({
        endedOn: '2026-11-13',
        exitReason: 'emploi',
        endDate: '2027-03-01',
      });
    } finally {
      await server.close();
      await fixture.dispose();
    }
  });
});
