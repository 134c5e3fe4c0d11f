/**
 * A `fetch` for Node devices: keeps the session cookie like a browser would, and can be cut off
 * to simulate a device losing the network (requests fail as they would offline, open streams
 * drop).
 */
export interface DeviceFetch {
  fetch: typeof fetch;
  setOnline(online: boolean): void;
  readonly online: boolean;
}

export function createDeviceFetch(): DeviceFetch {
  let cookie = '';
  let online = true;
  const open = new Set<AbortController>();

  const deviceFetch: typeof fetch = async (input, init = {}) => {
    if (!online) throw new TypeError('fetch failed: network is off');
    const controller = new AbortController();
    init.signal?.addEventListener('abort', () => controller.abort(init.signal?.reason));
    open.add(controller);
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    try {
      const response = await fetch(input, { ...init, headers, signal: controller.signal });
      const setCookie = response.headers.getSetCookie();
      for (const line of setCookie) {
        const [pair] = line.split(';');
        if (pair?.startsWith('relais_session=')) cookie = pair === 'relais_session=' ? '' : pair;
      }
      if (!response.body) open.delete(controller);
      return response;
    } catch (error) {
      open.delete(controller);
      throw error;
    }
  };

  return {
    fetch: deviceFetch,
    setOnline(value: boolean) {
      online = value;
      if (!value) {
        for (const controller of open) controller.abort(new TypeError('network is off'));
        open.clear();
      }
    },
    get online() {
      return online;
    },
  };
}
