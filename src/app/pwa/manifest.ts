/**
 * The web manifest of Relais, in French: what a browser needs to install it (name, icons 192 /
 * 512 / maskable, colours, start URL in scope). Read by vite.config.ts, which writes
 * `manifest.webmanifest` and links it from index.html; kept here so a unit test checks it.
 * The icons are rendered from public/favicon.svg by `npm run icons`.
 */
import type { ManifestOptions } from 'vite-plugin-pwa';

export const BRAND_BLUE = '#1d4e89';
export const BACKGROUND = '#f5f7fa';

export const RELAIS_MANIFEST: Partial<ManifestOptions> = {
  id: '/',
  name: 'Relais — Mission Locale du Pays d’Alençon',
  short_name: 'Relais',
  description:
    'Les dossiers jeunes de la Mission Locale Jeunes du Pays d’Alençon, sur le poste ou la tablette du conseiller, même sans réseau.',
  lang: 'fr',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: BRAND_BLUE,
  background_color: BACKGROUND,
  categories: ['productivity', 'business'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    {
      src: '/icons/icon-maskable-512.png',
      sizes: '512x512',
      type: 'image/png',
      purpose: 'maskable',
    },
  ],
  screenshots: [
    {
      src: '/screenshots/6-offline-start.png',
      sizes: '1280x800',
      type: 'image/png',
      form_factor: 'wide',
      label: 'Relais ouvert sans réseau : le portefeuille et l’état de la synchronisation',
    },
    {
      src: '/screenshots/6-sync-panel-tablet.png',
      sizes: '768x1024',
      type: 'image/png',
      form_factor: 'narrow',
      label: 'Sur tablette : ce qui reste à envoyer au siège et l’espace de stockage',
    },
  ],
};
