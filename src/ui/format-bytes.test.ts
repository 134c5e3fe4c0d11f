import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes';

describe('sizes in French', () => {
  it('uses French units and decimal comma', () => {
    expect(formatBytes(512)).toBe('512 octets');
    expect(formatBytes(25.3 * 1024 * 1024)).toBe('25,3 Mo');
    expect(formatBytes(10 * 1024 ** 3)).toBe('10 Go');
    expect(formatBytes(150 * 1024 * 1024)).toBe('150 Mo');
  });
});
