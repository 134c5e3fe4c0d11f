// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense, type ComponentType } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../stores/store';
import { lazyScreen } from '../lazy-screen';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';

const user = userEvent.setup({ delay: null });

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  useAppStore.getState().setUpdatedElsewhere(false);
  document.head.innerHTML = '';
});

function Agenda() {
  return <h1>Agenda</h1>;
}

/** A screen module whose loading fails until `reachable` is set, as the network would. */
function flakyScreen() {
  const network = { reachable: false, attempts: 0 };
  const Screen = lazyScreen(async (): Promise<{ AgendaScreen: ComponentType }> => {
    network.attempts += 1;
    if (!network.reachable)
      throw new TypeError('Failed to fetch dynamically imported module: /assets/Agenda.js');
    return { AgendaScreen: Agenda };
  }, 'AgendaScreen');
  return { Screen, network };
}

function renderInFrame(Screen: ComponentType) {
  return render(
    <ScreenErrorBoundary location="/agenda">
      <Suspense fallback={<p>Chargement de l’écran…</p>}>
        <Screen />
      </Suspense>
    </ScreenErrorBoundary>,
  );
}

describe('a screen whose code cannot be loaded', () => {
  it('says so in French offline, and « Réessayer » loads it once the network is back', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { Screen, network } = flakyScreen();
    // The screen's stylesheet failed with it: it must not count as loaded next time.
    document.head.innerHTML = '<link rel="stylesheet" href="/assets/Agenda.css">';
    renderInFrame(Screen);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Cet écran n’a pas pu être chargé/);
    expect(alert.textContent).toMatch(/il faut le réseau pour le charger une première fois/);
    expect(alert.textContent).toMatch(/Vos données restent sur cet appareil/);
    expect(document.querySelector('link[rel="stylesheet"]')).toBeNull();

    // Still offline: the retry fails again and says the same.
    await user.click(screen.getByRole('button', { name: 'Réessayer' }));
    await screen.findByRole('button', { name: 'Réessayer' });
    expect(network.attempts).toBe(2);

    online.mockReturnValue(true);
    network.reachable = true;
    await user.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('heading', { name: 'Agenda' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(network.attempts).toBe(3);
  });

  it('online, says the server did not answer and offers « Réessayer »', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    renderInFrame(flakyScreen().Screen);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Le serveur de Relais n’a pas répondu/);
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeTruthy();
  });

  it('after an update applied in another tab, asks for a reload onto the new version', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    useAppStore.getState().setUpdatedElsewhere(true);
    renderInFrame(flakyScreen().Screen);
    await screen.findByRole('heading', { name: 'Relais a été mis à jour' });
    expect(screen.getByRole('button', { name: 'Recharger la page' })).toBeTruthy();
  });
});

describe('a screen that fails to render', () => {
  it('keeps the frame and says what to tell the administrator', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function Broken(): never {
      throw new Error('valeur inattendue');
    }
    renderInFrame(Broken);
    await screen.findByRole('heading', { name: 'Cet écran n’a pas pu s’afficher' });
    expect(screen.getByRole('alert').textContent).toMatch(/valeur inattendue/);
  });
});
