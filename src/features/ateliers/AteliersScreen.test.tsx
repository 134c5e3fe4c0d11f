// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildAction, buildSite, buildWorkshop, SITE_SEES } from '../../../tests/support/builders';
import {
  cleanupScreen,
  renderScreen,
  seed,
  seedDirectory,
  testUser,
} from '../../../tests/support/render-screen';
import type { Workshop } from '../../domain/schemas/workshop';
import { fixedClock } from '../../domain/time';
import { SessionWeek } from './SessionWeek';

afterEach(async () => {
  cleanup();
  await cleanupScreen();
});

// Wednesday 25 November 2026, 11:00: Tuesday's session is past.
const clock = fixedClock('2026-11-25T11:00:00');
const siege = buildSite({ id: 'site-siege', name: 'Siège' });
const sees = buildSite({ id: 'site-sees', name: 'Permanence de Sées' });
const mamers = buildSite({ id: 'site-mamers', name: 'Permanence de Mamers' });
const sessions = [
  buildWorkshop({ siteId: siege.id, title: 'Atelier CV', start: '2026-11-24T14:00' }),
  buildWorkshop({
    siteId: siege.id,
    title: 'Information collective CEJ',
    start: '2026-11-26T09:30',
    durationMinutes: 90,
    capacity: 15,
  }),
  buildWorkshop({
    siteId: sees.id,
    title: 'Visite Lemaître',
    place: 'Entreprise Lemaître',
    start: '2026-11-27T10:00',
    cancelled: true,
    cancellationReason: 'Entreprise fermée',
  }),
];

describe('week of sessions site by site (issue 15, item 2)', () => {
  it('shows each site’s sessions in their day, and says past and cancelled', async () => {
    const onSelect = vi.fn();
    render(
      <SessionWeek
        weekStart="2026-11-23"
        sessions={sessions}
        sites={[siege, sees, mamers]}
        clock={clock}
        onSelect={onSelect}
      />,
    );
    // Sites without a session this week are left out.
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Siège · 2 sessions',
      'Permanence de Sées · 1 session',
    ]);
    const tuesday = screen.getByRole('region', { name: 'Siège, mardi 24 novembre' });
    expect(within(tuesday).getByText('14 h–16 h')).toBeDefined();
    expect(within(tuesday).getByText('Passée')).toBeDefined();
    const thursday = screen.getByRole('region', { name: 'Siège, jeudi 26 novembre' });
    expect(within(thursday).getByText('9 h 30–11 h')).toBeDefined();
    expect(within(thursday).getByText('15 places')).toBeDefined();
    const friday = screen.getByRole('region', { name: 'Permanence de Sées, vendredi 27 novembre' });
    expect(within(friday).getByText('Annulée')).toBeDefined();
    expect(within(friday).getByText('Entreprise Lemaître · 12 places')).toBeDefined();
    expect(
      within(
        screen.getByRole('region', { name: 'Permanence de Sées, lundi 23 novembre' }),
      ).getByText('—'),
    ).toBeDefined();

    await userEvent.setup().click(within(thursday).getByRole('button'));
    expect(onSelect).toHaveBeenCalledWith(sessions[1]!.id);
  });

  it('shows the chosen site even on an empty week', () => {
    render(
      <SessionWeek
        weekStart="2026-11-23"
        sessions={[]}
        sites={[siege, sees, mamers]}
        siteId={mamers.id}
        clock={clock}
        onSelect={vi.fn()}
      />,
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Permanence de Mamers · 0 session',
    );
    expect(screen.getAllByRole('region')).toHaveLength(1 + 6);
  });
});

describe('the Ateliers screen on the device (issue 15, items 1 and 2)', () => {
  it('plans a session into the device’s database, then cancels it with a reason', async () => {
    const action = buildAction({ title: 'Atelier CV et lettre de motivation' });
    // Thursday 26 November 2026, 10:00.
    const { db } = await renderScreen('/ateliers?form=session', {
      seed: async (db) => {
        await seedDirectory(db);
        await seed(db, 'workshops', [action]);
      },
    });
    const user = userEvent.setup();
    // The catalogue is read live from the device.
    await screen.findByRole('option', { name: action.title });
    await user.selectOptions(screen.getByLabelText(/^Action/), action.id);
    await user.type(screen.getByLabelText(/^Date \*$/), '2026-12-01');
    await user.click(screen.getByRole('button', { name: 'Planifier la session' }));

    const sessions = async () =>
      (await db.workshops.find({ selector: { kind: 'atelier' } }).exec()).map(
        (d) => d.toJSON() as Workshop,
      );
    await waitFor(async () =>
      expect(await sessions()).toEqual([
        expect.objectContaining({
          actionId: action.id,
          siteId: SITE_SEES,
          start: '2026-12-01T14:00',
          facilitatorId: testUser().id,
        }),
      ]),
    );
    // The week of the new session opens, with it under its site.
    const day = await screen.findByRole('region', { name: 'Permanence de Sées, mardi 1 décembre' });
    await user.click(within(day).getByRole('button', { name: /Atelier CV/ }));
    await user.click(await screen.findByRole('button', { name: 'Annuler cette session…' }));
    await user.click(screen.getByRole('button', { name: 'Annuler la session' }));
    expect(screen.getByText('Indiquez le motif de l’annulation de la session.')).toBeDefined();
    await user.type(screen.getByLabelText(/^Motif/), 'Animatrice en formation');
    await user.click(screen.getByRole('button', { name: 'Annuler la session' }));
    await waitFor(async () =>
      expect((await sessions())[0]).toMatchObject({
        cancelled: true,
        cancellationReason: 'Animatrice en formation',
      }),
    );
    expect(await screen.findByText('Session annulée : Animatrice en formation.')).toBeDefined();
  });
});
