/**
 * Handing dossiers over to a colleague (issue 18, item 1): `POST /api/v1/handovers` rewrites the
 * dossiers on the server, and the devices follow through the usual sync. Real server with a
 * pinned clock, real devices (each in its worker).
 */
import { describe, expect, it } from 'vitest';
import { setAccountDisabled, createAccount } from '../../sync-server/src/auth/accounts';
import { applyHandoverCalendar } from '../../sync-server/src/handover/handover';
import type { Clock } from '../../src/domain/time';
import type { PushRow } from '../../src/sync/api';
import {
  ADVISER_PERSEIGNE,
  ADVISER_SEES,
  ADVISER_SEES_2,
  DIRECTION,
  PASSWORD,
  testPasswordHash,
} from '../support/accounts';
import {
  buildAppointment,
  buildEvent,
  buildYouth,
  SITE_PERSEIGNE,
  SITE_SEES,
} from '../support/builders';
import { createDeviceFetch } from '../support/cookie-fetch';
import { eventually, loggedInClient } from '../support/http';
import { syncWorld } from '../support/sync-world';

/** The server's clock, pinned: Friday 11 December 2026, 20:00 (local time). */
let pinned = new Date(2026, 11, 11, 20, 0);
const clock: Clock = { now: () => new Date(pinned.getTime()) };

const world = syncWorld({
  app: { clock },
  setUp: async () => {
    pinned = new Date(2026, 11, 11, 20, 0);
  },
});
const { device } = world;

interface HandoverBody {
  youthIds: string[];
  toId: string;
  kind: 'temporaire' | 'definitive';
  startDate?: string;
  endDate?: string;
  reason: string;
}

/** Posts a handover as `login`: the HTTP status and the parsed body. */
interface Answer {
  summary?: { dossiers: number; appointments: number };
  error?: { code: string; message: string };
}

async function handOver(login: string, body: unknown): Promise<{ status: number; body: Answer }> {
  const { fetch } = createDeviceFetch();
  const json = { 'content-type': 'application/json' };
  const session = await fetch(`${world.server.url}/api/v1/session`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  expect(session.status).toBe(200);
  const response = await fetch(`${world.server.url}/api/v1/handovers`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

const wire = (document: object) =>
  ({ ...document, _deleted: false }) as unknown as PushRow['newDocumentState'];

describe('a temporary handover', () => {
  it('lets both référents see the dossier during the period, then the référent alone', async () => {
    const sees = device(ADVISER_SEES.login);
    const perseigne = device(ADVISER_PERSEIGNE.login);
    const youth = buildYouth({ siteId: SITE_SEES, referentId: ADVISER_SEES.id });
    const entretien = buildEvent({ youthId: youth.id, authorId: ADVISER_SEES.id });
    await sees.insert('youths', youth);
    await sees.insert('events', entretien);
    await sees.sync();
    await perseigne.sync();
    expect(await perseigne.get('youths', youth.id)).toBeNull();

    // The adviser hands her own dossier for one day (she is away on the 11th).
    const answer = await handOver(ADVISER_SEES.login, {
      youthIds: [youth.id],
      toId: ADVISER_PERSEIGNE.id,
      kind: 'temporaire',
      startDate: '2026-12-11',
      endDate: '2026-12-11',
      reason: 'Congés',
    } satisfies HandoverBody);
    expect(answer).toMatchObject({ status: 200, body: { summary: { dossiers: 1 } } });

    await perseigne.sync();
    await sees.sync();
    expect(await perseigne.get('youths', youth.id)).toMatchObject({
      referentId: ADVISER_SEES.id,
      interimReferentId: ADVISER_PERSEIGNE.id,
      interimUntil: '2026-12-11',
    });
    expect(await perseigne.get('events', entretien.id)).toMatchObject({ youthId: youth.id });
    const seen = await sees.get('youths', youth.id);
    expect(seen).toMatchObject({ referentId: ADVISER_SEES.id });
    // Recorded in the dossier: who, when, why.
    expect((seen as { handovers?: unknown[] }).handovers).toEqual([
      expect.objectContaining({
        kind: 'temporaire',
        fromId: ADVISER_SEES.id,
        toId: ADVISER_PERSEIGNE.id,
        byId: ADVISER_SEES.id,
        startDate: '2026-12-11',
        endDate: '2026-12-11',
        reason: 'Congés',
        at: clock.now().toISOString(),
      }),
    ]);

    // The next morning the daily job ends the handover.
    pinned = new Date(2026, 11, 12, 6, 0);
    expect(await applyHandoverCalendar(world.server.storage, clock)).toMatchObject({ ended: 1 });

    await perseigne.sync();
    await sees.sync();
    expect(await perseigne.get('youths', youth.id)).toBeNull();
    expect(await perseigne.get('events', entretien.id)).toBeNull();
    const back = await sees.get('youths', youth.id);
    expect(back).toMatchObject({ referentId: ADVISER_SEES.id });
    expect(back).not.toHaveProperty('interimReferentId');
    expect((back as { handovers: { endedOn?: string }[] }).handovers[0]!.endedOn).toBe(
      '2026-12-12',
    );
    // Nothing more to do the day after.
    expect(await applyHandoverCalendar(world.server.storage, clock)).toMatchObject({
      ended: 0,
      started: 0,
    });
  });
});

describe('a permanent handover', () => {
  it('makes the former référent’s device drop the dossier, and keeps its offline edit for review', async () => {
    const sees = device(ADVISER_SEES.login);
    const youth = buildYouth({ siteId: SITE_SEES, referentId: ADVISER_SEES.id, notes: 'Accueil.' });
    await sees.insert('youths', youth);
    await sees.sync();
    await sees.setOnline(false);
    await sees.patch('youths', youth.id, { notes: 'Piste PMSMP à relancer.' });

    const answer = await handOver(DIRECTION.login, {
      youthIds: [youth.id],
      toId: ADVISER_PERSEIGNE.id,
      kind: 'definitive',
      reason: 'Changement de site du jeune',
    } satisfies HandoverBody);
    expect(answer.status).toBe(200);
    const stored = (await world.server.storage.getDocument('youths', youth.id))!;
    // The colleague works at Perseigne only: the dossier moves there with him.
    expect(stored.data).toMatchObject({ referentId: ADVISER_PERSEIGNE.id, siteId: SITE_PERSEIGNE });

    await sees.setOnline(true);
    await sees.sync();
    await eventually(async () => expect(await sees.get('youths', youth.id)).toBeNull());
    expect((await sees.status()).pendingState.youths?.[youth.id]?.refused).toBe('SCOPE_LEFT');
    const reviews = await world.server.storage.pull('reviews', 0, 100, { all: true });
    expect(reviews.map((row) => row.document.data)).toEqual([
      expect.objectContaining({
        documentId: youth.id,
        field: 'notes',
        status: 'open',
        values: expect.arrayContaining([
          expect.objectContaining({ value: 'Piste PMSMP à relancer.', by: ADVISER_SEES.id }),
        ]),
      }),
    ]);

    // The new référent's devices receive it at their next pull.
    const perseigne = await loggedInClient(world.server.url, ADVISER_PERSEIGNE.login);
    const pulled = await perseigne.pull('youths', 0, 100);
    expect(pulled.documents).toEqual([
      expect.objectContaining({
        id: youth.id,
        referentId: ADVISER_PERSEIGNE.id,
        handovers: [expect.objectContaining({ kind: 'definitive', byId: DIRECTION.id })],
      }),
    ]);
  });
});

describe('the rendez-vous of a handed-over dossier', () => {
  it('go to the colleague when upcoming, and keep their adviser when past', async () => {
    const sees = await loggedInClient(world.server.url, ADVISER_SEES.login);
    const youth = buildYouth({ siteId: SITE_SEES, referentId: ADVISER_SEES.id });
    const other = buildYouth({ siteId: SITE_SEES, referentId: ADVISER_SEES.id });
    const rdv = (youthId: string, start: string, status = 'planifie' as const) =>
      buildAppointment({ youthId, staffId: ADVISER_SEES.id, start, status });
    const past = rdv(youth.id, '2026-12-10T09:30');
    const earlierToday = rdv(youth.id, '2026-12-11T14:00');
    const upcoming = rdv(youth.id, '2026-12-15T10:00');
    const inPeriod = rdv(other.id, '2026-12-16T10:00');
    const afterPeriod = rdv(other.id, '2026-12-21T10:00');
    await sees.push('youths', [
      { newDocumentState: wire(youth) },
      { newDocumentState: wire(other) },
    ]);
    const appointments = [past, earlierToday, upcoming, inPeriod, afterPeriod];
    const pushed = await sees.push(
      'appointments',
      appointments.map((a) => ({ newDocumentState: wire(a) })),
    );
    expect(pushed.refused).toEqual([]);

    const permanent = await handOver(DIRECTION.login, {
      youthIds: [youth.id],
      toId: ADVISER_SEES_2.id,
      kind: 'definitive',
      reason: 'Départ de la conseillère',
    } satisfies HandoverBody);
    expect(permanent.body.summary).toMatchObject({ appointments: 1 });
    const temporary = await handOver(ADVISER_SEES.login, {
      youthIds: [other.id],
      toId: ADVISER_SEES_2.id,
      kind: 'temporaire',
      startDate: '2026-12-14',
      endDate: '2026-12-18',
      reason: 'Formation',
    } satisfies HandoverBody);
    expect(temporary.body.summary).toMatchObject({ appointments: 1 });

    const staffOf = async (id: string) =>
      (await world.server.storage.getDocument('appointments', id))!.data.staffId;
    expect(await staffOf(past.id)).toBe(ADVISER_SEES.id);
    expect(await staffOf(earlierToday.id)).toBe(ADVISER_SEES.id);
    expect(await staffOf(upcoming.id)).toBe(ADVISER_SEES_2.id);
    expect(await staffOf(inPeriod.id)).toBe(ADVISER_SEES_2.id);
    expect(await staffOf(afterPeriod.id)).toBe(ADVISER_SEES.id);
    // A temporary handover starting later is recorded; the colleague stands in from its first day.
    expect((await world.server.storage.getDocument('youths', other.id))!.data).not.toHaveProperty(
      'interimReferentId',
    );
    pinned = new Date(2026, 11, 14, 7, 0);
    expect(await applyHandoverCalendar(world.server.storage, clock)).toMatchObject({ started: 1 });
    expect((await world.server.storage.getDocument('youths', other.id))!.scope).toEqual({
      siteId: SITE_SEES,
      ownerId: ADVISER_SEES.id,
      interimId: ADVISER_SEES_2.id,
    });
  });
});

describe('a handover the rules refuse', () => {
  it('answers 4xx with a French message and writes nothing', async () => {
    const { storage } = world.server;
    await createAccount(
      storage,
      {
        id: '0190b000-0000-7000-a000-00000000a0d1',
        login: 'conseiller.parti',
        name: 'Paul Parti',
        role: 'conseiller',
        siteIds: [SITE_SEES],
        password: PASSWORD,
      },
      clock,
      { passwordHash: await testPasswordHash() },
    );
    await setAccountDisabled(storage, 'conseiller.parti', true, clock);
    const sees = await loggedInClient(world.server.url, ADVISER_SEES.login);
    const own = buildYouth({ siteId: SITE_SEES, referentId: ADVISER_SEES.id });
    const colleagues = buildYouth({ siteId: SITE_SEES, referentId: ADVISER_SEES_2.id });
    await sees.push('youths', [
      { newDocumentState: wire(own) },
      { newDocumentState: wire(colleagues) },
    ]);
    const seq = await storage.lastSeq();

    const base: HandoverBody = {
      youthIds: [own.id],
      toId: ADVISER_PERSEIGNE.id,
      kind: 'temporaire',
      startDate: '2026-12-14',
      endDate: '2026-12-18',
      reason: 'Congés',
    };
    const cases: [string, string, unknown, number, string][] = [
      [
        'an adviser, a colleague’s dossier',
        ADVISER_SEES.login,
        { ...base, youthIds: [own.id, colleagues.id] },
        403,
        'HANDOVER_NOT_OWN_DOSSIER',
      ],
      [
        'to a disabled account',
        DIRECTION.login,
        { ...base, toId: '0190b000-0000-7000-a000-00000000a0d1' },
        409,
        'HANDOVER_TARGET_DISABLED',
      ],
      [
        'to an unknown account',
        DIRECTION.login,
        { ...base, toId: 'personne' },
        400,
        'HANDOVER_TARGET_UNKNOWN',
      ],
      ['an empty selection', ADVISER_SEES.login, { ...base, youthIds: [] }, 400, 'HANDOVER_EMPTY'],
      [
        'an end before the start',
        ADVISER_SEES.login,
        { ...base, endDate: '2026-12-13' },
        400,
        'HANDOVER_DATES_INVALID',
      ],
      [
        'an unknown dossier',
        DIRECTION.login,
        { ...base, youthIds: ['inconnu'] },
        404,
        'HANDOVER_DOSSIER_UNKNOWN',
      ],
      [
        'a malformed request',
        DIRECTION.login,
        { ...base, kind: 'pour-toujours' },
        400,
        'VALIDATION_FAILED',
      ],
    ];
    for (const [what, login, body, status, code] of cases) {
      const answer = await handOver(login, body);
      expect({ what, status: answer.status, code: answer.body.error?.code }).toEqual({
        what,
        status,
        code,
      });
      expect(answer.body.error!.message).toMatch(/[àéèêç]|dossier|collègue|compte|Certaines/);
    }
    expect(await storage.lastSeq()).toBe(seq);
  });
});
