/**
 * Atelier Mob across devices (issue 16), on the real server and SQLite:
 * - two permanences, both offline, book one scooter for overlapping weeks with different start
 *   days: after sync the first loan to reach the server stands, the second is held (not lost,
 *   not refused) and one review for the siège holds both loans whole; the second device shows
 *   its loan held; the siège's choice cancels the held one;
 * - the `atelier-mob` role (a partner association) receives the fleet and every loan, and of the
 *   dossiers only those of young people who borrow, cut down to identity and contact — on pull
 *   and on the stream — and writes only loans and vehicles (tests/integration/cli.test.ts creates
 *   such an account from the command line).
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { WireDocument } from '../../src/domain/collections';
import { newId } from '../../src/domain/ids';
import { OVERLAP_FIELD } from '../../src/domain/reconciliation';
import { BORROWER_FIELDS } from '../../src/domain/rules/visibility';
import { calendarId } from '../../src/domain/schemas/mobility';
import type { Review } from '../../src/domain/schemas/review';
import { fixedClock } from '../../src/domain/time';
import { createApiClient, type ApiClient } from '../../src/sync/api';
import { createEventParser } from '../../src/sync/sse';
import { createAccount } from '../../sync-server/src/auth/accounts';
import {
  ADVISER_PERSEIGNE,
  ADVISER_SEES,
  DIRECTION,
  PASSWORD,
  testPasswordHash,
} from '../support/accounts';
import {
  buildEvent,
  buildLoan,
  buildVehicle,
  buildYouth,
  SITE_PERSEIGNE,
  SITE_SEES,
  wire,
} from '../support/builders';
import { createDeviceFetch } from '../support/cookie-fetch';
import { eventually, loggedInClient } from '../support/http';
import { syncWorld } from '../support/sync-world';

const ATELIER = { id: '0190b000-0000-7000-a000-00000000a020', login: 'atelier.mob' };

// The server's clock: Thursday 26 November 2026, 10:00.
const world = syncWorld({
  app: { clock: fixedClock('2026-11-26T10:00:00') },
  setUp: async (server) => {
    await createAccount(
      server.storage,
      {
        ...ATELIER,
        name: 'Atelier Mob',
        role: 'atelier-mob',
        // Whatever sites its account names, the partner sees no site's dossiers.
        siteIds: [SITE_SEES],
        password: PASSWORD,
      },
      fixedClock('2026-11-26T10:00:00'),
      { passwordHash: await testPasswordHash() },
    );
  },
});

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function setTheScene() {
  const direction = await loggedInClient(world.server.url, DIRECTION.login);
  const sees = await loggedInClient(world.server.url, ADVISER_SEES.login);
  const perseigne = await loggedInClient(world.server.url, ADVISER_PERSEIGNE.login);
  const scooter = buildVehicle({ label: 'Scooter 50 cm³ n°2', identification: 'GH-215-KL' });
  const ines = buildYouth({
    firstName: 'Inès',
    lastName: 'Lefèvre',
    referentId: ADVISER_SEES.id,
    siteId: SITE_SEES,
    phone: '06 12 34 56 78',
    notes: 'NOTE CONFIDENTIELLE',
    rqth: true,
    barriers: ['mobilite'],
  });
  const yanis = buildYouth({
    firstName: 'Yanis',
    lastName: 'Benali',
    referentId: ADVISER_PERSEIGNE.id,
    siteId: SITE_PERSEIGNE,
    communeInsee: '61001',
  });
  expect((await direction.push('mobility', [{ newDocumentState: wire(scooter) }])).refused).toEqual(
    [],
  );
  expect((await sees.push('youths', [{ newDocumentState: wire(ines) }])).refused).toEqual([]);
  expect((await perseigne.push('youths', [{ newDocumentState: wire(yanis) }])).refused).toEqual([]);
  return { direction, sees, perseigne, scooter, ines, yanis };
}

describe('one scooter booked offline by two permanences for overlapping weeks', () => {
  it('keeps the first loan, holds the second in a review for the siège, and tells its device', async () => {
    const { direction, scooter, ines, yanis } = await setTheScene();
    const atSees = world.device(ADVISER_SEES.login);
    const atPerseigne = world.device(ADVISER_PERSEIGNE.login);
    await Promise.all([atSees.sync(), atPerseigne.sync()]);
    // Every permanence holds the fleet, wherever a vehicle is kept.
    expect(await atPerseigne.get('mobility', scooter.id)).toMatchObject({ label: scooter.label });
    await Promise.all([atSees.setOnline(false), atPerseigne.setOnline(false)]);

    const first = buildLoan({
      id: newId(),
      vehicleId: scooter.id,
      youthId: ines.id,
      siteId: SITE_SEES,
      startDate: '2026-12-01',
      endDate: '2026-12-10',
      purpose: 'emploi',
      purposeNote: 'CDD de préparateur de commandes, Sées',
      depositAmount: 150,
    });
    const second = buildLoan({
      id: newId(),
      vehicleId: scooter.id,
      youthId: yanis.id,
      siteId: SITE_PERSEIGNE,
      startDate: '2026-12-07',
      endDate: '2026-12-18',
      purpose: 'formation',
      purposeNote: 'Formation cariste à Argentan',
      depositAmount: 120,
      depositState: 'recue',
    });
    await atSees.insert('mobility', first);
    await atPerseigne.insert('mobility', second);

    await atSees.setOnline(true);
    await atSees.sync();
    await atPerseigne.setOnline(true);
    await atPerseigne.sync();

    // The first to arrive stands; the second is stored, held, nothing of it lost.
    const storage = world.server.storage;
    const standing = await storage.getDocument('mobility', first.id);
    expect(standing?.data.hold).toBeUndefined();
    expect(standing?.data.authorId).toBe(ADVISER_SEES.id);
    const held = await storage.getDocument('mobility', second.id);
    expect(held?.data).toMatchObject({
      youthId: yanis.id,
      startDate: '2026-12-07',
      endDate: '2026-12-18',
      purposeNote: 'Formation cariste à Argentan',
      authorId: ADVISER_PERSEIGNE.id,
      hold: { withLoanIds: [first.id] },
    });
    expect(
      (await atPerseigne.status()).pendingState.mobility?.[second.id]?.refused,
    ).toBeUndefined();

    // One review holds both loans with everything typed: young people, advisers, periods.
    const reviews = ((await direction.pull('reviews', 0, 100)).documents as Review[]).filter(
      (review) => review.documentId === second.id,
    );
    expect(reviews).toHaveLength(1);
    const review = reviews[0]!;
    expect(review).toMatchObject({
      kind: 'conflict',
      status: 'open',
      targetCollection: 'mobility',
      field: OVERLAP_FIELD,
    });
    expect([...(review.youthIds ?? [])].sort()).toEqual([ines.id, yanis.id].sort());
    expect(review.values).toHaveLength(2);
    expect(review.values![0]).toMatchObject({
      by: ADVISER_SEES.id,
      value: {
        id: first.id,
        youthId: ines.id,
        authorId: ADVISER_SEES.id,
        startDate: '2026-12-01',
        endDate: '2026-12-10',
        purposeNote: 'CDD de préparateur de commandes, Sées',
        depositAmount: 150,
      },
    });
    expect(review.values![1]).toMatchObject({
      by: ADVISER_PERSEIGNE.id,
      value: {
        id: second.id,
        youthId: yanis.id,
        authorId: ADVISER_PERSEIGNE.id,
        startDate: '2026-12-07',
        endDate: '2026-12-18',
        purpose: 'formation',
        depositState: 'recue',
      },
    });

    // The second device is told: its loan comes back held (« En conflit — examiné par le siège »).
    expect((await atPerseigne.get('mobility', second.id))?.hold).toMatchObject({
      withLoanIds: [first.id],
    });
    // Both permanences see the scooter's calendar, without each other's young person.
    await eventually(async () => {
      await atSees.sync();
      const calendar = await atSees.get('mobility', calendarId(scooter.id));
      expect(calendar?.periods).toEqual([
        { loanId: first.id, startDate: '2026-12-01', endDate: '2026-12-10', state: 'reserve' },
        { loanId: second.id, startDate: '2026-12-07', endDate: '2026-12-18', state: 'en-conflit' },
      ]);
      expect(await atSees.get('mobility', second.id)).toBeNull();
    });

    // The siège keeps the first loan: the held booking is cancelled (its device pulls it).
    const settled = await direction.send('POST', `/api/v1/reviews/${review.id}/resolve`, {
      choice: 0,
      comment: 'Yanis prend le vélo électrique n°2.',
    });
    expect(settled).toMatchObject({ review: { status: 'resolved' } });
    const cancelled = await storage.getDocument('mobility', second.id);
    expect(cancelled?.data.hold).toBeUndefined();
    expect(cancelled?.data.cancelledOn).toBe('2026-11-26');
  });
});

/** A raw SSE client: what it received. */
async function recordStream(api: ApiClient): Promise<() => WireDocument[]> {
  const controller = new AbortController();
  const response = await api.fetch(`${api.baseUrl}/api/v1/sync/stream`, {
    headers: { accept: 'text/event-stream' },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const documents: WireDocument[] = [];
  let opened = false;
  const parse = createEventParser((data) => {
    if (data === 'RESYNC') opened = true;
    else documents.push(...(JSON.parse(data) as { documents: WireDocument[] }).documents);
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parse(value);
    }
  })().catch(() => undefined);
  cleanups.push(() => controller.abort());
  await eventually(async () => expect(opened).toBe(true));
  return () => documents;
}

describe('the atelier-mob role', () => {
  it('gets a page of borrowers, not an empty page, when dossiers without a loan come first', async () => {
    // RxDB stops pulling at a short page and stalls on an empty one: with pages of one
    // dossier, Yanis (no loan) comes before Inès, whose first loan sent her dossier again.
    const { sees, scooter, ines, yanis } = await setTheScene();
    const loan = buildLoan({
      id: newId(),
      vehicleId: scooter.id,
      youthId: ines.id,
      startDate: '2026-11-26',
    });
    expect((await sees.push('mobility', [{ newDocumentState: wire(loan) }])).refused).toEqual([]);
    const atelier = createApiClient({
      baseUrl: world.server.url,
      fetch: createDeviceFetch().fetch,
    });
    await atelier.login(ATELIER.login, PASSWORD, { id: randomUUID(), label: 'Atelier Mob' });
    const seqOf = async (id: string) => (await world.server.storage.getDocument('youths', id))!.seq;
    expect(await seqOf(yanis.id)).toBeLessThan(await seqOf(ines.id));
    const page = await atelier.pull('youths', 0, 1);
    expect(page.documents.map((y) => y.id)).toEqual([ines.id]);
    const next = await atelier.pull('youths', page.checkpoint.seq, 1);
    expect(next.documents).toEqual([]);
  });

  it('sees the fleet, every loan, and only the identity and contact of those who borrow — pulled or streamed', async () => {
    const { sees, perseigne, scooter, ines, yanis } = await setTheScene();
    const loan = buildLoan({
      id: newId(),
      vehicleId: scooter.id,
      youthId: ines.id,
      startDate: '2026-11-26',
      endDate: '2026-12-15',
    });
    expect((await sees.push('mobility', [{ newDocumentState: wire(loan) }])).refused).toEqual([]);
    await sees.push('events', [{ newDocumentState: wire(buildEvent({ youthId: ines.id })) }]);

    const atelier = createApiClient({
      baseUrl: world.server.url,
      fetch: createDeviceFetch().fetch,
    });
    await atelier.login(ATELIER.login, PASSWORD, { id: randomUUID(), label: 'Atelier Mob' });
    const pulled = async (collection: Parameters<ApiClient['pull']>[0]) =>
      (await atelier.pull(collection, 0, 500)).documents;

    const youths = await pulled('youths');
    expect(youths.map((y) => y.id)).toEqual([ines.id]);
    expect(
      Object.keys(youths[0]!)
        .filter((f) => f !== '_deleted')
        .sort(),
    ).toEqual(BORROWER_FIELDS.filter((f) => f in ines).sort());
    expect(youths[0]).toMatchObject({ firstName: 'Inès', phone: '06 12 34 56 78' });
    expect(JSON.stringify(youths)).not.toContain('NOTE CONFIDENTIELLE');
    for (const collection of [
      'events',
      'pathway',
      'appointments',
      'reviews',
      'attendances',
    ] as const) {
      expect(await pulled(collection), collection).toEqual([]);
    }
    expect((await pulled('mobility')).map((d) => d.id).sort()).toEqual(
      [scooter.id, loan.id, calendarId(scooter.id)].sort(),
    );

    // The stream: the borrower's dossier cut down, nothing of the others nor of the parcours.
    const received = await recordStream(atelier);
    await sees.push('youths', [
      {
        newDocumentState: wire({
          ...ines,
          rev: 'r2',
          notes: 'AUTRE NOTE',
          phone: '07 00 00 00 01',
        }),
        assumedMasterState: wire(ines),
      },
    ]);
    await sees.push('events', [
      { newDocumentState: wire(buildEvent({ youthId: ines.id, report: 'CR SECRET' })) },
    ]);
    await perseigne.push('youths', [
      {
        newDocumentState: wire({ ...yanis, rev: 'r2', phone: '06 99' }),
        assumedMasterState: wire(yanis),
      },
    ]);
    // Yanis borrows for the first time: his dossier reaches the Atelier Mob, cut down.
    const bike = buildLoan({
      id: newId(),
      vehicleId: scooter.id,
      youthId: yanis.id,
      startDate: '2026-12-20',
      endDate: '2026-12-24',
      siteId: SITE_PERSEIGNE,
    });
    expect((await perseigne.push('mobility', [{ newDocumentState: wire(bike) }])).refused).toEqual(
      [],
    );
    await eventually(async () => {
      const ids = received().map((d) => d.id);
      expect(ids).toContain(bike.id);
      expect(ids).toContain(yanis.id);
      expect(received().find((d) => d.id === ines.id)).toMatchObject({ phone: '07 00 00 00 01' });
    });
    const streamed = received();
    // Nothing of the parcours: only loans, vehicles, calendars and borrowers' dossiers.
    expect(
      streamed.filter(
        (d) => 'kind' in d && !['loan', 'vehicle', 'calendar'].includes(String(d.kind)),
      ),
    ).toEqual([]);
    const text = JSON.stringify(streamed);
    for (const secret of ['AUTRE NOTE', 'CR SECRET', 'NOTE CONFIDENTIELLE', 'rqth', 'barriers']) {
      expect(text).not.toContain(secret);
    }
    for (const dossier of streamed.filter((d) => d.id === ines.id || d.id === yanis.id)) {
      for (const field of Object.keys(dossier)) {
        if (field !== '_deleted') expect(BORROWER_FIELDS).toContain(field);
      }
    }

    // It writes loans and vehicles; never a dossier, never a loan for someone who never borrowed.
    const checkout = { ...loan, rev: 'co', checkedOutOn: '2026-11-26', checkoutKm: 1200 };
    expect(
      (
        await atelier.push('mobility', [
          {
            newDocumentState: wire(checkout),
            assumedMasterState: wire(
              (await world.server.storage.getDocument('mobility', loan.id))!.data,
            ),
          },
        ])
      ).refused,
    ).toEqual([]);
    const stranger = buildYouth({ referentId: ADVISER_SEES.id });
    await sees.push('youths', [{ newDocumentState: wire(stranger) }]);
    const forbidden = buildLoan({
      id: newId(),
      vehicleId: scooter.id,
      youthId: stranger.id,
      startDate: '2027-01-10',
      endDate: '2027-01-12',
    });
    expect(
      (await atelier.push('mobility', [{ newDocumentState: wire(forbidden) }])).refused,
    ).toMatchObject([{ id: forbidden.id, code: 'FORBIDDEN' }]);
    expect(
      (
        await atelier.push('youths', [
          { newDocumentState: wire({ ...ines, rev: 'x', notes: 'x' }) },
        ])
      ).refused,
    ).toHaveLength(1);
    expect((await pulled('youths')).map((y) => y.id).sort()).toEqual([ines.id, yanis.id].sort());
  });
});
