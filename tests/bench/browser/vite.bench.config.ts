import { defineConfig } from 'vite';

/** Builds the bench page (tests/bench/browser) with the app's own modules, in production mode. */
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  define: { __APP_VERSION__: JSON.stringify('bench') },
  build: { target: 'es2022', emptyOutDir: true },
  logLevel: 'warn',
});
