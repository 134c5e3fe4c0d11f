/**
 * Stands in for the `unload` package (same API) in the browser build (vite.config.ts alias).
 * RxDB's leader election (through broadcast-channel) uses it so that a closing leader tab steps
 * down at once. The package listens to `beforeunload` and `unload`: `unload` is deprecated and
 * keeps pages out of the back/forward cache, and `beforeunload` also fires when the user then
 * cancels leaving (our unsaved-input guard asks), which would leave a tab without a leader.
 * `pagehide` fires only when the page really goes away.
 */
type Listener = () => unknown;

const listeners = new Set<Listener>();
let listening = false;

export function runAll(): Promise<unknown[]> {
  const running = [...listeners].map((listener) => {
    listeners.delete(listener);
    return listener();
  });
  return Promise.all(running);
}

export function add(listener: Listener): { remove(): boolean; run(): unknown } {
  if (typeof listener !== 'function') throw new Error('Listener is no function');
  if (
    !listening &&
    typeof window !== 'undefined' &&
    typeof window.addEventListener === 'function'
  ) {
    listening = true;
    window.addEventListener('pagehide', () => void runAll(), true);
  }
  listeners.add(listener);
  return {
    remove: () => listeners.delete(listener),
    run: () => {
      listeners.delete(listener);
      return listener();
    },
  };
}

export function removeAll(): void {
  listeners.clear();
}

export function getSize(): number {
  return listeners.size;
}

export default { add, runAll, removeAll, getSize };
