/**
 * Probable duplicates made at two devices: two advisers of different sites, each offline, record
 * the same young person (a tablet holds only the dossiers of its sites, so neither could see the
 * other's). Once both have synced, the siège holds one open duplicate review for the pair, and
 * direction receives it; nothing is recorded for different people, nor twice for the same pair.
 */
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../src/domain/validation';
import { ADVISER_PERSEIGNE, ADVISER_SEES, DIRECTION } from '../support/accounts';
import { buildYouth, SITE_PERSEIGNE, SITE_SEES } from '../support/builders';
import { BACKENDS } from '../support/storages';
import { eventually } from '../support/http';
import { syncWorld } from '../support/sync-world';

describe.each(BACKENDS)('probable duplicates found by the server after sync, on %s', (backend) => {
  const world = syncWorld({ backend });
  const { device } = world;

  async function duplicateReviewsOnServer() {
    const rows = await world.server.storage.pull('reviews', 0, 10_000, { all: true });
    return rows.map((row) => row.document).filter((doc) => doc.data.kind === 'duplicate');
  }

  it('pairs the same young person recorded offline at two sites, once, for direction', async () => {
    const perseigne = device(ADVISER_PERSEIGNE.login);
    const sees = device(ADVISER_SEES.login);
    const siege = device(DIRECTION.login);
    await Promise.all([perseigne.sync(), sees.sync(), siege.sync()]);
    await Promise.all([perseigne.setOnline(false), sees.setOnline(false)]);

    // Met in the street at Perseigne: prénom, nom typed fast, year only.
    const contact = buildYouth({
      firstName: 'Maelys',
      lastName: 'Leguen',
      birthDate: '2005',
      siteId: SITE_PERSEIGNE,
      status: 'contact-aller-vers',
      outreach: { place: 'Perseigne', need: 'emploi' },
    });
    // Received the same week at the permanence of Sées, with the full name and date.
    const dossier = buildYouth({
      firstName: 'Maëlys',
      lastName: 'Le Guen',
      birthDate: '2005-03-02',
      siteId: SITE_SEES,
    });
    const stranger = buildYouth({ firstName: 'Nathan', lastName: 'Garcia', siteId: SITE_SEES });
    await perseigne.insert('youths', contact);
    await sees.insert('youths', dossier);
    await sees.insert('youths', stranger);

    await sees.setOnline(true);
    await sees.sync();
    expect(await duplicateReviewsOnServer()).toEqual([]);
    await perseigne.setOnline(true);
    await perseigne.sync();

    const [review, ...others] = await duplicateReviewsOnServer();
    expect(others).toEqual([]);
    expect(review?.data).toMatchObject({
      kind: 'duplicate',
      status: 'open',
      youthIds: [contact.id, dossier.id],
      siteId: SITE_PERSEIGNE,
      updatedBy: 'server',
    });
    expect(review!.data.score).toBeGreaterThanOrEqual(0.85);
    expect(validateDocument('reviews', review!.data)).toEqual({ valid: true });

    // Direction's device receives the review through the stream; advisers never do.
    await eventually(async () =>
      expect(await siege.get('reviews', review!.id)).toMatchObject({
        youthIds: [contact.id, dossier.id],
      }),
    );
    expect(await perseigne.find('reviews')).toEqual([]);

    // Edits and re-syncs of either dossier record nothing more.
    await perseigne.patch('youths', contact.id, { phone: '06 39 98 11 11' });
    await sees.patch('youths', dossier.id, { status: 'accompagne' });
    await Promise.all([perseigne.sync(), sees.sync()]);
    expect(await duplicateReviewsOnServer()).toHaveLength(1);
  });

  it('pairs a dossier made at the siège with a contact stored before a restart of the server', async () => {
    const perseigne = device(ADVISER_PERSEIGNE.login);
    const siege = device(DIRECTION.login);
    await Promise.all([perseigne.sync(), siege.sync()]);
    const contact = buildYouth({
      firstName: 'Diallo',
      lastName: 'Mamadou',
      birthDate: '2003',
      siteId: SITE_PERSEIGNE,
      status: 'contact-aller-vers',
    });
    await perseigne.insert('youths', contact);
    await perseigne.sync();
    await world.server.restart();
    const inverted = buildYouth({
      firstName: 'Mamadou',
      lastName: 'Diallo',
      birthDate: '2003-01-05',
      siteId: SITE_SEES,
    });
    await siege.insert('youths', inverted);
    await siege.sync();

    const reviews = await duplicateReviewsOnServer();
    expect(reviews.map((r) => r.data.youthIds)).toEqual([[inverted.id, contact.id]]);
    expect(reviews[0]!.data.siteId).toBe(SITE_SEES);
  });
});
