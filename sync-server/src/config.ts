/** Configuration from the environment (design.md, Running it). */
import { resolve } from 'node:path';
import { DEFAULT_AUDIT_RETENTION_MONTHS } from './audit/retention';

/** A dossier untouched for three years is anonymised (the CNIL's usual horizon for inactive files). */
export const DEFAULT_INACTIVITY_MONTHS = 36;

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  staticDir: string;
  /**
   * The reverse proxy whose X-Forwarded-* headers are believed (RELAIS_TRUST_PROXY): `false` for
   * none; `loopback` (`1`) for a proxy on this machine; else its addresses or CIDR ranges. Never
   * every hop: the client's address is then the first one the trusted proxy did not add, so a
   * client cannot choose it by sending its own header (the login throttle counts by address).
   */
  trustProxy: false | string;
  /** How long the audit log is kept (RELAIS_AUDIT_RETENTION_MONTHS, 12 by default). */
  auditRetentionMonths: number;
  /**
   * A dossier without any activity for this long is anonymised by the retention job
   * (RELAIS_INACTIVITY_MONTHS, 36 by default; sync-server/src/rights/retention.ts).
   */
  inactivityMonths: number;
}

function months(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 600) {
    throw new Error(`${name} invalide : ${value} (un nombre de mois, de 1 à 600)`);
  }
  return parsed;
}

function trustedProxy(value: string | undefined): false | string {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '' || trimmed === '0') return false;
  if (trimmed === '1') return 'loopback';
  return trimmed
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .join(',');
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT invalide : ${env.PORT}`);
  }
  const demo = env.RELAIS_DEMO !== '0';
  return {
    port,
    // Demo data with published passwords: reachable from this machine only, unless told.
    host: env.HOST ?? (demo ? '127.0.0.1' : '0.0.0.0'),
    dataDir: resolve(env.RELAIS_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    demo,
    staticDir: resolve(env.RELAIS_STATIC_DIR ?? './dist'),
    trustProxy: trustedProxy(env.RELAIS_TRUST_PROXY),
    auditRetentionMonths: months(
      'RELAIS_AUDIT_RETENTION_MONTHS',
      env.RELAIS_AUDIT_RETENTION_MONTHS,
      DEFAULT_AUDIT_RETENTION_MONTHS,
    ),
    inactivityMonths: months(
      'RELAIS_INACTIVITY_MONTHS',
      env.RELAIS_INACTIVITY_MONTHS,
      DEFAULT_INACTIVITY_MONTHS,
    ),
  };
}
