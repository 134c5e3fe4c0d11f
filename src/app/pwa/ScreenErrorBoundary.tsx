/**
 * Keeps the frame (header, sync status, navigation) when a screen fails, and says what to do.
 * A screen's code that cannot be loaded (lazy-screen.tsx) has two usual causes: the network is
 * cut in a browser without the service worker (« Réessayer » once it is back: the code is asked
 * for again, or the page reloaded once the server answers), or this tab still runs the previous
 * version after another tab applied an update, and the code of a screen not opened yet is gone
 * from the server and the cache (a reload loads the new version).
 */
import { Component, type ReactNode } from 'react';
import { useAppStore } from '../../stores/store';
import { retryFailedScreens, ScreenLoadError } from '../lazy-screen';
import { fetchServedVersion } from './register';

interface Props {
  /** The current location: the boundary starts afresh on another screen. */
  location: string;
  children: ReactNode;
}

interface State {
  error: unknown;
  location: string;
}

function reload(): void {
  window.location.reload();
}

export class ScreenErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, location: this.props.location };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.location !== state.location ? { error: null, location: props.location } : null;
  }

  /** Where « Réessayer » was last pressed. */
  private retriedAt: string | null = null;

  /** Renders the screen again: a screen whose code failed to load is loaded anew. */
  private readonly retry = () => {
    this.retriedAt = this.props.location;
    retryFailedScreens();
    this.setState({ error: null });
  };

  /**
   * Some browsers (Chromium) remember a module that failed to load for the life of the page, so
   * loading it anew fails at once: when the server answers, a reload loads the screen.
   */
  override componentDidCatch(error: unknown) {
    if (!(error instanceof ScreenLoadError) || this.retriedAt !== this.props.location) return;
    this.retriedAt = null;
    void fetchServedVersion().then((version) => {
      if (version !== null) reload();
    });
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    if (!(error instanceof ScreenLoadError)) {
      return (
        <div role="alert" className="card">
          <h1>Cet écran n’a pas pu s’afficher</h1>
          <p>
            Vos données restent sur cet appareil. Rechargez la page ; si le problème continue,
            prévenez l’administrateur en indiquant : {String(error)}
          </p>
          <button type="button" className="button-primary" onClick={reload}>
            Recharger la page
          </button>
        </div>
      );
    }
    if (useAppStore.getState().updatedElsewhere) {
      return (
        <div role="alert" className="card">
          <h1>Relais a été mis à jour</h1>
          <p>
            Cet écran appartient à la nouvelle version. Rechargez la page pour l’ouvrir : les
            données de cet appareil ne sont pas touchées.
          </p>
          <button type="button" className="button-primary" onClick={reload}>
            Recharger la page
          </button>
        </div>
      );
    }
    const offline = !navigator.onLine;
    return (
      <div role="alert" className="card">
        <h1>Cet écran n’a pas pu être chargé</h1>
        <p>
          {offline
            ? 'Cet écran n’a encore jamais été ouvert sur cet appareil, et Relais n’y est pas installé pour fonctionner sans réseau : il faut le réseau pour le charger une première fois. Réessayez quand le réseau revient.'
            : 'Le serveur de Relais n’a pas répondu. Réessayez dans un instant.'}{' '}
          Vos données restent sur cet appareil.
        </p>
        <button type="button" className="button-primary" onClick={this.retry}>
          Réessayer
        </button>
      </div>
    );
  }
}
