// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { buildLoan, buildVehicle, buildYouth, SITE_SIEGE } from '../../../tests/support/builders';
import { cleanupScreen, renderScreen, seed, testUser } from '../../../tests/support/render-screen';

afterEach(cleanupScreen);

describe('Atelier Mob’s figures for a year (issue 16, item 5)', () => {
  it('counts the loans made, not a cancelled or held booking, by purpose, and by year', async () => {
    const scooter = buildVehicle();
    const velo = buildVehicle({ label: 'VAE n°1', vehicleType: 'velo-electrique' });
    const lina = buildYouth({ firstName: 'Lina', siteId: SITE_SIEGE });
    const hugo = buildYouth({ firstName: 'Hugo', siteId: SITE_SIEGE });
    const nora = buildYouth({ firstName: 'Nora', siteId: SITE_SIEGE });
    const loans = [
      buildLoan({
        vehicleId: scooter.id,
        youthId: lina.id,
        startDate: '2026-03-02',
        endDate: '2026-03-06',
      }),
      buildLoan({
        vehicleId: velo.id,
        youthId: hugo.id,
        startDate: '2026-06-01',
        endDate: '2026-06-10',
        purpose: 'formation',
      }),
      buildLoan({
        vehicleId: velo.id,
        youthId: nora.id,
        startDate: '2026-07-01',
        endDate: '2026-07-03',
        cancelledOn: '2026-06-20',
      }),
      buildLoan({
        vehicleId: scooter.id,
        youthId: nora.id,
        startDate: '2026-03-04',
        endDate: '2026-03-05',
        hold: { since: '2026-03-01T10:00:00.000Z', withLoanIds: [] },
      }),
      buildLoan({
        vehicleId: scooter.id,
        youthId: hugo.id,
        startDate: '2025-09-01',
        endDate: '2025-09-02',
      }),
    ];
    await renderScreen('/mobilite?vue=chiffres', {
      user: testUser({ role: 'direction', siteIds: [] }),
      seed: async (db) => {
        await seed(db, 'youths', [lina, hugo, nora]);
        await seed(db, 'mobility', [scooter, velo, ...loans]);
      },
    });
    const card = (name: string) => screen.getByText(name).closest('div')!;
    await waitFor(() => expect(within(card('Prêts commencés')).getByText('2')).toBeTruthy());
    // 5 days in March and 10 in June; the cancelled and the held bookings lend nothing.
    expect(within(card('Jours de prêt')).getByText('15')).toBeTruthy();
    const purposes = screen.getByRole('region', { name: 'Prêts par motif' });
    expect(within(purposes).getByRole('row', { name: 'Emploi 1' })).toBeTruthy();
    expect(within(purposes).getByRole('row', { name: 'Formation 1' })).toBeTruthy();

    await userEvent.selectOptions(screen.getByLabelText('Année'), '2025');
    await waitFor(() => expect(within(card('Prêts commencés')).getByText('1')).toBeTruthy());
    expect(within(card('Jours de prêt')).getByText('2')).toBeTruthy();
  });
});
