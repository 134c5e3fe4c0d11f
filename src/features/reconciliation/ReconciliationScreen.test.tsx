// @vitest-environment jsdom
/**
 * The siège's queue shows what an adviser typed for a dossier transferred before it was sent:
 * an entretien kept whole, with the young person's name, its content and who typed it.
 */
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildYouth, SITE_SEES } from '../../../tests/support/builders';
import {
  cleanupScreen,
  renderScreen,
  seed,
  seedDirectory,
  testUser,
} from '../../../tests/support/render-screen';
import type { RelaisDatabase } from '../../db/database';

afterEach(cleanupScreen);

const adviser = testUser();
const direction = testUser({
  id: '0190b000-0000-7000-a000-0000000000d1',
  login: 'direction',
  name: 'Claire Direction',
  role: 'direction',
  siteIds: [],
});
const youth = buildYouth({ firstName: 'Inès', lastName: 'Lefèvre', siteId: SITE_SEES });
const entretien = {
  id: '01a2aaaa-0000-7000-a000-000000000e01',
  youthId: youth.id,
  kind: 'entretien-individuel',
  at: '2026-11-20T14:30',
  authorId: adviser.id,
  report: 'Projet CAP cuisine, à relancer.',
};

async function seedKeptEntretien(db: RelaisDatabase) {
  await seedDirectory(db);
  await seed(db, 'youths', [youth]);
  await seed(db, 'reviews', [
    {
      id: '01a2aaaa-0000-7000-a000-000000000r01',
      rev: 'r1',
      updatedAt: '2026-11-26T08:00:00.000Z',
      updatedBy: 'server',
      kind: 'conflict',
      status: 'open',
      targetCollection: 'events',
      documentId: entretien.id,
      field: '_document',
      siteId: SITE_SEES,
      youthIds: [youth.id],
      openedAt: '2026-11-26T08:00:00.000Z',
      values: [{ value: entretien, by: adviser.id, at: '2026-11-20T15:20:00.000Z', rev: 'e1' }],
    },
  ]);
}

describe('réconciliation: a write that arrived after its dossier was transferred', () => {
  it('shows the entretien kept whole, whose dossier it is and who typed it', async () => {
    await renderScreen('/reconciliation', { user: direction, seed: seedKeptEntretien });
    const card = (await screen.findByRole('heading', { name: /Inès Lefèvre/ })).closest('article')!;
    expect(within(card).getByText(/Saisie arrivée après le transfert du dossier/)).toBeDefined();
    expect(
      within(card).getByText(
        'Entretien individuel conseiller du 20/11/2026 « Projet CAP cuisine, à relancer. »',
      ),
    ).toBeDefined();
    expect(within(card).getByText(/Saisi par Camille Sées/)).toBeDefined();
    expect(within(card).getByRole('radio')).toBeDefined();
  });
});
