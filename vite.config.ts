import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { RELAIS_MANIFEST } from './src/app/pwa/manifest';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const serverPort = process.env.PORT ?? '8080';
const appVersion = process.env.RELAIS_APP_VERSION ?? pkg.version;

/**
 * Writes `version.json` beside index.html: a running app that finds a new service worker
 * waiting reads it (never from a cache) to say which version the update brings.
 */
function versionFile(version: string): Plugin {
  return {
    name: 'relais-version-file',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'version.json',
        source: JSON.stringify({ version }),
      });
    },
  };
}

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(appVersion),
  },
  plugins: [
    react(),
    versionFile(appVersion),
    VitePWA({
      // A new version waits for the user's go-ahead (src/app/pwa/update.ts): never a silent reload.
      registerType: 'prompt',
      // Registered by src/app/pwa/register.ts with workbox-window.
      injectRegister: false,
      manifest: RELAIS_MANIFEST,
      includeManifestIcons: false,
      workbox: {
        // The app shell only: code, styles, icons. version.json, source maps and the
        // screenshots of the docs stay out; the API is never cached (no personal data in
        // Cache Storage), and there is no runtime caching at all.
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}', 'icons/*.png'],
        globIgnores: ['**/screenshots/**', '**/*.map', 'version.json'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        // The first install takes this page at once (it runs offline from the next start);
        // a new version waits for the prompt (SKIP_WAITING message) instead.
        skipWaiting: false,
        clientsClaim: true,
      },
    }),
  ],
  resolve: {
    // RxDB's leader election steps down on `pagehide` instead of `unload`/`beforeunload`.
    alias: { unload: fileURLToPath(new URL('./src/db/unload-on-pagehide.ts', import.meta.url)) },
  },
  server: {
    proxy: { '/api': { target: `http://localhost:${serverPort}`, changeOrigin: false } },
  },
  build: {
    target: 'es2022',
    // No source maps in a production build: they would publish the whole source (issue 12).
    sourcemap: false,
  },
});
