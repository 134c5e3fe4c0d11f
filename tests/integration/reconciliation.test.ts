/**
 * Reconciliation at the siège with real devices (each in its own worker thread, real RxDB and
 * sync client) and the real server: two advisers edit one dossier offline, the siège settles the
 * conflict and every device shows the decision; two dossiers of one young person are merged and
 * every device converges on the kept dossier.
 */
import { describe, expect, it } from 'vitest';
import { ADVISER_PERSEIGNE, ADVISER_SEES, ADVISER_SEES_2, DIRECTION } from '../support/accounts';
import {
  SITE_PERSEIGNE,
  SITE_SIEGE,
  buildAppointment,
  buildAttendance,
  buildEvent,
  buildProposition,
  buildWorkshop,
  buildYouth,
} from '../support/builders';
import { eventually, loggedInClient } from '../support/http';
import { storeDuplicateReview } from '../support/reviews';
import { syncWorld } from '../support/sync-world';

const world = syncWorld();
const { device } = world;

interface ReviewDoc {
  id: string;
  kind: string;
  status: string;
  documentId?: string;
  field?: string;
  comment?: string;
  values: { value?: unknown; by: string; deviceId?: string }[];
}

describe('a conflict settled at the siège', () => {
  it('merges different fields silently, keeps both values of one field, and shows the decision everywhere', async () => {
    const a = device(ADVISER_SEES.login);
    const b = device(ADVISER_SEES_2.login);
    const siege = device(DIRECTION.login);
    const youth = buildYouth({ phone: '06 39 98 00 00' });
    await a.insert('youths', youth);
    await a.sync();
    await eventually(async () => expect(await b.get('youths', youth.id)).not.toBeNull());

    await Promise.all([a.setOnline(false), b.setOnline(false)]);
    await a.patch('youths', youth.id, { phone: '06 39 98 11 11', status: 'accompagne' });
    await b.patch('youths', youth.id, {
      phone: '06 39 98 22 22',
      email: 'ines.lefevre@example.fr',
    });
    await a.setOnline(true);
    await a.sync();
    await b.setOnline(true);
    await b.sync();
    await a.sync();

    // Different fields merged silently; the phone typed first stays, on both devices.
    const merged = {
      phone: '06 39 98 11 11',
      status: 'accompagne',
      email: 'ines.lefevre@example.fr',
    };
    for (const adviser of [a, b]) {
      await eventually(async () =>
        expect(await adviser.get('youths', youth.id)).toMatchObject(merged),
      );
    }
    // The siège's device receives the conflict with both values, who typed them and from where.
    const review = await eventually(async () => {
      const [found] = (await siege.find('reviews')) as unknown as ReviewDoc[];
      expect(found).toMatchObject({ kind: 'conflict', status: 'open', documentId: youth.id });
      return found!;
    });
    expect(review.field).toBe('phone');
    const typedByB = review.values.findIndex((v) => v.value === '06 39 98 22 22');
    expect(review.values[typedByB]).toMatchObject({ by: ADVISER_SEES_2.id });
    expect(review.values[typedByB]!.deviceId).toMatch(/^[0-9a-f-]{36}$/);

    const direction = await loggedInClient(world.server.url, DIRECTION.login);
    await direction.send('POST', `/api/v1/reviews/${review.id}/resolve`, {
      choice: typedByB,
      comment: 'Numéro confirmé par téléphone',
    });

    for (const everyone of [a, b, siege]) {
      await eventually(async () =>
        expect(await everyone.get('youths', youth.id)).toMatchObject({
          ...merged,
          phone: '06 39 98 22 22',
        }),
      );
    }
    await eventually(async () =>
      expect(await siege.get('reviews', review.id)).toMatchObject({
        status: 'resolved',
        resolvedBy: DIRECTION.id,
        comment: 'Numéro confirmé par téléphone',
      }),
    );
    expect((await a.status()).pending).toBe(0);
    expect((await b.status()).pending).toBe(0);
  });
});

describe('two dossiers of one young person merged at the siège', () => {
  it('re-points every document to the kept dossier, keeps the other as a redirect, and every device converges', async () => {
    const sees = device(ADVISER_SEES.login);
    const perseigne = device(ADVISER_PERSEIGNE.login);
    const siege = device(DIRECTION.login);
    const workshop = buildWorkshop({ siteId: SITE_SIEGE });
    const direction = await loggedInClient(world.server.url, DIRECTION.login);
    await direction.push('workshops', [{ newDocumentState: { ...workshop, _deleted: false } }]);

    // The same young woman, met at Sées and, offline, at the Perseigne permanence.
    const kept = buildYouth({ firstName: 'Inès', phone: '06 39 98 11 11' });
    const other = buildYouth({
      firstName: 'Ines',
      siteId: SITE_PERSEIGNE,
      phone: '06 39 98 22 22',
      email: 'ines.lefevre@example.fr',
    });
    await sees.insert('youths', kept);
    await sees.insert('events', buildEvent({ youthId: kept.id }));
    await sees.insert('attendances', {
      ...buildAttendance({ workshopId: workshop.id, youthId: kept.id }),
      present: false,
    });
    await sees.sync();
    const otherEvent = buildEvent({ youthId: other.id, report: 'Premier contact à Perseigne' });
    const otherProposition = buildProposition({ youthId: other.id });
    const otherAppointment = buildAppointment({ youthId: other.id, siteId: SITE_PERSEIGNE });
    await perseigne.insert('youths', other);
    await perseigne.insert('events', otherEvent);
    await perseigne.insert('pathway', otherProposition);
    await perseigne.insert('appointments', otherAppointment);
    await perseigne.insert('attendances', {
      ...buildAttendance({ workshopId: workshop.id, youthId: other.id }),
      present: true,
    });
    await perseigne.sync();

    const pair = await storeDuplicateReview(world.server.storage, [kept.id, other.id]);
    const answer = await direction.send<{ summary: { moved: Record<string, number> } }>(
      'POST',
      `/api/v1/reviews/${pair.id}/merge`,
      { keepId: kept.id, takeFromOther: ['phone'], comment: 'Même date de naissance et adresse' },
    );
    expect(answer.summary.moved).toEqual({
      events: 1,
      pathway: 1,
      appointments: 1,
      attendances: 1,
    });

    // The kept dossier: its values, the other's phone (picked) and email (blank in the kept).
    const expectedKept = {
      firstName: 'Inès',
      phone: '06 39 98 22 22',
      email: 'ines.lefevre@example.fr',
    };
    const keptAttendance = `${workshop.id}:${kept.id}`;
    const otherAttendance = `${workshop.id}:${other.id}`;
    await eventually(async () => {
      expect(await sees.get('youths', kept.id)).toMatchObject(expectedKept);
      expect(await sees.get('events', otherEvent.id)).toMatchObject({ youthId: kept.id });
      expect(await sees.get('pathway', otherProposition.id)).toMatchObject({ youthId: kept.id });
      expect(await sees.get('appointments', otherAppointment.id)).toMatchObject({
        youthId: kept.id,
      });
      // One sign-up to the session, present since one of the two dossiers was marked present.
      expect(await sees.get('attendances', keptAttendance)).toMatchObject({ present: true });
    });
    // Perseigne keeps the redirect, and the moved documents leave its device with the dossier.
    await eventually(async () => {
      expect(await perseigne.get('youths', other.id)).toMatchObject({ mergedInto: kept.id });
      expect(await perseigne.get('events', otherEvent.id)).toBeNull();
      expect(await perseigne.get('attendances', otherAttendance)).toBeNull();
    });
    await eventually(async () => {
      expect(await siege.get('reviews', pair.id)).toMatchObject({ status: 'resolved' });
      expect(await siege.get('attendances', otherAttendance)).toBeNull();
      expect(await siege.get('youths', kept.id)).toMatchObject(expectedKept);
    });
    expect((await world.server.storage.getDocument('attendances', otherAttendance))?.deleted).toBe(
      true,
    );
    await expect(
      direction.send('POST', `/api/v1/reviews/${pair.id}/merge`, { keepId: kept.id }),
    ).rejects.toMatchObject({ code: 'REVIEW_CLOSED' });
  });
});
