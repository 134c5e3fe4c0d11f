/**
 * The agenda across devices, on the real server and real SQLite: rendez-vous booked at the siège
 * reach the permanence's device, the day worked offline at the permanence (presence with its
 * entretien, next rendez-vous, walk-in, relance) reaches the siège, and sites are written by the
 * siège only.
 */
import { describe, expect, it } from 'vitest';
import { createAccount } from '../../sync-server/src/auth/accounts';
import { movePatch, reportedAppointment } from '../../src/domain/rules/appointments';
import type { Appointment } from '../../src/domain/schemas/appointment';
import { systemClock } from '../../src/domain/time';
import { ADVISER_SEES, DIRECTION, PASSWORD, testPasswordHash } from '../support/accounts';
import {
  buildAppointment,
  buildEvent,
  buildSite,
  buildYouth,
  SITE_PERSEIGNE,
  SITE_SEES,
  SITE_SIEGE,
} from '../support/builders';
import { eventually } from '../support/http';
import { syncWorld } from '../support/sync-world';

const ACCUEIL = { id: '0190b000-0000-7000-a000-00000000a010', login: 'accueil.siege' };

const world = syncWorld({
  setUp: async (server) => {
    await createAccount(
      server.storage,
      {
        ...ACCUEIL,
        name: 'Sophie Accueil',
        role: 'accueil',
        siteIds: [SITE_SIEGE, SITE_SEES, SITE_PERSEIGNE],
        password: PASSWORD,
      },
      systemClock,
      { passwordHash: await testPasswordHash() },
    );
  },
});
const { device } = world;

async function stored(collection: 'appointments' | 'events' | 'sites', id: string) {
  return (await world.server.storage.getDocument(collection, id))?.data;
}

describe('agenda between the siège and a permanence', () => {
  it('brings a rendez-vous booked at the siège to the permanence device at its next sync', async () => {
    const siege = device(ACCUEIL.login);
    const permanence = device(ADVISER_SEES.login);
    await permanence.sync();
    // The adviser's laptop is at the town hall, without network.
    await permanence.setOnline(false);

    const youth = buildYouth({
      siteId: SITE_SEES,
      referentId: ADVISER_SEES.id,
      firstName: 'Maëlys',
    });
    await siege.insert('youths', youth);
    const booked = buildAppointment({
      youthId: youth.id,
      siteId: SITE_SEES,
      staffId: ADVISER_SEES.id,
      start: '2026-12-01T09:30',
      subject: 'Premier entretien',
    });
    await siege.insert('appointments', booked);
    await siege.sync();
    expect(await stored('appointments', booked.id)).toMatchObject({
      staffId: ADVISER_SEES.id,
      start: '2026-12-01T09:30',
      updatedBy: ACCUEIL.id,
    });
    expect(await permanence.get('appointments', booked.id)).toBeNull();

    await permanence.setOnline(true);
    await permanence.sync();
    expect(await permanence.get('appointments', booked.id)).toMatchObject({
      youthId: youth.id,
      siteId: SITE_SEES,
      start: '2026-12-01T09:30',
      status: 'planifie',
      subject: 'Premier entretien',
    });
    expect(await permanence.get('youths', youth.id)).toMatchObject({ firstName: 'Maëlys' });
  });

  it('brings the day worked offline at the permanence to the siège after reconnection', async () => {
    const siege = device(ACCUEIL.login);
    const permanence = device(ADVISER_SEES.login);
    const youth = buildYouth({ siteId: SITE_SEES, referentId: ADVISER_SEES.id });
    const walkInYouth = buildYouth({ siteId: SITE_SEES, referentId: ADVISER_SEES.id });
    const silentYouth = buildYouth({ siteId: SITE_SEES, referentId: ADVISER_SEES.id });
    const booked = buildAppointment({
      youthId: youth.id,
      siteId: SITE_SEES,
      staffId: ADVISER_SEES.id,
      start: '2026-12-01T09:30',
    });
    const toReport = buildAppointment({
      youthId: silentYouth.id,
      siteId: SITE_SEES,
      staffId: ADVISER_SEES.id,
      start: '2026-12-01T11:00',
    });
    for (const doc of [youth, walkInYouth, silentYouth]) await siege.insert('youths', doc);
    await siege.insert('appointments', booked);
    await siege.insert('appointments', toReport);
    await siege.sync();
    await permanence.sync();
    await eventually(async () =>
      expect(await permanence.get('appointments', booked.id)).not.toBeNull(),
    );

    await permanence.setOnline(false);
    // Received: present, with the entretien recorded in the same step.
    const entretien = buildEvent({
      youthId: youth.id,
      at: booked.start,
      placeSiteId: SITE_SEES,
      authorId: ADVISER_SEES.id,
      appointmentId: booked.id,
      report: 'Projet : CAP petite enfance.',
    });
    await permanence.insert('events', entretien);
    await permanence.patch('appointments', booked.id, { status: 'present', eventId: entretien.id });
    // The next rendez-vous.
    const next = buildAppointment({
      youthId: youth.id,
      siteId: SITE_SEES,
      staffId: ADVISER_SEES.id,
      start: '2026-12-08T09:30',
    });
    await permanence.insert('appointments', next);
    // A walk-in.
    const walkIn = buildAppointment({
      youthId: walkInYouth.id,
      siteId: SITE_SEES,
      staffId: ADVISER_SEES.id,
      start: '2026-12-01T10:20',
      walkIn: true,
      status: 'present',
    });
    await permanence.insert('appointments', walkIn);
    // A rendez-vous reported at the young person's request, and one moved.
    const reported = reportedAppointment(toReport as Appointment, { start: '2026-12-03T09:00' });
    const reportedId = (await permanence.insert('appointments', buildAppointment(reported))).id;
    await permanence.patch('appointments', toReport.id, { status: 'reporte' });
    await permanence.patch(
      'appointments',
      next.id,
      movePatch(next as Appointment, { start: '2026-12-08T10:00' }),
    );
    // The relance list worked.
    const relance = buildEvent({
      youthId: silentYouth.id,
      kind: 'relance',
      channel: 'telephone',
      followUpOn: '2026-12-08',
      at: '2026-12-01T12:10',
      authorId: ADVISER_SEES.id,
      durationMinutes: undefined,
      themes: undefined,
    });
    await permanence.insert('events', relance);
    expect((await permanence.status()).pending).toBe(7);
    expect(await stored('appointments', next.id)).toBeUndefined();

    await permanence.setOnline(true);
    await permanence.sync();
    expect((await permanence.status()).pending).toBe(0);

    expect(await stored('appointments', booked.id)).toMatchObject({
      status: 'present',
      eventId: entretien.id,
      updatedBy: ADVISER_SEES.id,
    });
    expect(await stored('events', entretien.id)).toMatchObject({
      kind: 'entretien-individuel',
      appointmentId: booked.id,
    });
    expect(await stored('appointments', next.id)).toMatchObject({
      start: '2026-12-08T10:00',
      previousStart: '2026-12-08T09:30',
      status: 'planifie',
    });
    expect(await stored('appointments', walkIn.id)).toMatchObject({ walkIn: true });
    expect(await stored('appointments', toReport.id)).toMatchObject({ status: 'reporte' });
    expect(await stored('appointments', String(reportedId))).toMatchObject({
      start: '2026-12-03T09:00',
      previousStart: '2026-12-01T11:00',
    });
    expect(await stored('events', relance.id)).toMatchObject({
      kind: 'relance',
      channel: 'telephone',
      followUpOn: '2026-12-08',
    });

    // The siège's device learns it all.
    await eventually(async () => {
      await siege.sync();
      expect(await siege.get('appointments', booked.id)).toMatchObject({ status: 'present' });
      expect(await siege.get('events', relance.id)).not.toBeNull();
      expect(await siege.get('appointments', next.id)).toMatchObject({ start: '2026-12-08T10:00' });
    });
  });

  it('lets direction write the opening days for every device, and refuses an adviser', async () => {
    const direction = device(DIRECTION.login);
    const adviser = device(ADVISER_SEES.login);
    const site = buildSite({
      exceptions: [{ date: '2026-12-24', closed: true, note: 'Veille de Noël' }],
    });
    await direction.insert('sites', site);
    await direction.sync();
    await eventually(async () => {
      await adviser.sync();
      expect(await adviser.get('sites', site.id)).toMatchObject({
        schedule: site.schedule,
        exceptions: site.exceptions,
      });
    });

    await adviser.patch('sites', site.id, { schedule: [] });
    await adviser.sync();
    const status = await adviser.status();
    expect(status.pendingState.sites?.[site.id]?.refused).toBe('FORBIDDEN');
    expect(await stored('sites', site.id)).toMatchObject({ schedule: site.schedule });
  });
});
