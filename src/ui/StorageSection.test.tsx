// @vitest-environment jsdom
/**
 * The storage part of the sync panel. jsdom has no StorageManager and no browser lets a test
 * fill its quota, so the browser's answers are given by a small StorageManager of the test's own.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageSection } from './StorageSection';

const MB = 1024 * 1024;

function browserStorage(answers: { usage: number; quota: number; grants: boolean }) {
  let persisted = false;
  const manager = {
    estimate: async () => ({ usage: answers.usage, quota: answers.quota }),
    persisted: async () => persisted,
    persist: async () => {
      persisted = answers.grants;
      return persisted;
    },
  };
  Object.defineProperty(navigator, 'storage', { value: manager, configurable: true });
}

afterEach(cleanup);

describe('storage of this device', () => {
  it('explains why to protect the data, and protects it when the browser agrees', async () => {
    browserStorage({ usage: 25 * MB, quota: 10_000 * MB, grants: true });
    await act(async () => render(<StorageSection />));
    expect(await screen.findByText(/25 Mo utilisés sur 9,8 Go disponibles/)).toBeTruthy();
    expect(screen.getByText('Données non protégées.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    await userEvent.click(
      screen.getByRole('button', { name: 'Protéger les données de cet appareil' }),
    );
    expect(await screen.findByText('Données protégées.')).toBeTruthy();
  });

  it('says what to do when the browser refuses', async () => {
    browserStorage({ usage: 25 * MB, quota: 10_000 * MB, grants: false });
    await act(async () => render(<StorageSection />));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Protéger les données de cet appareil' }),
    );
    expect(await screen.findByText(/Le navigateur n’a pas accepté pour l’instant/)).toBeTruthy();
  });

  it('warns well before the quota, then urgently', async () => {
    browserStorage({ usage: 720 * MB, quota: 1000 * MB, grants: false });
    await act(async () => render(<StorageSection />));
    expect((await screen.findByRole('alert')).textContent).toMatch(/se remplit/);
    cleanup();

    browserStorage({ usage: 950 * MB, quota: 1000 * MB, grants: false });
    await act(async () => render(<StorageSection />));
    expect((await screen.findByRole('alert')).textContent).toMatch(/presque plein/);
  });
});
