// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildSite, SITE_SEES } from '../../../tests/support/builders';
import { cleanupScreen, renderScreen, seed, testUser } from '../../../tests/support/render-screen';
import { api } from '../../app/api';
import { useAppStore } from '../../stores/store';
import { INITIAL_SYNC_STATUS } from '../../stores/sync-slice';

const direction = testUser({ id: 'helene', role: 'direction', siteIds: [], name: 'Hélène' });

afterEach(() => {
  cleanupScreen();
  vi.restoreAllMocks();
});
beforeEach(() => useAppStore.setState({ sync: { ...INITIAL_SYNC_STATUS, online: true } }));

describe('Export i-milo', () => {
  it('exports last month for a site and shows the report with what could not be exported', async () => {
    const send = vi.spyOn(api, 'send').mockResolvedValue({
      report: {
        exportId: 'e1',
        from: '2026-10-01',
        to: '2026-10-31',
        files: { 'evenements.csv': 12, 'situations.csv': 0 },
        alreadyExported: 3,
        unmapped: [
          {
            file: 'situations.csv',
            documentId: 'p1',
            youthId: 'y1',
            reason: 'préciser CIE ou CAE',
          },
        ],
      },
      files: { 'evenements.csv': '\uFEFF', 'situations.csv': '\uFEFF' },
    });
    await renderScreen('/export-imilo', {
      user: direction,
      seed: (db) => seed(db, 'sites', [buildSite()]),
    });
    useAppStore.setState({ sync: { ...INITIAL_SYNC_STATUS, online: true } });
    const user = userEvent.setup();
    expect((screen.getByLabelText(/^Du/) as HTMLInputElement).value).toBe('2026-10-01');
    expect((screen.getByLabelText(/^Au/) as HTMLInputElement).value).toBe('2026-10-31');
    const site = await screen.findByRole('option', { name: /^Site : / });
    await user.selectOptions(screen.getByLabelText('Dossiers'), site);
    await user.click(screen.getByRole('button', { name: 'Exporter' }));

    expect(send).toHaveBeenCalledWith('POST', '/api/v1/exports/imilo', {
      from: '2026-10-01',
      to: '2026-10-31',
      siteId: SITE_SEES,
    });
    const table = await screen.findByRole('table', { name: 'Lignes exportées par fichier' });
    expect(within(table).getByRole('row', { name: /evenements\.csv 12/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Télécharger situations.csv' })).toBeTruthy();
    expect(screen.getByText(/situations\.csv : préciser CIE ou CAE/)).toBeTruthy();
    expect(screen.getByText('Déjà exporté sans changement : 3 lignes.')).toBeTruthy();
  });
});
