// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSite, SITE_SIEGE } from '../../../tests/support/builders';
import { cleanupScreen, renderScreen, seed } from '../../../tests/support/render-screen';
import type { Site } from '../../domain/schemas/site';
import type { SessionUser } from '../../sync/api';

const NOW = '2026-11-24T10:00:00';
const direction: SessionUser = {
  id: 'direction-1',
  login: 'direction',
  name: 'Hélène Vautier',
  role: 'direction',
  siteIds: [],
};
const conseiller: SessionUser = { ...direction, id: 'c1', role: 'conseiller', login: 'c' };
const sees = buildSite({
  exceptions: [{ date: '2026-12-24', closed: true, note: 'Veille de Noël' }],
});
const siege = buildSite({
  id: SITE_SIEGE,
  name: 'Siège — Alençon',
  kind: 'siege',
  schedule: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:30', end: '12:45' })),
});

afterEach(cleanupScreen);

describe('sites and their opening days', () => {
  it('shows every site with its hours and upcoming closures, read-only for an adviser', async () => {
    await renderScreen('/sites', {
      user: conseiller,
      now: NOW,
      seed: (db) => seed(db, 'sites', [sees, siege]),
    });
    const cards = await screen.findAllByRole('article');
    expect(cards.map((c) => within(c).getByRole('heading', { level: 2 }).textContent)).toEqual([
      'Siège — Alençon',
      'Permanence de Sées',
    ]);
    expect(within(cards[0]!).getByText('du lundi au vendredi 8 h 30–12 h 45')).toBeDefined();
    expect(within(cards[1]!).getByText('jeudi 24 décembre : fermé (Veille de Noël)')).toBeDefined();
    expect(
      within(cards[1]!).getByRole('img', {
        name: 'Horaires : mardi 9 h–12 h 30 et 13 h 30–17 h, jeudi 9 h–12 h 30',
      }),
    ).toBeDefined();
    expect(screen.queryByRole('link', { name: /Modifier/ })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Nouveau site' })).toBeNull();
  });

  it('lets direction change the hours in words and add a closed day', async () => {
    const { db } = await renderScreen('/sites', {
      user: direction,
      now: NOW,
      seed: (db) => seed(db, 'sites', [sees]),
    });
    await userEvent.click(await screen.findByRole('link', { name: 'Modifier Permanence de Sées' }));
    const hours = await screen.findByLabelText("Horaires d'ouverture");
    expect((hours as HTMLTextAreaElement).value).toBe(
      'mardi 9 h–12 h 30 et 13 h 30–17 h, jeudi 9 h–12 h 30',
    );

    fireEvent.change(hours, { target: { value: 'mardi 9 h–12 h, jeudi 14 h–17 h, le soir' } });
    expect(screen.getByText('Mot non compris : « soir ».')).toBeDefined();
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer le site' }));
    expect(
      screen.getByText("Le site n'est pas enregistré : corrigez les champs signalés."),
    ).toBeDefined();

    fireEvent.change(hours, { target: { value: 'mardi 9 h–12 h, jeudi 14 h–17 h' } });
    expect(
      screen.getByRole('img', { name: 'Horaires : mardi 9 h–12 h, jeudi 14 h–17 h' }),
    ).toBeDefined();
    await userEvent.click(screen.getByRole('button', { name: 'Ajouter une exception' }));
    const row = screen.getByRole('group', { name: 'Exception 2' });
    fireEvent.change(within(row).getByLabelText('Date'), { target: { value: '2026-12-01' } });
    await userEvent.type(within(row).getByLabelText('Motif'), 'Élections');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer le site' }));

    await screen.findByRole('heading', { name: 'Sites et permanences' });
    await waitFor(async () => {
      const stored = (await db.sites.findOne(sees.id).exec())!.toJSON() as Site;
      expect(stored.schedule).toEqual([
        { weekday: 2, start: '09:00', end: '12:00' },
        { weekday: 4, start: '14:00', end: '17:00' },
      ]);
      expect(stored.exceptions).toEqual([
        { date: '2026-12-01', closed: true, note: 'Élections' },
        { date: '2026-12-24', closed: true, note: 'Veille de Noël' },
      ]);
      expect(stored.updatedBy).toBe(direction.id);
    });
    expect(screen.getByText('mardi 1 décembre : fermé (Élections)')).toBeDefined();
  });
});
