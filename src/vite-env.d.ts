/// <reference types="vite/client" />

/** The app version, from package.json (or RELAIS_APP_VERSION at build time). */
declare const __APP_VERSION__: string;
