/**
 * A write typed offline for a dossier that left the adviser's scope before it was sent (the siège
 * transferred the dossier to another site meanwhile): the push is refused and the device loses
 * the dossier, but what was typed reaches the siège in a review, where keeping it puts it back
 * into the dossier (design.md: "Nothing typed by anyone is lost"). Real server, real devices.
 */
import { describe, expect, it } from 'vitest';
import { ADVISER_PERSEIGNE, ADVISER_SEES, DIRECTION } from '../support/accounts';
import {
  buildAppointment,
  buildEvent,
  buildProposition,
  buildYouth,
  SITE_PERSEIGNE,
  SITE_SEES,
} from '../support/builders';
import { eventually, loggedInClient } from '../support/http';
import { syncWorld } from '../support/sync-world';
import { newRev } from '../../src/domain/ids';
import type { PushRow } from '../../src/sync/api';
import type { Youth } from '../../src/domain/schemas/youth';

const world = syncWorld();
const { device } = world;

interface ReviewDoc {
  id: string;
  kind: string;
  status: string;
  targetCollection?: string;
  documentId?: string;
  field?: string;
  youthIds?: string[];
  values: { value?: unknown; by: string; deviceId?: string; rev?: string }[];
}

async function reviewsOf(documentId: string): Promise<ReviewDoc[]> {
  const rows = await world.server.storage.pull('reviews', 0, 1000, { all: true });
  return rows
    .map((row) => row.document.data as unknown as ReviewDoc)
    .filter((review) => review.documentId === documentId);
}

/** The siège transfers the dossier to Perseigne, with a Perseigne référent. */
async function transferToPerseigne(youthId: string): Promise<void> {
  const direction = await loggedInClient(world.server.url, DIRECTION.login);
  const stored = (await world.server.storage.getDocument('youths', youthId))!;
  const moved = {
    ...stored.data,
    siteId: SITE_PERSEIGNE,
    referentId: ADVISER_PERSEIGNE.id,
    rev: newRev(),
    _deleted: false,
  };
  const answer = await direction.push('youths', [
    {
      newDocumentState: moved as unknown as PushRow['newDocumentState'],
      assumedMasterState: { ...stored.data, _deleted: false } as PushRow['assumedMasterState'],
    },
  ]);
  expect(answer.refused).toEqual([]);
}

/** A Sées dossier followed by the Sées adviser, synced, then the device goes offline. */
async function seesDossierOffline(overrides: Partial<Youth> = {}) {
  const sees = device(ADVISER_SEES.login);
  const youth = buildYouth({ siteId: SITE_SEES, referentId: ADVISER_SEES.id, ...overrides });
  await sees.insert('youths', youth);
  await sees.sync();
  await sees.setOnline(false);
  return { sees, youth };
}

describe('a write typed offline for a dossier transferred meanwhile', () => {
  it('keeps an edit of the dossier in a review the siège can settle, without giving access back', async () => {
    const siege = device(DIRECTION.login);
    const { sees, youth } = await seesDossierOffline({ notes: 'Premier accueil à Sées.' });
    await sees.patch('youths', youth.id, { notes: 'Piste PMSMP en boulangerie, à relancer.' });
    await transferToPerseigne(youth.id);

    await sees.setOnline(true);
    await sees.sync();

    // The adviser's device loses the dossier, and says where the note went.
    await eventually(async () => expect(await sees.get('youths', youth.id)).toBeNull());
    const status = await sees.status();
    expect(status.pendingState.youths?.[youth.id]?.refused).toBe('SCOPE_LEFT');
    const stored = (await world.server.storage.getDocument('youths', youth.id))!;
    expect(stored.data).toMatchObject({ siteId: SITE_PERSEIGNE, notes: 'Premier accueil à Sées.' });

    // The siège's device receives the review with both notes, who typed them and from where.
    const review = await eventually(async () => {
      const found = ((await siege.find('reviews')) as unknown as ReviewDoc[]).find(
        (r) => r.documentId === youth.id,
      );
      expect(found).toMatchObject({ kind: 'conflict', status: 'open', field: 'notes' });
      return found!;
    });
    const typed = review.values.findIndex(
      (v) => v.value === 'Piste PMSMP en boulangerie, à relancer.',
    );
    expect(review.values[typed]).toMatchObject({ by: ADVISER_SEES.id });
    expect(review.values[typed]!.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(review.youthIds).toEqual([youth.id]);

    // Keeping the adviser's note puts it into the dossier, which stays at Perseigne.
    const direction = await loggedInClient(world.server.url, DIRECTION.login);
    await direction.send('POST', `/api/v1/reviews/${review.id}/resolve`, { choice: typed });
    expect((await world.server.storage.getDocument('youths', youth.id))!.data).toMatchObject({
      siteId: SITE_PERSEIGNE,
      referentId: ADVISER_PERSEIGNE.id,
      notes: 'Piste PMSMP en boulangerie, à relancer.',
    });
    await sees.sync();
    expect(await sees.get('youths', youth.id)).toBeNull();
  });

  it('keeps an entretien created offline whole, and keeping it files it in the transferred dossier', async () => {
    const siege = device(DIRECTION.login);
    const perseigne = device(ADVISER_PERSEIGNE.login);
    const { sees, youth } = await seesDossierOffline();
    const entretien = buildEvent({
      youthId: youth.id,
      authorId: ADVISER_SEES.id,
      report: 'Entretien individuel : projet CAP cuisine.',
    });
    await sees.insert('events', entretien);
    await transferToPerseigne(youth.id);

    await sees.setOnline(true);
    await sees.sync();

    await eventually(async () => expect(await sees.get('youths', youth.id)).toBeNull());
    expect((await sees.status()).pendingState.events?.[entretien.id]?.refused).toBe('SCOPE_LEFT');
    expect(await world.server.storage.getDocument('events', entretien.id)).toBeNull();

    const review = await eventually(async () => {
      const found = ((await siege.find('reviews')) as unknown as ReviewDoc[]).find(
        (r) => r.documentId === entretien.id,
      );
      expect(found).toMatchObject({
        kind: 'conflict',
        status: 'open',
        targetCollection: 'events',
        field: '_document',
        youthIds: [youth.id],
      });
      return found!;
    });
    expect(review.values).toHaveLength(1);
    expect(review.values[0]).toMatchObject({
      by: ADVISER_SEES.id,
      value: { id: entretien.id, report: 'Entretien individuel : projet CAP cuisine.' },
    });

    const direction = await loggedInClient(world.server.url, DIRECTION.login);
    await direction.send('POST', `/api/v1/reviews/${review.id}/resolve`, { choice: 0 });
    const filed = (await world.server.storage.getDocument('events', entretien.id))!;
    expect(filed.scope).toEqual({ siteId: SITE_PERSEIGNE, ownerId: ADVISER_PERSEIGNE.id });
    expect(filed.data).toMatchObject({
      youthId: youth.id,
      authorId: ADVISER_SEES.id,
      report: 'Entretien individuel : projet CAP cuisine.',
    });
    // The Perseigne référent now sees the entretien in the dossier; the Sées device receives
    // nothing of it: it only keeps its own copy of what it typed, still marked as sent to the siège.
    await eventually(async () =>
      expect(await perseigne.get('events', entretien.id)).toMatchObject({ youthId: youth.id }),
    );
    await sees.sync();
    expect(await sees.get('youths', youth.id)).toBeNull();
    expect(await sees.get('events', entretien.id)).toMatchObject({ updatedBy: ADVISER_SEES.id });
    expect((await sees.status()).pendingState.events?.[entretien.id]?.refused).toBe('SCOPE_LEFT');
  });

  it('keeps an edit and a deletion of documents attached to the transferred dossier', async () => {
    const sees = await loggedInClient(world.server.url, ADVISER_SEES.login);
    const youth = buildYouth({ siteId: SITE_SEES, referentId: ADVISER_SEES.id });
    const proposition = buildProposition({ youthId: youth.id });
    const appointment = buildAppointment({ youthId: youth.id, staffId: ADVISER_SEES.id });
    const wire = (document: object, extra: object = {}) =>
      ({ ...document, _deleted: false, ...extra }) as unknown as PushRow['newDocumentState'];
    await sees.push('youths', [{ newDocumentState: wire(youth) }]);
    await sees.push('pathway', [{ newDocumentState: wire(proposition) }]);
    await sees.push('appointments', [{ newDocumentState: wire(appointment) }]);
    await transferToPerseigne(youth.id);

    const edited = await sees.push('pathway', [
      {
        newDocumentState: wire(proposition, { partner: 'Fournil du Pays', rev: newRev() }),
        assumedMasterState: wire(proposition),
      },
    ]);
    const deleted = await sees.push('appointments', [
      {
        newDocumentState: wire(appointment, { rev: newRev(), _deleted: true }),
        assumedMasterState: wire(appointment),
      },
    ]);
    expect(edited.refused.map((row) => row.code)).toEqual(['SCOPE_LEFT']);
    expect(deleted.refused.map((row) => row.code)).toEqual(['SCOPE_LEFT']);

    expect(await reviewsOf(proposition.id)).toEqual([
      expect.objectContaining({
        field: 'partner',
        youthIds: [youth.id],
        values: [
          expect.objectContaining({ value: 'Boulangerie Le Fournil' }),
          expect.objectContaining({ value: 'Fournil du Pays', by: ADVISER_SEES.id }),
        ],
      }),
    ]);
    expect(await reviewsOf(appointment.id)).toEqual([
      expect.objectContaining({
        field: '_deleted',
        values: [
          expect.objectContaining({ value: false }),
          expect.objectContaining({ value: true, by: ADVISER_SEES.id }),
        ],
      }),
    ]);
    // Nothing was written: the documents stay as the siège's transfer left them.
    const stored = await world.server.storage.getDocument('appointments', appointment.id);
    expect(stored).toMatchObject({ deleted: false, scope: { siteId: SITE_PERSEIGNE } });
    expect((await world.server.storage.getDocument('pathway', proposition.id))!.data.partner).toBe(
      'Boulangerie Le Fournil',
    );
  });

  it('opens no review for a caller who never had the dossier', async () => {
    const sees = device(ADVISER_SEES.login);
    const youth = buildYouth({ siteId: SITE_SEES, referentId: ADVISER_SEES.id });
    await sees.insert('youths', youth);
    await sees.sync();
    const stored = (await world.server.storage.getDocument('youths', youth.id))!;

    const outsider = await loggedInClient(world.server.url, ADVISER_PERSEIGNE.login);
    const edit = { ...youth, notes: 'Tentative hors périmètre', rev: newRev(), _deleted: false };
    const guessedBase = { ...youth, rev: newRev(), _deleted: false };
    const event = buildEvent({ youthId: youth.id, authorId: ADVISER_PERSEIGNE.id });
    const answers = [
      await outsider.push('youths', [
        { newDocumentState: edit as unknown as PushRow['newDocumentState'] },
      ]),
      await outsider.push('youths', [
        {
          newDocumentState: edit as unknown as PushRow['newDocumentState'],
          assumedMasterState: guessedBase as unknown as PushRow['assumedMasterState'],
        },
      ]),
      await outsider.push('events', [
        { newDocumentState: { ...event, _deleted: false } as PushRow['newDocumentState'] },
      ]),
    ];
    for (const answer of answers) {
      expect(answer.refused.map((row) => row.code)).toEqual(['OUT_OF_SCOPE']);
    }
    expect(await reviewsOf(youth.id)).toEqual([]);
    expect(await reviewsOf(event.id)).toEqual([]);
    expect((await world.server.storage.getDocument('youths', youth.id))!.rev).toBe(stored.rev);
    expect(await world.server.storage.getDocument('events', event.id)).toBeNull();
  });
});

describe('a write kept for the siège, sent again', () => {
  it('opens nothing more, even once the siège settled the review', async () => {
    const sees = await loggedInClient(world.server.url, ADVISER_SEES.login);
    const youth = buildYouth({ siteId: SITE_SEES, referentId: ADVISER_SEES.id });
    const rows = (document: object, extra: object = {}) =>
      ({ ...document, _deleted: false, ...extra }) as unknown as PushRow['newDocumentState'];
    await sees.push('youths', [{ newDocumentState: rows(youth) }]);
    await transferToPerseigne(youth.id);
    const edit = [
      {
        newDocumentState: rows(youth, { notes: 'Vu à Sées', rev: newRev() }),
        assumedMasterState: rows(youth),
      },
    ];
    expect((await sees.push('youths', edit)).refused.map((row) => row.code)).toEqual([
      'SCOPE_LEFT',
    ]);
    const [review] = await reviewsOf(youth.id);
    const direction = await loggedInClient(world.server.url, DIRECTION.login);
    await direction.send('POST', `/api/v1/reviews/${review!.id}/dismiss`, {});
    const seq = await world.server.storage.lastSeq();

    // The tablet lost the answer and sends the same row again.
    expect((await sees.push('youths', edit)).refused.map((row) => row.code)).toEqual([
      'SCOPE_LEFT',
    ]);
    expect(await world.server.storage.lastSeq()).toBe(seq);
    expect((await reviewsOf(youth.id)).map((r) => r.status)).toEqual(['dismissed']);
  });
});

describe('a caller who names a rev of a document she did not have', () => {
  const wire = (document: object, extra: object = {}) =>
    ({ ...document, _deleted: false, ...extra }) as unknown as PushRow['newDocumentState'];

  it('is answered OUT_OF_SCOPE whether the rev is current or not, and no review opens', async () => {
    const sees = await loggedInClient(world.server.url, ADVISER_SEES.login);
    const youth = buildYouth({ siteId: SITE_SEES, referentId: ADVISER_SEES.id });
    const proposition = buildProposition({ youthId: youth.id });
    await sees.push('youths', [{ newDocumentState: wire(youth) }]);
    await sees.push('pathway', [{ newDocumentState: wire(proposition) }]);

    // An adviser of another site who learnt the current revs (a screenshot, a colleague).
    const outsider = await loggedInClient(world.server.url, ADVISER_PERSEIGNE.login);
    const answers = [
      await outsider.push('youths', [
        {
          newDocumentState: wire(youth, { notes: 'Tentative hors périmètre', rev: newRev() }),
          assumedMasterState: wire(youth),
        },
      ]),
      await outsider.push('pathway', [
        {
          newDocumentState: wire(proposition, { partner: 'Ailleurs', rev: newRev() }),
          assumedMasterState: wire(proposition),
        },
      ]),
    ];
    for (const answer of answers) {
      expect(answer.refused.map((row) => row.code)).toEqual(['OUT_OF_SCOPE']);
    }
    expect(await reviewsOf(youth.id)).toEqual([]);
    expect(await reviewsOf(proposition.id)).toEqual([]);
  });

  it('keeps SCOPE_LEFT for the rev the caller had, not for one written after the dossier left her', async () => {
    const sees = await loggedInClient(world.server.url, ADVISER_SEES.login);
    const youth = buildYouth({ siteId: SITE_SEES, referentId: ADVISER_SEES.id });
    await sees.push('youths', [{ newDocumentState: wire(youth) }]);
    await transferToPerseigne(youth.id);
    // Perseigne writes the dossier again: a rev the Sées adviser never received.
    const perseigne = await loggedInClient(world.server.url, ADVISER_PERSEIGNE.login);
    const transferred = (await world.server.storage.getDocument('youths', youth.id))!;
    const later = { ...transferred.data, phone: '06 39 98 44 44', rev: newRev() };
    await perseigne.push('youths', [
      { newDocumentState: wire(later), assumedMasterState: wire(transferred.data) },
    ]);

    const fromLater = await sees.push('youths', [
      {
        newDocumentState: wire(later, { notes: 'Vu à Sées', rev: newRev() }),
        assumedMasterState: wire(later),
      },
    ]);
    expect(fromLater.refused.map((row) => row.code)).toEqual(['OUT_OF_SCOPE']);
    expect(await reviewsOf(youth.id)).toEqual([]);

    const fromHers = await sees.push('youths', [
      {
        newDocumentState: wire(youth, { notes: 'Vu à Sées', rev: newRev() }),
        assumedMasterState: wire(youth),
      },
    ]);
    expect(fromHers.refused.map((row) => row.code)).toEqual(['SCOPE_LEFT']);
    expect(await reviewsOf(youth.id)).toEqual([
      expect.objectContaining({ field: 'notes', status: 'open' }),
    ]);
  });
});
