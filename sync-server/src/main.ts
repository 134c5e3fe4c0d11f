/**
 * `npm start` / `npm run serve`: opens the storage, seeds the demo Mission Locale on first run
 * (unless RELAIS_DEMO=0), serves the PWA and the API on one port, and prints the demo logins.
 */
import { systemClock } from '../../src/domain/time';
import { createApp } from './app';
import { auditPurgeJob } from './audit/retention';
import { handoverJob } from './handover/handover';
import { startDailyJobs } from './jobs/daily';
import { retentionJob } from './rights/retention';
import { readConfig } from './config';
import { DEMO_PASSWORD, DEMO_STAFF } from './demo/organisation';
import { seedDemo } from './demo/seed';
import { openStorage } from './storage/open';
import type { Storage } from './storage/storage';

async function main(): Promise<void> {
  const config = readConfig();
  const storage = await openStorage(config);
  const firstRun = (await storage.listAccounts()).length === 0;
  if (firstRun && config.demo) {
    console.log('Première exécution : création de la Mission Locale de démonstration…');
    const report = await seedDemo(storage, systemClock);
    console.log(
      `  ${report.accounts} comptes, ${Object.entries(report.documents)
        .map(([c, n]) => `${n} ${c}`)
        .join(', ')}`,
    );
    console.log(
      `  ${report.devices} appareils, ${report.reviews.conflicts} conflits et ${report.reviews.duplicates} doublons probables à examiner au siège`,
    );
  }
  const { app, commits } = await createApp({
    storage,
    staticDir: config.staticDir,
    trustProxy: config.trustProxy,
    logger: process.env.RELAIS_LOG === '1',
  });
  // Worked out before listening, so that the whole notice is printed at once once ready (the
  // daily jobs start with it and may keep the process busy for a moment).
  const accountsNotice = await accountsNoticeLines(storage, config.demo);
  const address = await app.listen({ port: config.port, host: config.host });
  const jobs = startDailyJobs([
    retentionJob(storage, systemClock, config.inactivityMonths),
    auditPurgeJob(storage, systemClock, config.auditRetentionMonths),
    handoverJob(storage, systemClock, (written) => commits.committed(written)),
  ]);
  const local = address.replace(/\/\/(0\.0\.0\.0|\[::\])/, '//localhost');
  console.log(`\nRelais est prêt : ${local}`);
  if (config.host.startsWith('127.')) {
    console.log('  (accessible depuis cet ordinateur seulement ; HOST=0.0.0.0 pour le réseau)');
  }
  console.log(`Données : ${config.databaseUrl ? 'PostgreSQL' : `${config.dataDir}/relais.sqlite`}`);
  for (const line of accountsNotice) console.log(line);
  const shutdown = async () => {
    jobs.stop();
    await jobs.idle();
    await app.close();
    await storage.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

/** The demo logins, or how to create the first administrator when there is no account. */
async function accountsNoticeLines(storage: Storage, demo: boolean): Promise<string[]> {
  if (demo && (await storage.getAccountByLogin(DEMO_STAFF[0]!.login))) {
    return [
      `\nComptes de démonstration (mot de passe : ${DEMO_PASSWORD}) :`,
      ...['camille.martin', 'yacine.haddad', 'accueil', 'direction', 'admin'].map((login) => {
        const staff = DEMO_STAFF.find((s) => s.login === login)!;
        return `  ${login.padEnd(16)} ${staff.role.padEnd(11)} ${staff.name}`;
      }),
    ];
  }
  if ((await storage.listAccounts()).length > 0) return [];
  return [
    '\nAucun compte : créez le premier administrateur avec',
    '  npm run admin -- user:create --login admin --role admin --name "Nom Prénom"',
  ];
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
