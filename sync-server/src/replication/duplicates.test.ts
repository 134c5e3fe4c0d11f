import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newRev } from '../../../src/domain/ids';
import { fixedClock } from '../../../src/domain/time';
import { validateDocument } from '../../../src/domain/validation';
import type { Youth } from '../../../src/domain/schemas/youth';
import { buildYouth, SITE_PERSEIGNE, SITE_SEES } from '../../../tests/support/builders';
import { toWrites } from '../demo/seed';
import { openSqliteStorage } from '../storage/sqlite';
import type { Storage } from '../storage/storage';
import { MAX_PAIRS_PER_DOSSIER } from './duplicates';
import { applyPush } from './push';
import type { Caller } from './scope';

const clock = fixedClock('2026-11-20T10:30:00.000Z');
const adviser: Caller = {
  userId: 'adviser-1',
  role: 'conseiller',
  siteIds: [SITE_SEES, SITE_PERSEIGNE],
  deviceId: 'tablet-1',
};

let dir: string;
let storage: Storage;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'relais-duplicates-'));
  storage = openSqliteStorage(join(dir, 'relais.sqlite'));
});

afterEach(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

async function push(...youths: Youth[]) {
  const outcome = await applyPush(
    storage,
    adviser,
    'youths',
    youths.map((y) => ({ newDocumentState: { ...y, _deleted: false } })),
    clock,
  );
  expect(outcome.rejected).toEqual([]);
  return outcome;
}

async function duplicateReviews() {
  const rows = await storage.pull('reviews', 0, 1000, { all: true });
  return rows.map((row) => row.document.data).filter((data) => data.kind === 'duplicate');
}

/** A device's edit of a dossier it holds in its last stored state. */
async function update(youth: Youth, patch: Partial<Youth> & { _deleted?: boolean }) {
  const outcome = await applyPush(
    storage,
    adviser,
    'youths',
    [
      {
        newDocumentState: { ...youth, _deleted: false, ...patch, rev: newRev() },
        assumedMasterState: { ...youth, _deleted: false },
      },
    ],
    clock,
  );
  expect(outcome).toMatchObject({ rejected: [], conflicts: [] });
}

/** Stored as the demo seed stores dossiers: not through a push. */
async function seed(...youths: Youth[]) {
  await storage.write((tx) => tx.putDocuments(toWrites({ youths })));
}

const known = buildYouth({
  firstName: 'Maëlys',
  lastName: 'Le Guen',
  birthDate: '2005-03-02',
  siteId: SITE_SEES,
});

describe('probable duplicates recorded by the server', () => {
  it('pairs a new aller-vers contact with the dossier already known, for the siège', async () => {
    await seed(known, buildYouth({ firstName: 'Lucas', lastName: 'Martin' }));
    const contact = buildYouth({
      firstName: 'Maelys',
      lastName: 'Leguen',
      birthDate: '2005',
      siteId: SITE_PERSEIGNE,
      status: 'contact-aller-vers',
    });
    const outcome = await push(contact);

    const reviews = await duplicateReviews();
    expect(reviews).toHaveLength(1);
    const review = reviews[0]!;
    expect(review).toMatchObject({
      kind: 'duplicate',
      status: 'open',
      youthIds: [contact.id, known.id],
      siteId: SITE_PERSEIGNE,
      updatedBy: 'server',
      openedAt: '2026-11-20T10:30:00.000Z',
    });
    expect(review.score).toBeGreaterThanOrEqual(0.85);
    expect(review.score).toBeLessThanOrEqual(1);
    expect(validateDocument('reviews', review)).toEqual({ valid: true });
    // Written with the push, so the stream brings it to the siège's devices at once.
    expect(outcome.written.map((w) => w.collection)).toEqual(['youths', 'reviews']);
    const stored = await storage.getDocument('reviews', String(review.id));
    expect(stored?.scope).toEqual({ siteId: SITE_PERSEIGNE, ownerId: null });
  });

  it('records nothing for someone new, nor for an edit or a replay of a known dossier', async () => {
    await seed(known);
    const stranger = buildYouth({ firstName: 'Nathan', lastName: 'Garcia' });
    await push(stranger);
    await update(known, { phone: '06 39 98 00 00' });
    await push(stranger);
    expect(await duplicateReviews()).toEqual([]);
  });

  it('pairs two new dossiers of one push once, and never a dossier with itself', async () => {
    const a = buildYouth({ firstName: 'Kenza', lastName: "d'Almeida", birthDate: '2001-02-03' });
    const b = buildYouth({ firstName: 'Kenza', lastName: 'Dalmeida', birthDate: '2001-03-02' });
    await push(a, b, { ...a, rev: 'second-write-of-a' });
    const reviews = await duplicateReviews();
    expect(reviews.map((r) => r.youthIds)).toEqual([[b.id, a.id]]);
  });

  it('never records a pair twice, whichever way round it was recorded', async () => {
    await seed(known);
    const again = buildYouth({ firstName: 'Maelys', lastName: 'Le Guen', birthDate: '2005-03-02' });
    await storage.write((tx) =>
      tx.putDocuments(
        toWrites({
          reviews: [
            {
              id: 'review-made-before',
              rev: 'r1',
              updatedAt: '2026-11-19T10:00:00.000Z',
              updatedBy: 'server',
              kind: 'duplicate',
              status: 'dismissed',
              youthIds: [known.id, again.id],
              score: 0.9,
            },
          ],
        }),
      ),
    );
    await push(again);
    expect((await duplicateReviews()).map((r) => r.id)).toEqual(['review-made-before']);
  });

  it('keeps its index in step with every write: seeds, merges and deletions', async () => {
    await push(buildYouth({ firstName: 'Zoé', lastName: 'Perrin' }));
    // Written after the index was built, without a push.
    const lateSeed = buildYouth({
      firstName: 'Yanis',
      lastName: 'Haddad',
      birthDate: '2002-02-02',
    });
    const merged = buildYouth({ firstName: 'Rose', lastName: 'Lemaire', birthDate: '2003-03-03' });
    const deleted = buildYouth({ firstName: 'Axel', lastName: 'Tessier', birthDate: '2004-04-04' });
    await seed(lateSeed, merged, deleted);
    await update(merged, { mergedInto: lateSeed.id });
    await update(deleted, { _deleted: true });

    await push(
      buildYouth({ firstName: 'Yanis', lastName: 'Hadadd', birthDate: '2002-02-02' }),
      buildYouth({ firstName: 'Rose', lastName: 'Lemaire', birthDate: '2003-03-03' }),
      buildYouth({ firstName: 'Axel', lastName: 'Tessier', birthDate: '2004-04-04' }),
    );
    const paired = (await duplicateReviews()).map((r) => (r.youthIds as string[])[1]);
    expect(paired).toEqual([lateSeed.id]);
  });

  it('finds dossiers stored before a restart', async () => {
    await seed(known);
    await storage.close();
    storage = openSqliteStorage(join(dir, 'relais.sqlite'));
    await push(buildYouth({ firstName: 'Maëlys', lastName: 'Le Guen', birthDate: '2005-03-02' }));
    expect(await duplicateReviews()).toHaveLength(1);
  });

  it('keeps only the best pairs for a very common name', async () => {
    // The same birth date, the nom exact once and one letter off in the others.
    const namesakes = ['Martin', 'Martins', 'Martinn', 'Marttin', 'Martim', 'Mertin', 'Martan'].map(
      (lastName) => buildYouth({ firstName: 'Lucas', lastName, birthDate: '2004-05-06' }),
    );
    await seed(...namesakes);
    const lucas = buildYouth({ firstName: 'Lucas', lastName: 'Martin', birthDate: '2004-05-06' });
    await push(lucas);
    const reviews = await duplicateReviews();
    expect(reviews).toHaveLength(MAX_PAIRS_PER_DOSSIER);
    expect(reviews.map((r) => (r.youthIds as string[])[1])).toContain(namesakes[0]!.id);
  });
});
