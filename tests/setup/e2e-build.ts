/**
 * The e2e project's global setup: the PWA is built once for the whole run, not once per test
 * file; `startAppServer` serves that build (RELAIS_E2E_BUILD, inherited by the test workers).
 */
import { rmSync } from 'node:fs';
import { buildPwa } from '../e2e/support/app-server';

export default function setup(): () => void {
  const dir = buildPwa();
  process.env.RELAIS_E2E_BUILD = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
