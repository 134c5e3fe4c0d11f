/**
 * Screens loaded on first use (React.lazy), so the initial JavaScript holds the shell and the
 * portefeuille only. The service worker precaches every chunk, so a screen never opened before
 * still opens offline. Without it (a browser that does not install the app), loading a screen
 * can fail with the network cut: the failure reaches ScreenErrorBoundary as a ScreenLoadError,
 * whose « Réessayer » calls retryFailedScreens() so the screen loads anew, where React.lazy
 * alone would replay the failure for ever. A failure is kept until then, so React's own
 * re-renders do not fetch again and again.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** The code of a screen could not be loaded (network, or a version the server no longer has). */
export class ScreenLoadError extends Error {
  constructor(
    readonly screen: string,
    cause: unknown,
  ) {
    super(`Code de l’écran ${screen} non chargé : ${String(cause)}`, { cause });
    this.name = 'ScreenLoadError';
  }
}

/**
 * A stylesheet that failed to load stays in the page with no sheet, and Vite's loader counts
 * it as loaded next time: removing it lets the next attempt load the screen's styles.
 */
function dropFailedStylesheets(): void {
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'))
    if (!link.sheet) link.remove();
}

/** How to load anew each screen whose code failed to load. */
const failedScreens = new Set<() => void>();

/** Forgets the failed loads: the failed screens load anew at their next render. */
export function retryFailedScreens(): void {
  for (const reset of failedScreens) reset();
  failedScreens.clear();
}

/** A screen loaded on first use from its module's named export `name`. */
export function lazyScreen<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): ComponentType {
  let Loaded: LazyExoticComponent<ComponentType> = fresh();
  function fresh(): LazyExoticComponent<ComponentType> {
    return lazy(async () => {
      try {
        return { default: (await load())[name] };
      } catch (error) {
        failedScreens.add(() => (Loaded = fresh()));
        dropFailedStylesheets();
        throw new ScreenLoadError(name, error);
      }
    });
  }
  function LazyScreen(props: object) {
    return <Loaded {...props} />;
  }
  LazyScreen.displayName = `Lazy(${name})`;
  return LazyScreen;
}
