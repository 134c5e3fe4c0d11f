/**
 * The server and the admin commands as an operator runs them: `npm start`'s server seeds the demo
 * once, `RELAIS_DEMO=0` starts empty, and `npm run admin` creates the first admin.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../sync-server/src/demo/organisation';

let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'relais-cli-'));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

function admin(args: string[], input = '') {
  const result = spawnSync('node', ['--import', 'tsx', 'sync-server/src/cli/admin.ts', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, RELAIS_DATA_DIR: dataDir },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Starts the real server process; resolves with its URL once it prints it. */
function startServer(
  env: Record<string, string>,
): Promise<{ url: string; output: () => string; stop(): Promise<void> }> {
  const child = spawn('node', ['--import', 'tsx', 'sync-server/src/main.ts'], {
    env: { ...process.env, RELAIS_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', ...env },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Relais est prêt : (http:\/\/\S+)/.exec(output);
      if (match && output.includes('\n', output.indexOf(match[0]))) {
        setTimeout(
          () =>
            resolve({
              url: match[1]!,
              output: () => output,
              stop: () =>
                new Promise<void>((done) => {
                  child.once('exit', () => done());
                  child.kill('SIGTERM');
                }),
            }),
          200,
        );
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

async function login(url: string, login: string, password: string): Promise<number> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  return response.status;
}

describe('operating the server', () => {
  it('seeds the demo Mission Locale on the first start only, and prints the demo logins', async () => {
    const first = await startServer({});
    expect(first.output()).toContain('Comptes de démonstration');
    expect(first.output()).toContain('camille.martin');
    expect(await login(first.url, 'camille.martin', DEMO_PASSWORD)).toBe(200);
    await first.stop();

    const second = await startServer({});
    expect(second.output()).not.toContain('Première exécution');
    await second.stop();
    const users = admin(['user:list']);
    expect(users.out.trim().split('\n')).toHaveLength(26);
    expect(admin(['site:list']).out.trim().split('\n')).toHaveLength(9);
  });

  it('starts empty with RELAIS_DEMO=0, and the first admin is created from the command line', async () => {
    const server = await startServer({ RELAIS_DEMO: '0' });
    expect(server.output()).toContain('Aucun compte');
    await server.stop();

    const weak = admin(['user:create', '--login', 'admin', '--role', 'admin'], 'court\n');
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('Mot de passe trop faible');

    const created = admin(
      ['user:create', '--login', 'admin', '--role', 'admin', '--name', 'Première Admin'],
      'Un-Mot-De-Passe-2026\n',
    );
    expect(created.code).toBe(0);
    expect(created.out).toContain('Compte créé : admin (admin)');
    expect(
      admin(['user:create', '--login', 'admin', '--role', 'admin'], 'Un-Mot-De-Passe-2026\n').err,
    ).toContain('existe déjà');
    expect(
      admin(['user:create', '--login', 'x', '--role', 'chef'], 'Un-Mot-De-Passe-2026\n').err,
    ).toContain('Rôle inconnu');
    // The partner association that keeps the vehicles (issue 16) has its role.
    expect(
      admin(
        ['user:create', '--login', 'atelier', '--role', 'atelier-mob', '--name', 'Atelier Mob'],
        'Atelier-Mob-Alencon-2026\n',
      ).out,
    ).toContain('Compte créé : atelier (atelier-mob)');

    const again = await startServer({ RELAIS_DEMO: '0' });
    expect(await login(again.url, 'admin', 'Un-Mot-De-Passe-2026')).toBe(200);
    await again.stop();

    expect(admin(['user:password', '--login', 'admin'], 'court\n').err).toContain('trop faible');
    expect(admin(['user:password', '--login', 'admin'], 'Nouveau-Mot-2027!\n').out).toContain(
      'Mot de passe changé : admin',
    );
    const reset = await startServer({ RELAIS_DEMO: '0' });
    expect(await login(reset.url, 'admin', 'Un-Mot-De-Passe-2026')).toBe(401);
    expect(await login(reset.url, 'admin', 'Nouveau-Mot-2027!')).toBe(200);
    await reset.stop();

    expect(admin(['user:disable', '--login', 'admin']).out).toContain('Compte désactivé');
    expect(admin(['user:list']).out).toContain('désactivé');
  });
});
