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
  if (config.demo && (await storage.getAccountByLogin(DEMO_STAFF[0]!.login))) {
    console.log(`\nComptes de démonstration (mot de passe : ${DEMO_PASSWORD}) :`);
    for (const login of ['camille.martin', 'yacine.haddad', 'accueil', 'direction', 'admin']) {
      const staff = DEMO_STAFF.find((s) => s.login === login)!;
      console.log(`  ${login.padEnd(16)} ${staff.role.padEnd(11)} ${staff.name}`);
    }
  } else if ((await storage.listAccounts()).length === 0) {
    console.log('\nAucun compte : créez le premier administrateur avec');
    console.log('  npm run admin -- user:create --login admin --role admin --name "Nom Prénom"');
  }
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

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
