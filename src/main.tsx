import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerServiceWorker } from './app/pwa/register';
import './app/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The service worker exists only in a build (vite-plugin-pwa); development runs without it.
if (import.meta.env.PROD) {
  registerServiceWorker().catch((error: unknown) =>
    console.error('Relais: service worker non enregistré', error),
  );
}
