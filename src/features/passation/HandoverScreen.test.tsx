// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  buildSite,
  buildStaffMember,
  buildYouth,
  SITE_PERSEIGNE,
  SITE_SEES,
} from '../../../tests/support/builders';
import { cleanupScreen, renderScreen, seed, testUser } from '../../../tests/support/render-screen';
import { api } from '../../app/api';
import type { RelaisDatabase } from '../../db/database';
import { useAppStore } from '../../stores/store';
import { INITIAL_SYNC_STATUS } from '../../stores/sync-slice';

const NOW = '2026-12-11T10:00:00';
const camille = buildStaffMember({ id: 'camille', name: 'Camille Martin', siteIds: [SITE_SEES] });
const lucas = buildStaffMember({ id: 'lucas', name: 'Lucas Bernard', siteIds: [SITE_SEES] });
const yacine = buildStaffMember({ id: 'yacine', name: 'Yacine Haddad', siteIds: [SITE_PERSEIGNE] });
const parti = buildStaffMember({ id: 'parti', name: 'Paul Parti', active: false });
const direction = testUser({ id: 'helene', role: 'direction', siteIds: [], name: 'Hélène' });
const adviser = testUser({ id: 'camille', name: 'Camille Martin' });

const ines = buildYouth({ firstName: 'Inès', lastName: 'Morel', referentId: 'camille' });
const noah = buildYouth({ firstName: 'Noah', lastName: 'Petit', referentId: 'camille' });
const lina = buildYouth({ firstName: 'Lina', lastName: 'Roux', referentId: 'lucas' });

async function seedAll(db: RelaisDatabase) {
  await seed(db, 'staff', [camille, lucas, yacine, parti]);
  await seed(db, 'sites', [buildSite(), buildSite({ id: SITE_PERSEIGNE, name: 'QPV Perseigne' })]);
  await seed(db, 'youths', [ines, noah, lina]);
}

function setOnline(online: boolean) {
  useAppStore.setState({ sync: { ...INITIAL_SYNC_STATUS, online } });
}

afterEach(() => {
  cleanupScreen();
  vi.restoreAllMocks();
});
beforeEach(() => setOnline(true));

describe('Passation de dossiers', () => {
  it('lets the direction hand an adviser’s dossiers over for a period, and says what was done', async () => {
    const send = vi.spyOn(api, 'send').mockResolvedValue({
      summary: { handoverId: 'h1', dossiers: 2, appointments: 3 },
    });
    await renderScreen('/passation', { user: direction, now: NOW, seed: seedAll });
    setOnline(true);
    const user = userEvent.setup();
    await screen.findAllByRole('option', { name: 'Camille Martin' });
    await user.selectOptions(screen.getByLabelText('Référent·e actuel·le'), 'camille');
    const list = await screen.findByRole('list');
    expect(within(list).getAllByRole('checkbox')).toHaveLength(2);
    await user.click(screen.getByLabelText('Sélectionner les 2 dossier·s affiché·s'));
    // The colleague list holds the active advisers only.
    const to = screen.getByLabelText(/Confier à/);
    expect(within(to).queryByText('Paul Parti')).toBeNull();
    await user.selectOptions(to, 'yacine');
    await user.type(screen.getByLabelText(/Au \(inclus\)/), '2026-12-10');
    await user.type(screen.getByLabelText(/Motif/), 'Congés');
    await user.click(screen.getByRole('button', { name: 'Confier 2 dossiers' }));
    // The rule of the server, checked here first: the end comes before the start.
    expect((await screen.findByRole('alert')).textContent).toMatch(/date de fin doit suivre/);
    expect(send).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText(/Au \(inclus\)/));
    await user.type(screen.getByLabelText(/Au \(inclus\)/), '2026-12-18');
    await user.click(screen.getByRole('button', { name: 'Confier 2 dossiers' }));
    expect(send).toHaveBeenCalledWith('POST', '/api/v1/handovers', {
      youthIds: expect.arrayContaining([ines.id, noah.id]),
      toId: 'yacine',
      kind: 'temporaire',
      startDate: '2026-12-11',
      endDate: '2026-12-18',
      reason: 'Congés',
    });
    expect((await screen.findByText(/2 dossiers confiés à Yacine Haddad/)).textContent).toMatch(
      /3 rendez-vous à venir/,
    );
  });

  it('offers an adviser their own dossiers only, and says that it needs the network', async () => {
    const send = vi.spyOn(api, 'send');
    await renderScreen('/passation', { user: adviser, now: NOW, seed: seedAll });
    setOnline(false);
    const list = await screen.findByRole('list');
    expect(within(list).getAllByRole('checkbox')).toHaveLength(2);
    expect(within(list).queryByText(/ROUX/)).toBeNull();
    expect(screen.queryByLabelText('Référent·e actuel·le')).toBeNull();
    expect((await screen.findByRole('alert')).textContent).toMatch(/Hors ligne/);
    expect(screen.getByRole('button', { name: /Confier/ })).toHaveProperty('disabled', true);
    expect(send).not.toHaveBeenCalled();
  });
});
