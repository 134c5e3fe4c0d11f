/**
 * Inscriptions and émargement across devices (issue 15, items 3–5), on the real server and
 * SQLite: two devices take one session's attendance offline and converge (present if either
 * says so, the status following); sign-ups made offline at two permanences beyond the capacity
 * are all kept and wait in the order the server stored them, and a cancellation moves the first
 * one up on every device; a closed session refuses a late change except through a correction.
 */
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import {
  attendanceStatus,
  correctionOf,
  statusFields,
  type StatusFields,
} from '../../src/domain/rules/attendance';
import { sessionPlaces } from '../../src/domain/rules/waiting-list';
import {
  attendanceId,
  type Attendance,
  type AttendanceStatus,
} from '../../src/domain/schemas/attendance';
import type { Youth } from '../../src/domain/schemas/youth';
import type { Clock } from '../../src/domain/time';
import type { ApiClient } from '../../src/sync/api';
import { createApiClient } from '../../src/sync/api';
import { ADVISER_SEES, ADVISER_SEES_2, PASSWORD } from '../support/accounts';
import { buildAttendance, buildWorkshop, buildYouth, SITE_SEES, wire } from '../support/builders';
import { createDeviceFetch } from '../support/cookie-fetch';
import type { Device } from '../support/device';
import { eventually } from '../support/http';
import { syncWorld } from '../support/sync-world';

/** Thursday 26 November 2026 from 10:00, running: sign-ups stored apart get apart times. */
function runningClock(from: string): Clock {
  const started = Date.now();
  return { now: () => new Date(Date.parse(from) + Date.now() - started) };
}

const world = syncWorld({ app: { clock: runningClock('2026-11-26T10:00:00') } });

async function client(login: string, deviceId = newId()): Promise<ApiClient> {
  const api = createApiClient({ baseUrl: world.server.url, fetch: createDeviceFetch().fetch });
  await api.login(login, PASSWORD, { id: deviceId, label: `test ${deviceId.slice(0, 8)}` });
  return api;
}

async function pushAll(
  api: ApiClient,
  collection: 'youths' | 'workshops' | 'attendances',
  docs: object[],
) {
  const answer = await api.push(
    collection,
    docs.map((doc) => ({ newDocumentState: wire(doc) })),
  );
  expect(answer.refused).toEqual([]);
}

const NAMES = [
  ['Inès', 'Benali'],
  ['Kévin', 'Lemoine'],
  ['Maëlys', 'Dupont'],
  ['Yanis', 'Moreau'],
  ['Chloé', 'Garnier'],
  ['Noah', 'Perrin'],
  ['Léa', 'Fontaine'],
  ['Sofiane', 'Roussel'],
  ['Manon', 'Chevalier'],
  ['Enzo', 'Marchand'],
  ['Jade', 'Boucher'],
  ['Rayan', 'Lacroix'],
] as const;

/** Young people of Sées with names nothing like each other (no duplicate review). */
function youths(count: number): Youth[] {
  return NAMES.slice(0, count).map(([firstName, lastName]) =>
    buildYouth({ siteId: SITE_SEES, firstName, lastName }),
  );
}

async function attendancesOf(device: Device, workshopId: string) {
  return (await device.find('attendances')).filter((a) => a.workshopId === workshopId) as ({
    id: string;
    youthId: string;
    queuedAt?: string;
    registeredAt?: string;
  } & StatusFields)[];
}

async function conflictReviews() {
  const rows = await world.server.storage.pull('reviews', 0, 1000, { all: true });
  return rows.map((row) => row.document.data).filter((review) => review.kind === 'conflict');
}

describe('émargement of one session on two devices', () => {
  it('keeps over-capacity sign-ups of two permanences waiting in server order, then converges on one émargement taken offline on both', async () => {
    const api = await client(ADVISER_SEES.login);
    const people = youths(12);
    const session = buildWorkshop({ siteId: SITE_SEES, start: '2026-11-26T09:30', capacity: 10 });
    await pushAll(api, 'youths', people);
    await pushAll(api, 'workshops', [session]);

    const sees = world.device(ADVISER_SEES.login);
    const perseigne = world.device(ADVISER_SEES_2.login);
    for (const device of [sees, perseigne]) {
      await eventually(async () => {
        await device.sync();
        expect(await device.get('workshops', session.id)).not.toBeNull();
        expect(await device.get('youths', people[11]!.id)).not.toBeNull();
      });
      await device.setOnline(false);
    }
    const id = (i: number) => attendanceId(session.id, people[i]!.id);
    const signUp = (i: number, registeredAt: string) =>
      buildAttendance({
        workshopId: session.id,
        youthId: people[i]!.id,
        registeredAt,
        status: 'prescrit',
      });
    // Offline at one permanence, first by its clock…
    for (const i of [0, 1, 2, 3, 4, 5])
      await sees.insert('attendances', signUp(i, `2026-11-25T08:0${i}`));
    // …and at the other, later by its clock, but back in range first: 12 sign-ups, 10 places.
    for (const i of [6, 7, 8, 9, 10, 11])
      await perseigne.insert('attendances', signUp(i, `2026-11-25T11:${i + 10}`));
    await perseigne.setOnline(true);
    await perseigne.sync();
    await sees.setOnline(true);
    await sees.sync();

    const order = (list: { youthId: string }[]) =>
      list.map((a) => people.findIndex((y) => y.id === a.youthId));
    for (const device of [sees, perseigne]) {
      await eventually(async () => {
        await device.sync();
        const list = await attendancesOf(device, session.id);
        expect(list).toHaveLength(12);
        expect(list.every((a) => typeof a.queuedAt === 'string')).toBe(true);
        const placement = sessionPlaces(10, list);
        expect(order(placement.placed)).toEqual([6, 7, 8, 9, 10, 11, 0, 1, 2, 3]);
        expect(order(placement.waiting)).toEqual([4, 5]);
      });
    }

    // A cancellation at the second permanence moves the first waiting up, everywhere.
    await perseigne.patch('attendances', id(8), statusFields('excuse'));
    await perseigne.sync();
    await eventually(async () => {
      await sees.sync();
      const placement = sessionPlaces(10, await attendancesOf(sees, session.id));
      expect(order(placement.placed)).toEqual([6, 7, 9, 10, 11, 0, 1, 2, 3, 4]);
      expect(order(placement.waiting)).toEqual([5]);
      expect(order(placement.released)).toEqual([8]);
    });

    // The session: a tablet and a laptop take the attendance offline, four people twice.
    await sees.setOnline(false);
    await perseigne.setOnline(false);
    const mark = (device: Device, i: number, status: AttendanceStatus) =>
      device.patch('attendances', id(i), statusFields(status));
    const onTablet: AttendanceStatus[] = [
      'realise',
      'realise',
      'realise',
      'realise',
      'realise',
      'realise',
      'absent',
      'absent',
    ];
    const onLaptop: AttendanceStatus[] = [
      'absent',
      'excuse',
      'realise',
      'excuse',
      'realise',
      'absent',
      'realise',
      'absent',
    ];
    for (const [i, status] of onTablet.entries()) await mark(sees, i, status);
    for (const [i, status] of onLaptop.entries()) await mark(perseigne, i + 4, status);
    const expected: AttendanceStatus[] = [
      'realise',
      'realise',
      'realise',
      'realise',
      'realise', // réalisé on the tablet, absent on the laptop
      'realise', // réalisé / excusé
      'realise', // absent / réalisé
      'excuse', // absent / excusé
      'realise',
      'absent',
      'realise',
      'absent',
    ];
    await sees.setOnline(true);
    await perseigne.setOnline(true);
    for (const device of [sees, perseigne, sees]) await device.sync();

    const statuses = async (device: Device) => {
      const byId = new Map((await attendancesOf(device, session.id)).map((a) => [a.id, a]));
      return people.map((_, i) => {
        const a = byId.get(id(i))!;
        // présence follows the status on every device
        expect(a.present === true).toBe(attendanceStatus(a) === 'realise');
        return attendanceStatus(a);
      });
    };
    await eventually(async () => {
      await sees.sync();
      await perseigne.sync();
      expect(await statuses(sees)).toEqual(expected);
      expect(await statuses(perseigne)).toEqual(expected);
    });
    const stored = await Promise.all(
      people.map(
        async (_, i) => (await world.server.storage.getDocument('attendances', id(i)))!.data,
      ),
    );
    expect(stored.map((a) => attendanceStatus(a as StatusFields))).toEqual(expected);
    expect(await conflictReviews()).toEqual([]);
  });

  it('refuses a late change of a closed session except through a correction', async () => {
    const tabletId = newId();
    const tablet = await client(ADVISER_SEES.login, tabletId);
    const laptop = await client(ADVISER_SEES_2.login);
    const people = youths(4);
    const session = buildWorkshop({ siteId: SITE_SEES, start: '2026-11-26T09:30', capacity: 12 });
    await pushAll(tablet, 'youths', people);
    await pushAll(tablet, 'workshops', [session]);
    const signed = people
      .slice(0, 3)
      .map((y) => buildAttendance({ workshopId: session.id, youthId: y.id, status: 'prescrit' }));
    await pushAll(tablet, 'attendances', signed);
    const edit = (api: ApiClient, before: object, after: object) =>
      api.push('attendances', [
        { newDocumentState: wire(after), assumedMasterState: wire(before) },
      ]);

    // The tablet closes the session; its émargement, made before, reaches the server after
    // (each collection replicates on its own): it is the closing device's, so it is taken.
    const closed = { ...session, rev: newId(), closedAt: '2026-11-26T11:35' };
    const closing = await tablet.push('workshops', [
      { newDocumentState: wire(closed), assumedMasterState: wire(session) },
    ]);
    expect(closing.refused).toEqual([]);
    expect((await world.server.storage.getDocument('workshops', session.id))?.data).toMatchObject({
      closedAt: '2026-11-26T11:35',
      closedBy: ADVISER_SEES.id,
    });
    const present = { ...signed[0]!, rev: newId(), ...statusFields('realise') };
    expect((await edit(tablet, signed[0]!, present)).refused).toEqual([]);

    // The laptop, offline meanwhile, noted someone absent and added a walk-in: both refused.
    const absent = { ...signed[1]!, rev: newId(), ...statusFields('absent') };
    const walkIn = buildAttendance({
      workshopId: session.id,
      youthId: people[3]!.id,
      walkIn: true,
      ...statusFields('realise'),
    });
    expect((await edit(laptop, signed[1]!, absent)).refused).toEqual([
      expect.objectContaining({ id: signed[1]!.id, code: 'SESSION_CLOSED' }),
    ]);
    expect(
      (await laptop.push('attendances', [{ newDocumentState: wire(walkIn) }])).refused,
    ).toEqual([expect.objectContaining({ code: 'SESSION_CLOSED' })]);
    // Noting what the closed session already says changes nothing: let through.
    const same = { ...signed[0]!, rev: newId(), ...statusFields('realise') };
    expect((await edit(laptop, signed[0]!, same)).refused).toEqual([]);
    // Nor may a device reopen the session.
    const reopened = { ...closed, rev: newId(), closedAt: undefined };
    expect(
      (
        await laptop.push('workshops', [
          { newDocumentState: wire(reopened), assumedMasterState: wire(closed) },
        ])
      ).refused,
    ).toEqual([expect.objectContaining({ code: 'SESSION_CLOSED' })]);

    // Through a correction, with its reason: taken, signed by its author.
    const stored = (await world.server.storage.getDocument('attendances', signed[1]!.id))!
      .data as Attendance;
    const withoutReason = {
      ...stored,
      rev: newId(),
      ...correctionOf(stored, 'absent', ' ', { id: newId(), at: '2026-11-26T12:00' }),
    };
    expect((await edit(laptop, stored, withoutReason)).refused).toEqual([
      expect.objectContaining({ code: 'CORRECTION_REASON_REQUIRED' }),
    ]);
    const corrected = {
      ...stored,
      rev: newId(),
      ...correctionOf(stored, 'absent', 'Parti avant le début, signalé par la formatrice', {
        id: newId(),
        at: '2026-11-26T12:00',
      }),
    };
    expect((await edit(laptop, stored, corrected)).refused).toEqual([]);
    expect(
      (await world.server.storage.getDocument('attendances', signed[1]!.id))?.data,
    ).toMatchObject({
      status: 'absent',
      present: false,
      corrections: [
        {
          reason: 'Parti avant le début, signalé par la formatrice',
          status: 'absent',
          by: ADVISER_SEES_2.id,
        },
      ],
    });
  });
});
