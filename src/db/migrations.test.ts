import { createRxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb/plugins/core';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import { buildAppointment, buildWorkshop, buildYouth } from '../../tests/support/builders';
import { testDataKey } from '../../tests/support/database';
import { appointmentSchema } from '../domain/schemas/appointment';
import { attendanceSchema } from '../domain/schemas/attendance';
import { pathwaySchema } from '../domain/schemas/pathway';
import { workshopSchema } from '../domain/schemas/workshop';
import { youthSchema } from '../domain/schemas/youth';
import { createRelaisDatabase } from './database';
import { wrappedSealedStorage } from './encryption/sealed-storage';

/** The storage of a device that ran the previous version: sealed with the user's key too. */
function previousVersionStorage(dataKey: CryptoKey): RxStorage<unknown, unknown> {
  const sealed = wrappedSealedStorage({
    storage: getRxStorageDexie() as RxStorage<unknown, unknown>,
    key: dataKey,
  });
  // Dev-mode (loaded by the database module) insists on a validating storage.
  return wrappedValidateAjvStorage({ storage: sealed }) as RxStorage<unknown, unknown>;
}

describe('schema migrations', () => {
  it('migrates dossiers stored by the previous version when the database opens', async () => {
    const name = `migration-${crypto.randomUUID().replace(/-/g, '')}`;
    // A device that still runs schema version 0 of the dossiers stores one without createdOn.
    const { createdOn: _absent, ...properties } = youthSchema.properties;
    const v0 = { ...youthSchema, version: 0, properties } as unknown as RxJsonSchema<unknown>;
    const dataKey = await testDataKey();
    const old = await createRxDatabase({ name, storage: previousVersionStorage(dataKey) });
    await old.addCollections({ youths: { schema: v0 } });
    const { createdOn: _none, ...stored } = buildYouth({ updatedAt: '2025-03-14T09:30:00.000Z' });
    await old.collections.youths!.insert(stored);
    await old.close();

    const db = await createRelaisDatabase({ name, dataKey, actorId: () => 'me', devMode: true });
    const migrated = await db.youths.findOne(stored.id).exec(true);
    expect(migrated.createdOn).toBe('2025-03-14');
    expect(migrated.lastName).toBe(stored.lastName);
    await db.remove();
  });

  it('keeps the rendez-vous stored before walk-ins and moves were recorded (v0 → v1)', async () => {
    const name = `migration-${crypto.randomUUID().replace(/-/g, '')}`;
    const {
      walkIn: _w,
      cancellationReason: _c,
      previousStart: _p,
      ...properties
    } = appointmentSchema.properties;
    const v0 = {
      ...appointmentSchema,
      version: 0,
      properties,
      indexes: ['youthId'],
    } as unknown as RxJsonSchema<unknown>;
    const dataKey = await testDataKey();
    const old = await createRxDatabase({ name, storage: previousVersionStorage(dataKey) });
    await old.addCollections({ appointments: { schema: v0 } });
    const stored = buildAppointment({ youthId: 'y1', start: '2026-11-24T09:30' });
    await old.collections.appointments!.insert(stored);
    await old.close();

    const db = await createRelaisDatabase({ name, dataKey, actorId: () => 'me', devMode: true });
    const onTuesday = await db.appointments
      .find({
        selector: { siteId: stored.siteId, start: { $gte: '2026-11-24', $lt: '2026-11-25' } },
      })
      .exec();
    expect(onTuesday.map((a) => a.toJSON())).toEqual([stored]);
    await db.remove();
  });

  it('keeps the sessions stored before the catalogue, found by kind and start (v0 → v1)', async () => {
    const name = `migration-${crypto.randomUUID().replace(/-/g, '')}`;
    const v0 = {
      ...workshopSchema,
      version: 0,
      properties: {
        ...workshopSchema.properties,
        kind: { type: 'string', enum: ['atelier', 'information-collective'] },
      },
      required: ['id', 'rev', 'updatedAt', 'updatedBy', 'kind', 'title', 'siteId', 'start'],
    } as unknown as RxJsonSchema<unknown>;
    const dataKey = await testDataKey();
    const old = await createRxDatabase({ name, storage: previousVersionStorage(dataKey) });
    await old.addCollections({ workshops: { schema: v0 } });
    const stored = buildWorkshop({ start: '2026-11-24T14:00', facilitatorId: 'f1' });
    await old.collections.workshops!.insert(stored);
    await old.close();

    const db = await createRelaisDatabase({ name, dataKey, actorId: () => 'me', devMode: true });
    const found = await db.workshops
      .find({ selector: { kind: 'atelier', start: { $gte: '2026-11-23', $lt: '2026-11-30' } } })
      .exec();
    expect(found.map((w) => w.toJSON())).toEqual([stored]);
    await db.remove();
  });

  it('gives the sign-ups stored before statuses their status in i-milo’s words (attendances v0 → v1)', async () => {
    const name = `migration-${crypto.randomUUID().replace(/-/g, '')}`;
    const { id, rev, updatedAt, updatedBy, workshopId, youthId, registeredAt, present } =
      attendanceSchema.properties;
    const v0 = {
      ...attendanceSchema,
      version: 0,
      properties: {
        ...{ id, rev, updatedAt, updatedBy, workshopId, youthId, registeredAt, present },
        cancelled: { type: 'boolean' },
      },
      indexes: ['youthId'],
    } as unknown as RxJsonSchema<unknown>;
    const dataKey = await testDataKey();
    const old = await createRxDatabase({ name, storage: previousVersionStorage(dataKey) });
    await old.addCollections({ attendances: { schema: v0 } });
    const row = (youth: string, flags: object) => ({
      id: `w1:${youth}`,
      rev: 'r1',
      updatedAt: '2026-11-20T10:00:00.000Z',
      updatedBy: 'me',
      workshopId: 'w1',
      youthId: youth,
      registeredAt: '2026-11-20T10:00',
      ...flags,
    });
    await old.collections.attendances!.bulkInsert([
      row('came', { present: true }),
      row('missed', { present: false }),
      row('cancelled', { cancelled: true }),
      row('signed', {}),
    ]);
    await old.close();

    const db = await createRelaisDatabase({ name, dataKey, actorId: () => 'me', devMode: true });
    const migrated = await db.attendances.find({ selector: { workshopId: 'w1' } }).exec();
    const statuses = Object.fromEntries(
      migrated.map((doc) => [doc.youthId, [doc.status, doc.present, 'cancelled' in doc.toJSON()]]),
    );
    expect(statuses).toEqual({
      came: ['realise', true, false],
      missed: ['absent', false, false],
      cancelled: ['excuse', false, false],
      signed: ['prescrit', undefined, false],
    });
    await db.remove();
  });

  it('maps the parcours stored before the i-milo vocabulary (pathway v0 → v1)', async () => {
    const name = `migration-${crypto.randomUUID().replace(/-/g, '')}`;
    const v0Types = ['emploi', 'alternance', 'service-civique', 'inconnue'];
    const v0 = {
      ...pathwaySchema,
      version: 0,
      properties: {
        ...pathwaySchema.properties,
        situationType: { type: 'string', enum: v0Types },
      },
    } as unknown as RxJsonSchema<unknown>;
    const dataKey = await testDataKey();
    const old = await createRxDatabase({ name, storage: previousVersionStorage(dataKey) });
    await old.addCollections({ pathway: { schema: v0 } });
    const stored = {
      id: 'p-sc',
      rev: 'r1',
      updatedAt: '2026-01-05T10:00:00.000Z',
      updatedBy: 'me',
      youthId: 'y1',
      kind: 'situation',
      situationType: 'service-civique',
      startDate: '2026-01-05',
    };
    await old.collections.pathway!.insert(stored);
    await old.close();

    const db = await createRelaisDatabase({ name, dataKey, actorId: () => 'me', devMode: true });
    const migrated = await db.pathway.findOne(stored.id).exec(true);
    expect(migrated.toJSON()).toEqual({
      ...stored,
      situationType: 'volontariat',
      situationSubtype: 'service-civique',
    });
    await db.remove();
  });

  it('keeps the dossiers stored before handovers were recorded as they are (v1 → v2)', async () => {
    const name = `migration-${crypto.randomUUID().replace(/-/g, '')}`;
    const {
      interimReferentId: _i,
      interimUntil: _u,
      handovers: _h,
      imiloNumber: _n,
      ...properties
    } = youthSchema.properties;
    const v1 = { ...youthSchema, version: 1, properties } as unknown as RxJsonSchema<unknown>;
    const dataKey = await testDataKey();
    const old = await createRxDatabase({ name, storage: previousVersionStorage(dataKey) });
    await old.addCollections({
      youths: { schema: v1, migrationStrategies: { 1: (doc: unknown) => doc } },
    });
    const stored = buildYouth({ notes: 'Saisi hors ligne, pas encore envoyé.' });
    await old.collections.youths!.insert(stored);
    await old.close();

    const db = await createRelaisDatabase({ name, dataKey, actorId: () => 'me', devMode: true });
    expect((await db.youths.findOne(stored.id).exec(true)).toJSON()).toEqual(stored);
    await db.remove();
  });

  it('gives an aller-vers dossier its orientation and keeps the others as they are (youths v3 → v4)', async () => {
    const name = `migration-${crypto.randomUUID().replace(/-/g, '')}`;
    const { orientation: _o, diplomaObtained: _d, ...properties } = youthSchema.properties;
    const v3 = { ...youthSchema, version: 3, properties } as unknown as RxJsonSchema<unknown>;
    const dataKey = await testDataKey();
    const old = await createRxDatabase({ name, storage: previousVersionStorage(dataKey) });
    const same = (doc: unknown) => doc;
    await old.addCollections({
      youths: { schema: v3, migrationStrategies: { 1: same, 2: same, 3: same } },
    });
    const met = buildYouth({
      status: 'contact-aller-vers',
      outreach: { place: 'Marché de Perseigne', need: 'emploi' },
    });
    const walkedIn = buildYouth({ educationLevel: 'niveau-4', notes: 'Pas encore envoyé.' });
    await old.collections.youths!.bulkInsert([met, walkedIn]);
    await old.close();

    const db = await createRelaisDatabase({ name, dataKey, actorId: () => 'me', devMode: true });
    expect((await db.youths.findOne(met.id).exec(true)).toJSON()).toEqual({
      ...met,
      orientation: 'aller-vers',
    });
    const kept = await db.youths.findOne(walkedIn.id).exec(true);
    // Absent is « not known »: the diploma and the orientation are then said in the form.
    expect(kept.toJSON()).toEqual(walkedIn);
    await kept.incrementalPatch({ diplomaObtained: false, orientation: 'france-travail' });
    expect((await db.youths.findOne(walkedIn.id).exec(true)).toJSON()).toMatchObject({
      educationLevel: 'niveau-4',
      diplomaObtained: false,
      orientation: 'france-travail',
    });
    await db.remove();
  });

  it('keeps a dispositif stored before closings, found by its dossier and closable (pathway v1 → v2)', async () => {
    const name = `migration-${crypto.randomUUID().replace(/-/g, '')}`;
    const { endedOn: _e, exitReason: _r, ...properties } = pathwaySchema.properties;
    const v1 = { ...pathwaySchema, version: 1, properties } as unknown as RxJsonSchema<unknown>;
    const dataKey = await testDataKey();
    const old = await createRxDatabase({ name, storage: previousVersionStorage(dataKey) });
    await old.addCollections({
      pathway: { schema: v1, migrationStrategies: { 1: (doc: unknown) => doc } },
    });
    const stored = {
      id: 'cej-1',
      rev: 'r1',
      updatedAt: '2026-03-02T10:00:00.000Z',
      updatedBy: 'me',
      youthId: 'y1',
      kind: 'dispositif',
      programme: 'CEJ',
      startDate: '2026-03-02',
      endDate: '2027-03-01',
      weeklyHoursCommitment: 15,
    };
    await old.collections.pathway!.insert(stored);
    await old.close();

    const db = await createRelaisDatabase({ name, dataKey, actorId: () => 'me', devMode: true });
    const found = await db.pathway.find({ selector: { youthId: 'y1' } }).exec();
    expect(found.map((doc) => doc.toJSON())).toEqual([stored]);
    await found[0]!.incrementalPatch({ endedOn: '2026-11-13', exitReason: 'emploi-durable' });
    const { rev: _r1, updatedAt: _u, ...fields } = stored;
    expect((await db.pathway.findOne('cej-1').exec(true)).toJSON()).toMatchObject({
      ...fields,
      endedOn: '2026-11-13',
      exitReason: 'emploi-durable',
    });
    await db.remove();
  });
});
