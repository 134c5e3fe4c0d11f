// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildYouth } from '../../../../tests/support/builders';
import {
  cleanupScreen,
  renderScreen,
  seedDirectory,
  testUser,
} from '../../../../tests/support/render-screen';
import { api } from '../../../app/api';
import type { JournalEntry } from '../../../domain/access-journal';

vi.setConfig({ testTimeout: 30_000 });
afterEach(async () => {
  vi.restoreAllMocks();
  await cleanupScreen();
});

const youth = buildYouth({ firstName: 'Inès', lastName: 'Lefèvre' });
const user = userEvent.setup({ delay: null });
let harness: Awaited<ReturnType<typeof renderScreen>> | undefined;
const direction = testUser({ id: '0190b000-0000-7000-a000-00000000a004', role: 'direction' });

const ENTRY: JournalEntry = {
  at: '2026-11-25T08:30:00.000Z',
  action: 'dossier-open',
  user: { id: 'u1', name: 'Camille Sées', login: 'conseiller.sees' },
  deviceId: 'd1',
  deviceLabel: 'Portable de Sées',
  address: '203.0.113.7',
  collection: 'accesses',
  documentId: 'a1',
};

async function open(who = direction) {
  harness = await renderScreen(`/dossiers/${youth.id}/droits`, {
    user: who,
    seed: async (db) => {
      await seedDirectory(db);
      await db.youths.insert(youth);
    },
  });
}

describe('Accès et droits', () => {
  it('shows the access journal and the links of the copy to the siège', async () => {
    const send = vi.spyOn(api, 'send').mockResolvedValue({ entries: [ENTRY] });
    await open();
    const table = await screen.findByRole('table', { name: /Accès au dossier/ });
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getByText('Dossier ouvert sur un appareil')).toBeTruthy();
    expect(within(row).getByText('Camille Sées')).toBeTruthy();
    expect(within(row).getByText('Portable de Sées')).toBeTruthy();
    expect(within(row).getByText('203.0.113.7')).toBeTruthy();
    expect(send).toHaveBeenCalledWith('GET', `/api/v1/youths/${youth.id}/journal`);
    expect(
      screen.getByRole('link', { name: 'Ouvrir la copie imprimable' }).getAttribute('href'),
    ).toBe(`/api/v1/youths/${youth.id}/export?format=html`);
    expect(
      screen.getByRole('link', { name: 'Télécharger au format JSON' }).getAttribute('href'),
    ).toBe(`/api/v1/youths/${youth.id}/export?format=json`);
  });

  it('says the journal needs the network when offline', async () => {
    const { RelaisError } = await import('../../../domain/errors');
    vi.spyOn(api, 'send').mockRejectedValue(new RelaisError('NETWORK'));
    await open();
    expect((await screen.findByRole('alert')).textContent).toMatch(/Hors ligne/);
  });

  it('is not offered to an adviser', async () => {
    await open(testUser());
    const sections = await screen.findByRole('navigation', { name: 'Sections du dossier' });
    expect(within(sections).queryByRole('link', { name: 'Accès et droits' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Journal des accès' })).toBeNull();
  });
});

describe('Effacer le dossier', () => {
  it('asks for the name, keeps what was typed on error, then erases and leaves the dossier', async () => {
    const { RelaisError } = await import('../../../domain/errors');
    const send = vi
      .spyOn(api, 'send')
      .mockImplementation(async (method) =>
        method === 'GET' ? { entries: [] } : Promise.reject(new RelaisError('NETWORK')),
      );
    await open();
    const field = await screen.findByLabelText(/Pour confirmer, saisissez le prénom et le nom/);
    const button = screen.getByRole('button', { name: 'Effacer définitivement ce dossier' });
    await user.type(field, 'Inès');
    await user.click(button);
    expect(screen.getByText('Saisissez « Inès Lefèvre » pour confirmer.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(send).not.toHaveBeenCalledWith('POST', expect.anything(), expect.anything());

    await user.type(field, ' lefevre');
    await user.click(button);
    expect(await screen.findByText(/Serveur injoignable.*Rien n'a été effacé/)).toBeTruthy();
    expect((field as HTMLInputElement).value).toBe('Inès lefevre');

    send.mockImplementation(async (method) =>
      method === 'GET' ? { entries: [] } : { summary: {} },
    );
    await user.click(button);
    expect(send).toHaveBeenCalledWith('POST', `/api/v1/youths/${youth.id}/erase`, {
      confirmation: 'Inès lefevre',
    });
    await waitFor(() => expect(harness!.history.at(-1)).toBe('/'));
  });
});
