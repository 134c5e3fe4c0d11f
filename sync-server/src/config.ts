/** Configuration from the environment (design.md, Running it). */
import { resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  staticDir: string;
  /** RELAIS_TRUST_PROXY=1 behind a reverse proxy that terminates TLS. */
  trustProxy: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT invalide : ${env.PORT}`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.RELAIS_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    demo: env.RELAIS_DEMO !== '0',
    staticDir: resolve(env.RELAIS_STATIC_DIR ?? './dist'),
    trustProxy: env.RELAIS_TRUST_PROXY === '1',
  };
}
