/**
 * Makes sure Debian's Chromium is installed for the end-to-end tests (playwright-core cannot
 * download its own browser here). Installs it with apt-get on a fresh machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.RELAIS_CHROMIUM ?? '/usr/bin/chromium';

export function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  console.log(
    'Installation de Chromium (apt-get install chromium) pour les tests de bout en bout…',
  );
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args: string[]) => {
    const [command, ...rest] = [...asRoot, ...args];
    execFileSync(command!, rest, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  };
  run(['apt-get', 'update']);
  run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium']);
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is still missing at ${CHROMIUM_PATH}`);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
