// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildSite, buildStaffMember } from '../../../tests/support/builders';
import { cleanupScreen, renderScreen, seed, testUser } from '../../../tests/support/render-screen';
import { ADVISER_A, NOVEMBER, statisticsFixture } from '../../../tests/support/statistics-fixture';
import { api } from '../../app/api';
import type { RelaisDatabase } from '../../db/database';
import { computeStatistics } from '../../domain/indicators/report';
import { useAppStore } from '../../stores/store';
import { INITIAL_SYNC_STATUS } from '../../stores/sync-slice';

// The report renders every table (three more since issue 17, item 4), on a machine shared with
// other suites: time to spare, as the other screen tests have.
vi.setConfig({ testTimeout: 30_000 });

const direction = testUser({ id: 'helene', role: 'direction', siteIds: [], name: 'Hélène' });

async function seedFixture(db: RelaisDatabase) {
  const data = statisticsFixture();
  await seed(db, 'sites', [buildSite()]);
  await seed(db, 'staff', [buildStaffMember({ id: ADVISER_A, name: 'Camille Sées' })]);
  for (const collection of [
    'youths',
    'events',
    'appointments',
    'pathway',
    'workshops',
    'attendances',
    'mobility',
  ] as const) {
    await seed(db, collection, data[collection]);
  }
}

/** The figure shown on the card of an indicator. */
function card(label: string): string {
  const item = screen.getByText(label, { selector: '.indicator-label' }).closest('li')!;
  return item.querySelector('.indicator-value')!.textContent ?? '';
}

/** The text of the CSV the last export handed to the browser. */
async function exportedCsv(createObjectURL: ReturnType<typeof vi.fn>): Promise<string> {
  const blob = createObjectURL.mock.calls.at(-1)![0] as Blob;
  // ignoreBOM: keep the byte order mark in the text, to check it is there.
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
}

afterEach(() => {
  cleanupScreen();
  vi.restoreAllMocks();
});
beforeEach(() => useAppStore.setState({ sync: { ...INITIAL_SYNC_STATUS, online: true } }));

describe('Statistiques', () => {
  it('shows an adviser their own figures computed on the device, by year then by month, and exports a table as CSV', async () => {
    const send = vi.spyOn(api, 'send');
    const createObjectURL = vi.fn(() => 'blob:csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await renderScreen('/statistiques', { seed: seedFixture });
    const user = userEvent.setup();

    expect(screen.getByRole('heading', { level: 1, name: /Statistiques/ })).toBeTruthy();
    expect(screen.getByText(/calculés sur cet appareil, même hors ligne/)).toBeTruthy();
    expect(
      screen.getByRole('heading', { name: 'Période du 1 janvier 2026 au 31 décembre 2026' }),
    ).toBeTruthy();
    // Inès, Noé and Sam (Léa is another adviser's); nothing asked of the server.
    await waitFor(() => expect(card('Jeunes accompagnés')).toBe('3'));
    expect(
      screen.getByText(/au moins un entretien individuel, un atelier/, {
        selector: '.indicator-definition',
      }),
    ).toBeTruthy();
    expect(send).not.toHaveBeenCalled();

    await user.selectOptions(screen.getByLabelText('Découpage'), 'Mois');
    expect((screen.getByLabelText(/^Mois/) as HTMLInputElement).value).toBe('2026-11');
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { name: /du 1 novembre 2026 au 30 novembre 2026/ }),
      ).toBeTruthy(),
    );
    expect(card('Taux de présence aux rendez-vous')).toBe('50 % (1 sur 2)');
    const sexes = screen.getByRole('table', { name: 'Jeunes accompagnés — Sexe' });
    expect(within(sexes).getByRole('row', { name: 'Total 3 100' })).toBeTruthy();
    expect(
      screen.getByRole('img', { name: /Entretiens individuels et séances collectives par mois/ }),
    ).toBeTruthy();

    await user.click(
      screen.getByRole('button', { name: 'Exporter « Jeunes accompagnés — Sexe » en CSV' }),
    );
    const csv = await exportedCsv(createObjectURL);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Sexe;Jeunes accompagnés;Part (%)',
      'Homme;2;66,7',
      'Femme;1;33,3',
      'Total;3;100',
      '',
    ]);
  });

  it('asks the server for direction’s figures of every site, and again when the period changes', async () => {
    const report = computeStatistics(statisticsFixture(), NOVEMBER);
    const send = vi.spyOn(api, 'send').mockResolvedValue(report);
    await renderScreen('/statistiques', { user: direction, seed: seedFixture });
    const user = userEvent.setup();

    await waitFor(() => expect(card('Jeunes accompagnés')).toBe('4'));
    expect(send).toHaveBeenCalledWith('GET', '/api/v1/statistics?from=2026-01-01&to=2026-12-31');
    expect(screen.getByText(/chiffres calculés par le serveur/)).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Découpage'), 'Trimestre');
    await user.selectOptions(screen.getByLabelText('Trimestre'), '4e trimestre');
    await waitFor(() =>
      expect(send).toHaveBeenLastCalledWith(
        'GET',
        '/api/v1/statistics?from=2026-10-01&to=2026-12-31',
      ),
    );
    expect(screen.getByRole('table', { name: 'Couverture par EPCI' })).toBeTruthy();

    // One adviser's dossiers, as the server computes them.
    await user.selectOptions(screen.getByLabelText('Dossiers'), 'Conseiller·ère : Camille Sées');
    await waitFor(() =>
      expect(send).toHaveBeenLastCalledWith(
        'GET',
        `/api/v1/statistics?from=2026-10-01&to=2026-12-31&adviserId=${ADVISER_A}`,
      ),
    );
  });

  it('says a free period is wrong instead of computing it', async () => {
    await renderScreen('/statistiques', { seed: seedFixture });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Découpage'), 'Dates libres');
    const from = screen.getByLabelText(/^Du/);
    await user.clear(from);
    await user.type(from, '2026-12-15');
    expect(await screen.findByText('La fin de la période précède son début.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /^Période/ })).toBeNull();
  });
});
