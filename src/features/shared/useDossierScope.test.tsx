// @vitest-environment jsdom
/**
 * The same default scope everywhere (issue 14, item 9): an adviser finds their own dossiers first
 * in the Portefeuille and in Relances, and the scope they choose in one is remembered, per user,
 * for both (a UI preference in localStorage, no personal data).
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildYouth } from '../../../tests/support/builders';
import {
  cleanupScreen,
  renderScreen,
  seedDirectory,
  testUser,
} from '../../../tests/support/render-screen';
import type { RelaisDatabase } from '../../db/database';

vi.setConfig({ testTimeout: 30_000 });
const typing = userEvent.setup({ delay: null });
const adviser = testUser();
const colleague = testUser({ id: '0190b000-0000-7000-a000-00000000a002', login: 'lucas' });

async function seed(db: RelaisDatabase) {
  await seedDirectory(db);
  await db.youths.bulkInsert([
    buildYouth({ lastName: 'Lefèvre', referentId: adviser.id, status: 'accompagne' }),
    buildYouth({ lastName: 'Martin', referentId: colleague.id, status: 'accompagne' }),
  ]);
}

const scopeSelect = () => screen.getByLabelText<HTMLSelectElement>('Dossiers');

beforeEach(() => localStorage.clear());
afterEach(cleanupScreen);

describe('the scope of dossiers shown', () => {
  it('opens on the adviser’s own dossiers in the Portefeuille as in Relances', async () => {
    await renderScreen('/', { user: adviser, seed });
    await screen.findByText('1 dossier sur 2');
    expect(scopeSelect().value).toBe('mine');
    await cleanupScreen();

    await renderScreen('/relances', { user: adviser, seed });
    await waitFor(() => expect(scopeSelect().value).toBe('mes'));
  });

  it('remembers the scope chosen in one screen for the other, for this user only', async () => {
    await renderScreen('/relances', { user: adviser, seed });
    await typing.selectOptions(scopeSelect(), 'tous');
    await cleanupScreen();

    await renderScreen('/', { user: adviser, seed });
    await screen.findByText('2 dossiers');
    expect(scopeSelect().value).toBe('all');
    await cleanupScreen();

    await renderScreen('/', { user: colleague, seed });
    await screen.findByText('1 dossier sur 2');
    expect(scopeSelect().value).toBe('mine');
  });
});
