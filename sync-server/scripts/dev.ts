/**
 * `npm run dev`: the sync server (with demo data in ./data) and Vite's dev server, which proxies
 * /api to it. Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';

const children = [
  spawn('node', ['--import', 'tsx', '--watch', 'sync-server/src/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, RELAIS_STATIC_DIR: '/nonexistent' },
  }),
  spawn('npx', ['vite'], { stdio: 'inherit' }),
];

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
