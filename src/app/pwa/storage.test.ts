import { describe, expect, it } from 'vitest';
import { storageLevel } from './storage';

const MB = 1024 * 1024;
const GB = 1024 * MB;

describe('how full the device storage is', () => {
  it('is fine with room to spare', () => {
    expect(storageLevel({ usage: 25 * MB, quota: 10 * GB })).toBe('ok');
  });

  it('warns from 70 % of the quota, well before it is reached', () => {
    expect(storageLevel({ usage: 0.69 * 10 * GB, quota: 10 * GB })).toBe('ok');
    expect(storageLevel({ usage: 0.7 * 10 * GB, quota: 10 * GB })).toBe('warn');
  });

  it('warns urgently from 90 %', () => {
    expect(storageLevel({ usage: 0.9 * 10 * GB, quota: 10 * GB })).toBe('critical');
  });

  it('warns on a small device when little space is left, whatever the share', () => {
    expect(storageLevel({ usage: 300 * MB, quota: 480 * MB })).toBe('warn');
    expect(storageLevel({ usage: 440 * MB, quota: 480 * MB })).toBe('critical');
  });

  it('says nothing when the browser gives no estimate', () => {
    expect(storageLevel(null)).toBe('unknown');
    expect(storageLevel({ usage: 10 })).toBe('unknown');
  });
});
