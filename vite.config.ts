import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const serverPort = process.env.PORT ?? '8080';

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(process.env.RELAIS_APP_VERSION ?? pkg.version),
  },
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      includeAssets: ['favicon.svg'],
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // The screenshots of the closing notes are documentation, not app assets.
        globIgnores: ['**/screenshots/**'],
        navigateFallback: '/index.html',
        // The API is never cached: no personal data in Cache Storage.
        navigateFallbackDenylist: [/^\/api\//],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: {
    proxy: { '/api': { target: `http://localhost:${serverPort}`, changeOrigin: false } },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
});
