/**
 * Keeps the frame (header, sync status, navigation) when a screen fails to render, and says
 * what to do. The usual cause in an installed app: this tab still runs the previous version
 * after another tab applied an update, and the code of a screen not opened yet is gone from the
 * server and the cache; a reload loads the new version.
 */
import { Component, type ReactNode } from 'react';

/** The browser could not load a screen's code (a module of another version). */
export function isMissingCode(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|MIME type|error loading dynamically/i.test(
    message,
  );
}

interface Props {
  /** The current location: the boundary starts afresh on another screen. */
  location: string;
  children: ReactNode;
}

interface State {
  error: unknown;
  location: string;
}

export class ScreenErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, location: this.props.location };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.location !== state.location ? { error: null, location: props.location } : null;
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="card">
        {isMissingCode(error) ? (
          <>
            <h1>Relais a été mis à jour</h1>
            <p>
              Cet écran appartient à la nouvelle version. Rechargez la page pour l’ouvrir : les
              données de cet appareil ne sont pas touchées.
            </p>
          </>
        ) : (
          <>
            <h1>Cet écran n’a pas pu s’afficher</h1>
            <p>
              Vos données restent sur cet appareil. Rechargez la page ; si le problème continue,
              prévenez l’administrateur en indiquant : {String(error)}
            </p>
          </>
        )}
        <button type="button" className="button-primary" onClick={() => window.location.reload()}>
          Recharger la page
        </button>
      </div>
    );
  }
}
