// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { add, getSize, removeAll } from './unload-on-pagehide';

afterEach(removeAll);

describe('stepping down when the page goes away', () => {
  it('runs the listeners once on pagehide, not on beforeunload', () => {
    const calls: string[] = [];
    add(() => calls.push('leader dies'));
    window.dispatchEvent(new Event('beforeunload'));
    expect(calls).toEqual([]);
    window.dispatchEvent(new Event('pagehide'));
    window.dispatchEvent(new Event('pagehide'));
    expect(calls).toEqual(['leader dies']);
    expect(getSize()).toBe(0);
  });

  it('forgets a removed listener, and runs one on demand', () => {
    const calls: string[] = [];
    const removed = add(() => calls.push('removed'));
    const ran = add(() => calls.push('ran'));
    removed.remove();
    ran.run();
    window.dispatchEvent(new Event('pagehide'));
    expect(calls).toEqual(['ran']);
  });
});
