// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildEvent, buildYouth, SITE_PERSEIGNE, SITE_SEES } from '../../../tests/support/builders';
import {
  cleanupScreen,
  renderScreen,
  seedDirectory,
  testUser,
  type ScreenHarness,
} from '../../../tests/support/render-screen';
import type { RelaisDatabase } from '../../db/database';

// Forms are typed into for real, on a machine shared with other suites: no keystroke delay,
// and time to spare.
vi.setConfig({ testTimeout: 30_000 });
const user = userEvent.setup({ delay: null });

let harness: ScreenHarness | undefined;
afterEach(cleanupScreen);

const me = testUser().id;
// These tests look at every dossier of the device: the adviser chose « Tous » (an adviser's
// default is their own dossiers, src/features/shared/useDossierScope.test.tsx).
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem(`relais.dossierScope.${me}`, 'all');
});
const ines = buildYouth({ lastName: 'Lefèvre', firstName: 'Inès', referentId: me });
const elodie = buildYouth({
  lastName: 'Martin',
  birthName: 'Öztürk',
  firstName: 'Élodie',
  communeInsee: '61001',
  qpvCode: 'QN06106M',
  siteId: SITE_PERSEIGNE,
});
const hugo = buildYouth({ lastName: 'Durand', firstName: 'Hugo', status: 'sorti' });

async function seed(db: RelaisDatabase) {
  await seedDirectory(db);
  await db.youths.bulkInsert([ines, elodie, hugo]);
  await db.events.bulkInsert([
    buildEvent({ youthId: ines.id, at: '2026-11-20T10:00' }),
    buildEvent({ youthId: elodie.id, at: '2026-08-01T10:00' }),
  ]);
  await db.pathway.insert({
    id: 'cej-ines',
    rev: 'r',
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: me,
    youthId: ines.id,
    kind: 'dispositif',
    programme: 'CEJ',
    startDate: '2026-09-01',
    endDate: '2027-02-28',
  });
}

const rows = () => screen.getAllByRole('row').slice(1);
const names = () => rows().map((row) => within(row).getAllByRole('cell')[0]!.textContent);

describe('portefeuille', () => {
  it('lists the dossiers of the device with their counts, read from the local database', async () => {
    harness = await renderScreen('/', { seed });
    await screen.findByText('3 dossiers');
    await waitFor(() => expect(screen.getByText(/1 en CEJ · 0 en PACEA · 1 en QPV/)).toBeTruthy());
    expect(names()).toEqual(['Durand', 'Lefèvre', 'Martin né·e Öztürk']);
    const row = rows()[1]!;
    expect(row.querySelector('td.col-programme')!.textContent).toBe('CEJ');
    await waitFor(() => expect(row.textContent).toContain('20/11/2026 (il y a 6 j)'));
  });

  it('searches without accents or case, by nom de naissance too', async () => {
    harness = await renderScreen('/', { seed });
    await screen.findByText('3 dossiers');
    const search = screen.getByLabelText('Rechercher un jeune');
    await user.type(search, 'LEFEVRE');
    await screen.findByText('1 dossier sur 3');
    expect(names()).toEqual(['Lefèvre']);
    await user.clear(search);
    await user.type(search, 'ozturk');
    await waitFor(() => expect(names()).toEqual(['Martin né·e Öztürk']));
  });

  it('filters by dispositif, QPV, statut, scope and days without contact', async () => {
    harness = await renderScreen('/', { seed });
    await screen.findByText('3 dossiers');
    await user.selectOptions(screen.getByLabelText('Dispositif'), 'CEJ');
    await waitFor(() => expect(names()).toEqual(['Lefèvre']));
    await user.selectOptions(screen.getByLabelText('Dispositif'), 'any');
    await user.selectOptions(screen.getByLabelText('QPV'), 'qpv');
    await waitFor(() => expect(names()).toEqual(['Martin né·e Öztürk']));
    await user.click(screen.getByRole('button', { name: /Effacer la recherche/ }));
    await user.selectOptions(screen.getByLabelText('Statut'), 'actifs');
    await waitFor(() => expect(names()).toEqual(['Lefèvre', 'Martin né·e Öztürk']));
    await user.selectOptions(screen.getByLabelText('Dossiers'), 'mine');
    await waitFor(() => expect(names()).toEqual(['Lefèvre']));
    // The scope is a preference, not a filter: « Effacer » leaves it as chosen.
    await user.click(screen.getByRole('button', { name: /Effacer la recherche/ }));
    expect(screen.getByLabelText<HTMLSelectElement>('Dossiers').value).toBe('mine');
    await user.selectOptions(screen.getByLabelText('Dossiers'), 'all');
    await user.selectOptions(screen.getByLabelText(/^Sans contact/), '30');
    await waitFor(() => expect(names()).toEqual(['Durand', 'Martin né·e Öztürk']));
    expect(screen.getByText('2 dossiers sur 3')).toBeTruthy();
  });

  it('sorts by last contact, longest without contact first', async () => {
    harness = await renderScreen('/', { seed });
    await screen.findByText('3 dossiers');
    await waitFor(() => expect(screen.getByText(/1 sans aucun contact/)).toBeTruthy());
    await user.selectOptions(screen.getByLabelText('Trier par'), 'last-contact');
    await waitFor(() => expect(names()).toEqual(['Durand', 'Martin né·e Öztürk', 'Lefèvre']));
  });

  it('is navigable by keyboard: / to search, arrows through the list, Entrée opens the dossier', async () => {
    harness = await renderScreen('/', { seed });
    await screen.findByText('3 dossiers');
    await user.keyboard('/');
    expect(document.activeElement).toBe(screen.getByLabelText('Rechercher un jeune'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('Durand');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(document.activeElement?.textContent).toBe('Lefèvre');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(harness!.history.at(-1)).toBe(`/dossiers/${ines.id}`));
  });

  it('pages a large caseload and moves across pages with the arrows', async () => {
    harness = await renderScreen('/', {
      seed: async (db) => {
        await db.youths.bulkInsert(
          Array.from({ length: 120 }, (_, i) =>
            buildYouth({ lastName: `Nom${String(i).padStart(3, '0')}`, siteId: SITE_SEES }),
          ),
        );
      },
    });
    await screen.findByText('120 dossiers');
    expect(rows()).toHaveLength(50);
    expect(screen.getByText('Page 1 sur 3')).toBeTruthy();
    const links = screen.getAllByRole('link', { name: /^Nom/ });
    links.at(-1)!.focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Nom050'));
    expect(screen.getByText('Page 2 sur 3')).toBeTruthy();
  });

  it('marks a dossier changed on this device as not sent, then as refused with the reason', async () => {
    harness = await renderScreen('/', { seed });
    await screen.findByText('3 dossiers');
    expect(screen.queryByText('non envoyé')).toBeNull();
    const doc = await harness.db.youths.findOne(hugo.id).exec(true);
    await doc.incrementalPatch({ phone: '06 39 98 00 11' });
    const row = () => screen.getByRole('link', { name: 'Durand' }).closest('tr')!;
    await waitFor(() => expect(within(row()).getByText('non envoyé')).toBeTruthy());
    harness.pending.refuse('youths', [{ id: hugo.id, code: 'OUT_OF_SCOPE' }]);
    await waitFor(() =>
      expect(
        within(row()).getByText(/Refusé par le serveur : Ce dossier ne fait pas partie/),
      ).toBeTruthy(),
    );
  });

  it.each(['conseiller', 'accueil', 'direction', 'admin'] as const)(
    'offers the %s a new dossier (premier accueil) from the portefeuille',
    async (role) => {
      harness = await renderScreen('/', { seed, user: testUser({ role }) });
      await screen.findByText('3 dossiers');
      await user.click(screen.getByRole('link', { name: 'Nouveau dossier (premier accueil)' }));
      await screen.findByRole('heading', { name: /Premier accueil — nouveau dossier jeune/ });
      expect(harness.history.at(-1)).toBe('/dossiers/nouveau');
    },
  );
});
