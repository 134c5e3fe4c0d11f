import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RELAIS_MANIFEST } from './manifest';

const publicDir = new URL('../../../public/', import.meta.url);

/** Width and height of a PNG file, from its IHDR chunk. */
function pngSize(path: string): string {
  const bytes = readFileSync(new URL(path.replace(/^\//, ''), publicDir));
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

describe('the web manifest', () => {
  it('names Relais in French and opens it standalone within its scope', () => {
    expect(RELAIS_MANIFEST).toMatchObject({
      lang: 'fr',
      short_name: 'Relais',
      display: 'standalone',
      start_url: '/',
      scope: '/',
    });
    expect(RELAIS_MANIFEST.name).toContain('Mission Locale');
    expect(RELAIS_MANIFEST.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(RELAIS_MANIFEST.background_color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('lists icons of 192 and 512 pixels and a maskable one, as real PNG files of that size', () => {
    const icons = RELAIS_MANIFEST.icons ?? [];
    expect(icons.map((icon) => `${icon.sizes} ${String(icon.purpose)}`)).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    for (const icon of icons) expect(pngSize(icon.src)).toBe(icon.sizes);
  });

  it('lists screenshots that exist with the sizes it declares', () => {
    for (const shot of RELAIS_MANIFEST.screenshots ?? [])
      expect(pngSize(shot.src)).toBe(shot.sizes);
  });
});
