/**
 * Conflicts over real HTTP, push by push, and their resolution at the siège: what merges by
 * itself per collection, what opens (or joins) a review with every value, who typed what, and the
 * siège's decision written back as a new server revision.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CollectionName } from '../../src/domain/collections';
import { newRev } from '../../src/domain/ids';
import type { ApiClient } from '../../src/sync/api';
import {
  ADVISER_PERSEIGNE,
  ADVISER_SEES,
  ADVISER_SEES_2,
  DIRECTION,
  createTestAccounts,
} from '../support/accounts';
import {
  SITE_PERSEIGNE,
  buildAttendance,
  buildLoan,
  buildProposition,
  buildVehicle,
  buildWorkshop,
  buildYouth,
  wire,
} from '../support/builders';
import { loggedInClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let sees: ApiClient;
let sees2: ApiClient;
let perseigne: ApiClient;
let direction: ApiClient;

beforeEach(async () => {
  server = await startTestServer();
  await createTestAccounts(server.storage);
  [sees, sees2, perseigne, direction] = await Promise.all([
    loggedInClient(server.url, ADVISER_SEES.login),
    loggedInClient(server.url, ADVISER_SEES_2.login),
    loggedInClient(server.url, ADVISER_PERSEIGNE.login),
    loggedInClient(server.url, DIRECTION.login),
  ]);
});

afterEach(async () => {
  await server.close();
});

type Doc = Record<string, unknown> & { id: string; rev: string };
interface ReviewValue {
  value?: unknown;
  by: string;
  at?: string;
  deviceId?: string;
  rev?: string;
}
type Review = Doc & { kind: string; status: string; field: string; values: ReviewValue[] };

/** A device's write: a new rev on top of the state it last saw. */
function edit<T extends Doc>(seen: T, patch: Partial<T> | Record<string, unknown>): T {
  return { ...seen, ...patch, rev: newRev(), updatedAt: '2026-11-21T09:00:00.000Z' } as T;
}

async function write(api: ApiClient, collection: CollectionName, next: Doc, seen?: Doc) {
  return api.push(collection, [
    { newDocumentState: wire(next), ...(seen ? { assumedMasterState: wire(seen) } : {}) },
  ]);
}

async function stored(collection: CollectionName, id: string) {
  return server.storage.getDocument(collection, id);
}

async function reviews(): Promise<Review[]> {
  return (await direction.pull('reviews', 0, 1000)).documents as unknown as Review[];
}

describe('conflicts recorded on push', () => {
  it('merges one-sided edits silently and gathers every value of one field in one review', async () => {
    const youth = buildYouth();
    await write(sees, 'youths', youth);
    await write(sees, 'youths', edit(youth, { phone: '06 39 98 11 11' }), youth);
    // Sées 2 had not seen it: a different phone, and a status nobody else touched.
    const second = await write(
      sees2,
      'youths',
      edit(youth, { phone: '06 39 98 22 22', status: 'accompagne' }),
      youth,
    );
    expect(second.conflicts[0]).toMatchObject({ phone: '06 39 98 11 11', status: 'accompagne' });
    // The siège, from the same old state, types a third phone.
    await write(direction, 'youths', edit(youth, { phone: '06 39 98 33 33' }), youth);

    expect((await stored('youths', youth.id))?.data).toMatchObject({
      phone: '06 39 98 11 11',
      status: 'accompagne',
    });
    const open = await reviews();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      kind: 'conflict',
      status: 'open',
      targetCollection: 'youths',
      documentId: youth.id,
      field: 'phone',
      siteId: youth.siteId,
      youthIds: [youth.id],
    });
    // Who typed the stored value is its author, not the adviser whose push merged the status.
    expect(open[0]!.values.map((v) => [v.value, v.by])).toEqual([
      ['06 39 98 11 11', ADVISER_SEES.id],
      ['06 39 98 22 22', ADVISER_SEES_2.id],
      ['06 39 98 33 33', DIRECTION.id],
    ]);
  });

  it('changes nothing when a merged push is replayed, and gives the device the master', async () => {
    const youth = buildYouth();
    await write(sees, 'youths', youth);
    await write(sees, 'youths', edit(youth, { phone: '06 39 98 11 11' }), youth);
    const late = edit(youth, { phone: '06 39 98 22 22', notes: 'Vu au forum' });
    await write(sees2, 'youths', late, youth);
    const before = {
      seq: await server.storage.lastSeq(),
      youth: await stored('youths', youth.id),
      reviews: await reviews(),
    };
    // Sées 2 lost the answer and sends the same row again, after another edit by Sées.
    const master = (await stored('youths', youth.id))!.data as Doc;
    await write(sees, 'youths', edit(master, { status: 'accompagne' }), master);
    const afterEdit = {
      seq: await server.storage.lastSeq(),
      youth: await stored('youths', youth.id),
    };
    const replay = await write(sees2, 'youths', late, youth);

    expect(replay.conflicts).toEqual([expect.objectContaining({ rev: afterEdit.youth!.rev })]);
    expect(await server.storage.lastSeq()).toBe(afterEdit.seq);
    expect(await reviews()).toEqual(before.reviews);
    expect((await stored('youths', youth.id))?.data).toEqual(afterEdit.youth!.data);
    expect(before.youth?.data).toMatchObject({ notes: 'Vu au forum' });
  });

  describe('a write made after the answer to an earlier one was lost', () => {
    /** A push that names the device's unanswered revs of the document (pending.ts). */
    async function writeAfterLoss(api: ApiClient, next: Doc, seen: Doc, lineage: string[]) {
      return api.push('youths', [
        { newDocumentState: wire(next), assumedMasterState: wire(seen), lineage },
      ]);
    }

    it("applies the adviser's newer edit over her own unanswered one, without a review", async () => {
      const youth = buildYouth();
      await write(sees, 'youths', youth);
      // v1 reaches the server, its answer does not reach the tablet (network cut, app closed).
      const v1 = edit(youth, { phone: '06 39 98 11 11' });
      await write(sees, 'youths', v1, youth);
      // The adviser corrects it; RxDB still names the last master it saw as the base.
      const v2 = edit(v1, { phone: '06 39 98 22 22', notes: 'Rappeler jeudi' });
      const answer = await writeAfterLoss(sees, v2, youth, [v1.rev]);
      expect(answer).toEqual({ conflicts: [], refused: [] });
      expect((await stored('youths', youth.id))?.data).toMatchObject({
        rev: v2.rev,
        phone: '06 39 98 22 22',
        notes: 'Rappeler jeudi',
      });
      expect(await reviews()).toEqual([]);
    });

    it("merges it with another adviser's edit made meanwhile, from her own unanswered write", async () => {
      const youth = buildYouth();
      await write(sees, 'youths', youth);
      const v1 = edit(youth, { phone: '06 39 98 11 11' });
      await write(sees, 'youths', v1, youth);
      await write(sees2, 'youths', edit(youth, { status: 'accompagne' }), youth);
      const v2 = edit(v1, { phone: '06 39 98 22 22' });
      const answer = await writeAfterLoss(sees, v2, youth, [v1.rev]);
      expect(answer.refused).toEqual([]);
      expect((await stored('youths', youth.id))?.data).toMatchObject({
        phone: '06 39 98 22 22',
        status: 'accompagne',
      });
      expect(await reviews()).toEqual([]);
    });

    it("still meets another device's write as a conflict, whatever revs it names", async () => {
      const youth = buildYouth();
      await write(sees, 'youths', youth);
      const v1 = edit(youth, { phone: '06 39 98 11 11' });
      await write(sees, 'youths', v1, youth);
      // Sées 2 names Sées's rev as its own: it is not, so the base stays the one it saw.
      const other = edit(youth, { phone: '06 39 98 22 22' });
      const answer = await writeAfterLoss(sees2, other, youth, [v1.rev]);
      expect(answer.conflicts).toEqual([expect.objectContaining({ phone: '06 39 98 11 11' })]);
      const open = await reviews();
      expect(open.map((review) => review.values.map((v) => v.by))).toEqual([
        [ADVISER_SEES.id, ADVISER_SEES_2.id],
      ]);
    });
  });

  it('keeps a deletion over an edit made meanwhile, and lets the siège restore the dossier', async () => {
    const youth = buildYouth();
    await write(sees, 'youths', youth);
    await sees.push('youths', [
      { newDocumentState: wire(edit(youth, {}), true), assumedMasterState: wire(youth) },
    ]);
    await write(sees2, 'youths', edit(youth, { notes: 'Rappeler lundi' }), youth);

    const deleted = await stored('youths', youth.id);
    expect(deleted).toMatchObject({ deleted: true, data: { notes: 'Rappeler lundi' } });
    const [review] = await reviews();
    expect(review).toMatchObject({ field: '_deleted', documentId: youth.id });
    const kept = review!.values.findIndex((v) => v.value === false);
    expect(review!.values[kept]!.by).toBe(ADVISER_SEES_2.id);

    await direction.send('POST', `/api/v1/reviews/${review!.id}/resolve`, {
      choice: kept,
      comment: 'Dossier supprimé par erreur',
    });
    expect(await stored('youths', youth.id)).toMatchObject({
      deleted: false,
      data: { notes: 'Rappeler lundi', updatedBy: DIRECTION.id },
    });
    const pulled = (await sees.pull('youths', 0, 100)).documents;
    expect(pulled.find((doc) => doc.id === youth.id)).toMatchObject({ _deleted: false });
  });

  it('merges two moves of a proposition on one path, and opens a conflict across branches', async () => {
    const youth = buildYouth();
    await write(sees, 'youths', youth);
    const onePath = buildProposition({ youthId: youth.id });
    const branches = buildProposition({ youthId: youth.id });
    await sees.push('pathway', [
      { newDocumentState: wire(onePath) },
      { newDocumentState: wire(branches) },
    ]);

    await write(sees, 'pathway', edit(onePath, { result: 'acceptee' }), onePath);
    // Offline, Sées 2 moved it to acceptée then réalisée: one push, made from en attente.
    await write(sees2, 'pathway', edit(onePath, { result: 'realisee' }), onePath);
    expect((await stored('pathway', onePath.id))?.data.result).toBe('realisee');

    await write(sees, 'pathway', edit(branches, { result: 'acceptee' }), branches);
    const answer = await write(
      sees2,
      'pathway',
      edit(branches, { result: 'refusee-jeune' }),
      branches,
    );
    expect(answer.refused).toEqual([]);
    expect((await stored('pathway', branches.id))?.data.result).toBe('acceptee');
    const open = await reviews();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ targetCollection: 'pathway', field: 'result' });
    expect(open[0]!.values.map((v) => v.value)).toEqual(['acceptee', 'refusee-jeune']);
  });

  it('makes one attendance of two offline sign-ups, present if either device says so', async () => {
    const youth = buildYouth();
    const workshop = buildWorkshop();
    await write(sees, 'youths', youth);
    await write(sees, 'workshops', workshop);
    const signUp = { workshopId: workshop.id, youthId: youth.id };
    await write(
      sees,
      'attendances',
      buildAttendance({ ...signUp, registeredAt: '2026-11-20T10:00' }),
    );
    await write(
      sees2,
      'attendances',
      buildAttendance({ ...signUp, registeredAt: '2026-11-20T11:30', present: true }),
    );
    expect((await stored('attendances', `${workshop.id}:${youth.id}`))?.data).toMatchObject({
      registeredAt: '2026-11-20T10:00',
      present: true,
    });
    expect(await reviews()).toEqual([]);
  });

  it('keeps the sign-up time of the first sign-up to reach the server, whatever a device clock says', async () => {
    const youth = buildYouth();
    const workshop = buildWorkshop();
    await write(sees, 'youths', youth);
    await write(sees, 'workshops', workshop);
    const signUp = { workshopId: workshop.id, youthId: youth.id };
    await write(
      sees,
      'attendances',
      buildAttendance({ ...signUp, registeredAt: '2026-11-20T10:00' }),
    );
    // A tablet whose clock says year 1 signs the same young person up offline, and syncs later.
    await write(
      sees2,
      'attendances',
      buildAttendance({ ...signUp, registeredAt: '0001-01-01T00:00', present: true }),
    );
    expect((await stored('attendances', `${workshop.id}:${youth.id}`))?.data).toMatchObject({
      registeredAt: '2026-11-20T10:00',
      present: true,
    });
    expect(await reviews()).toEqual([]);
  });
});

describe('a vehicle booked twice for one slot', () => {
  it('keeps both bookings of one site in one review, the first one in the loan', async () => {
    const vehicle = buildVehicle();
    const [ines, kevin] = [buildYouth({ firstName: 'Inès' }), buildYouth({ firstName: 'Kévin' })];
    await sees.push('youths', [
      { newDocumentState: wire(ines) },
      { newDocumentState: wire(kevin) },
    ]);
    await direction.push('mobility', [{ newDocumentState: wire(vehicle) }]);
    const slot = { vehicleId: vehicle.id, startDate: '2026-12-01' };
    await write(sees, 'mobility', buildLoan({ ...slot, youthId: ines.id, endDate: '2026-12-15' }));
    const second = await write(
      sees2,
      'mobility',
      buildLoan({ ...slot, youthId: kevin.id, endDate: '2026-12-08' }),
    );

    expect(second.conflicts[0]).toMatchObject({ youthId: ines.id });
    const [review] = await reviews();
    expect(review).toMatchObject({
      field: 'reservation',
      targetCollection: 'mobility',
      youthIds: [ines.id, kevin.id],
    });
    // Each side's whole booking (merge-policies.ts, LOAN_BOOKING), nothing of one in the other.
    expect(review!.values.map((v) => v.value)).toMatchObject([
      { youthId: ines.id, endDate: '2026-12-15', purpose: 'emploi', depositAmount: 150 },
      { youthId: kevin.id, endDate: '2026-12-08', purpose: 'emploi', depositAmount: 150 },
    ]);
  });

  it("refuses another site's booking of a taken slot without revealing it, and the siège can give it the slot", async () => {
    const vehicle = buildVehicle();
    const ines = buildYouth({ firstName: 'Inès' });
    const yanis = buildYouth({ firstName: 'Yanis', siteId: SITE_PERSEIGNE });
    await write(sees, 'youths', ines);
    await write(perseigne, 'youths', yanis);
    await direction.push('mobility', [{ newDocumentState: wire(vehicle) }]);
    const slot = { vehicleId: vehicle.id, startDate: '2026-12-01' };
    await write(sees, 'mobility', buildLoan({ ...slot, youthId: ines.id }));
    const answer = await write(perseigne, 'mobility', buildLoan({ ...slot, youthId: yanis.id }));

    expect(answer.refused).toEqual([expect.objectContaining({ code: 'SLOT_TAKEN' })]);
    expect(answer.conflicts).toEqual([]);
    const [review] = await reviews();
    expect(review!.values.map((v) => (v.value as { youthId: string }).youthId)).toEqual([
      ines.id,
      yanis.id,
    ]);
    expect(review!.values[1]!.by).toBe(ADVISER_PERSEIGNE.id);

    await direction.send('POST', `/api/v1/reviews/${review!.id}/resolve`, { choice: 1 });
    const loanId = `${vehicle.id}:2026-12-01`;
    expect((await stored('mobility', loanId))?.data.youthId).toBe(yanis.id);
    const theirs = (await perseigne.pull('mobility', 0, 100)).documents;
    expect(theirs.find((doc) => doc.id === loanId)).toMatchObject({ youthId: yanis.id });
    const ours = (await sees.pull('mobility', 0, 100)).documents;
    expect(ours.find((doc) => doc.id === loanId)).toMatchObject({ _deleted: true });
  });
});

describe('the siège settles a conflict', () => {
  async function phoneConflict() {
    const youth = buildYouth();
    await write(sees, 'youths', youth);
    await write(sees, 'youths', edit(youth, { phone: '06 39 98 11 11' }), youth);
    await write(sees2, 'youths', edit(youth, { phone: '06 39 98 22 22' }), youth);
    const [review] = await reviews();
    return { youth, review: review! };
  }

  it('writes a merged value typed at the siège, with the comment, and keeps every value', async () => {
    const { youth, review } = await phoneConflict();
    const answer = await direction.send<{ review: Review }>(
      'POST',
      `/api/v1/reviews/${review.id}/resolve`,
      { value: '06 39 98 22 22 (portable)', comment: 'Vérifié avec le jeune' },
    );
    expect(answer.review).toMatchObject({
      status: 'resolved',
      resolvedBy: DIRECTION.id,
      comment: 'Vérifié avec le jeune',
      resolution: { edited: true, value: '06 39 98 22 22 (portable)' },
    });
    expect(answer.review.values).toHaveLength(2);
    expect((await stored('youths', youth.id))?.data.phone).toBe('06 39 98 22 22 (portable)');
    const audit = await server.storage.listAudit(10);
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['review-resolve', 'update']),
    );
  });

  it('answers every wrong request with the envelope and changes nothing', async () => {
    const { youth, review } = await phoneConflict();
    const path = `/api/v1/reviews/${review.id}/resolve`;
    await expect(sees.send('POST', path, { choice: 0 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      status: 403,
    });
    await expect(direction.send('POST', path, { choice: 7 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 400,
    });
    await expect(direction.send('POST', path, { choice: 'un' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(direction.send('POST', path, { value: 'x'.repeat(40) })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [expect.objectContaining({ path: '/phone' })] },
    });
    await expect(
      direction.send('POST', '/api/v1/reviews/inconnu/resolve', { choice: 0 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect((await stored('youths', youth.id))?.data.phone).toBe('06 39 98 11 11');

    await direction.send('POST', path, { choice: 1 });
    await expect(direction.send('POST', path, { choice: 0 })).rejects.toMatchObject({
      code: 'REVIEW_CLOSED',
      status: 409,
    });
    expect((await stored('youths', youth.id))?.data.phone).toBe('06 39 98 22 22');
  });

  it('closes a conflict without touching the dossier when the siège keeps it as merged', async () => {
    const { youth, review } = await phoneConflict();
    const seq = await server.storage.lastSeq();
    await direction.send('POST', `/api/v1/reviews/${review.id}/dismiss`, {
      comment: 'Le premier numéro est le bon',
    });
    expect((await stored('reviews', review.id))?.data).toMatchObject({
      status: 'dismissed',
      comment: 'Le premier numéro est le bon',
    });
    expect((await stored('youths', youth.id))?.seq).toBeLessThan(seq + 1);
  });
});
