/**
 * A real PostgreSQL server for the tests that concern it, installed and started by the project:
 * Debian's `postgresql` package (apt-get on a fresh machine), a throw-away cluster in a
 * temporary folder, trust authentication on 127.0.0.1 only. Reused if already running.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';

export const TEST_PG_PORT = Number(process.env.RELAIS_TEST_PG_PORT ?? 54329);
export const TEST_PG_URL = `postgres://postgres@127.0.0.1:${TEST_PG_PORT}/postgres`;
const CLUSTER_DIR = `/tmp/relais-test-pg-${TEST_PG_PORT}`;

function asRoot(args: string[]): void {
  const [command, ...rest] = process.getuid?.() === 0 ? args : ['sudo', ...args];
  execFileSync(command!, rest, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(`${root}/${v}/bin/initdb`))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? `${root}/${versions[0]}/bin` : undefined;
}

/** Runs a PostgreSQL binary as the `postgres` system user (the server refuses to run as root). */
function asPostgres(bin: string, args: string[]): void {
  const command =
    process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', bin, ...args] : [bin, ...args];
  execFileSync(command[0]!, command.slice(1), { stdio: 'inherit' });
}

function isRunning(bin: string): boolean {
  return (
    spawnSync(`${bin}/pg_isready`, ['-h', '127.0.0.1', '-p', String(TEST_PG_PORT)]).status === 0
  );
}

export function ensurePostgres(): string {
  let bin = binDir();
  if (!bin) {
    console.log('Installation de PostgreSQL (apt-get install postgresql) pour les tests…');
    asRoot(['apt-get', 'update']);
    asRoot(['apt-get', 'install', '-y', '--no-install-recommends', 'postgresql']);
    bin = binDir();
    if (!bin) throw new Error('PostgreSQL is still missing after apt-get install');
  }
  if (isRunning(bin)) return TEST_PG_URL;
  if (!existsSync(`${CLUSTER_DIR}/PG_VERSION`)) {
    mkdirSync(CLUSTER_DIR, { recursive: true });
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', CLUSTER_DIR]);
    asPostgres(`${bin}/initdb`, [
      '-D',
      CLUSTER_DIR,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--no-sync',
    ]);
  }
  asPostgres(`${bin}/pg_ctl`, [
    '-D',
    CLUSTER_DIR,
    '-l',
    `${CLUSTER_DIR}/server.log`,
    '-w',
    'start',
    '-o',
    `-p ${TEST_PG_PORT} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
  ]);
  return TEST_PG_URL;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensurePostgres());
