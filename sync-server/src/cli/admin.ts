/**
 * `npm run admin -- <command>`: accounts and sites from the command line, so a fresh install can
 * create its first admin. Honours RELAIS_DATA_DIR and DATABASE_URL like the server.
 *
 *   user:create --login L --role R [--sites S1,S2] [--name "Nom"]   (password on standard input)
 *   user:list
 *   user:disable --login L
 *   user:password --login L                                          (password on standard input)
 *   site:list
 *   audit:verify                                                     (exit code 1 when broken)
 *   retention:run [--dry-run]      anonymises the dossiers past their retention, purges the audit log
 *   export:imilo --from D --to D [--site ID | --adviser ID] --out DIR   the i-milo CSV files
 *
 * Every command is written to the audit log (address `cli`, with the operator's system login).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RelaisError } from '../../../src/domain/errors';
import { RETENTION_REASON_LABELS } from '../../../src/domain/retention';
import { systemClock } from '../../../src/domain/time';
import { CLI_ADDRESS } from '../audit/entries';
import { purgeOldAudit } from '../audit/retention';
import { describeVerification, verifyAuditLog } from '../audit/verify';
import { describeRetention, runRetention } from '../rights/retention';
import { createAccount, isRole, setAccountDisabled, setAccountPassword } from '../auth/accounts';
import { readConfig } from '../config';
import { openStorage } from '../storage/open';
import type { Storage } from '../storage/storage';
import { runImiloExport } from '../imilo/export';
import { describeImiloReport, periodOf, setOf } from '../imilo/request';
import { migrateVocabulary } from '../vocabulary/migrate';
import { readPassword } from './read-password';

const USAGE = `Usage : npm run admin -- <commande>
  user:create --login L --role conseiller|accueil|direction|admin|atelier-mob [--sites ID1,ID2] [--name "Nom"]
              (le mot de passe est lu sur l'entrée standard)
  user:list
  user:disable --login L
  user:password --login L   (le nouveau mot de passe est lu sur l'entrée standard)
  site:list
  audit:verify              (vérifie la chaîne du journal d'audit)
  retention:run [--dry-run] (anonymise les dossiers en fin de conservation, purge le journal d'audit)
  export:imilo --from AAAA-MM-JJ --to AAAA-MM-JJ [--site ID | --adviser ID] --out DOSSIER
            (un CSV par catégorie i-milo et rapport.json ; seul ce qui est nouveau ou modifié)`;

/** Who ran the command, as the system knows them (the command line has no session). */
function operator(): string {
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    return hostname();
  }
}

/** Writes what a command did to the audit log. */
async function audit(
  storage: Storage,
  action: string,
  fields: { documentId?: string; details?: Record<string, unknown> } = {},
): Promise<void> {
  await storage.appendAudit([
    {
      at: systemClock.now().toISOString(),
      userId: null,
      deviceId: null,
      address: CLI_ADDRESS,
      action: `cli:${action}`,
      collection: null,
      documentId: fields.documentId ?? null,
      details: { operator: operator(), ...fields.details },
    },
  ]);
}

async function siteIds(storage: Storage): Promise<Map<string, string>> {
  const rows = await storage.pull('sites', 0, 1000, { all: true });
  return new Map(
    rows
      .filter((r) => !r.document.deleted)
      .map((r) => [r.document.id, String(r.document.data.name)]),
  );
}

async function run(storage: Storage, command: string | undefined, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      login: { type: 'string' },
      role: { type: 'string' },
      sites: { type: 'string' },
      name: { type: 'string' },
      'dry-run': { type: 'boolean' },
      from: { type: 'string' },
      to: { type: 'string' },
      site: { type: 'string' },
      adviser: { type: 'string' },
      out: { type: 'string' },
    },
    allowPositionals: false,
  });
  switch (command) {
    case 'user:create': {
      if (!values.login || !values.role)
        throw new RelaisError('VALIDATION_FAILED', '--login et --role sont obligatoires.');
      if (!isRole(values.role))
        throw new RelaisError('VALIDATION_FAILED', `Rôle inconnu : ${values.role}.`);
      const sites = values.sites
        ? values.sites
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
      const known = await siteIds(storage);
      const unknown = sites.filter((s) => !known.has(s));
      if (unknown.length > 0)
        throw new RelaisError(
          'VALIDATION_FAILED',
          `Site(s) inconnu(s) : ${unknown.join(', ')} (voir site:list).`,
        );
      const password = await readPassword();
      const account = await createAccount(
        storage,
        {
          login: values.login,
          role: values.role,
          siteIds: sites,
          name: values.name ?? values.login,
          password,
        },
        systemClock,
      );
      await audit(storage, command, {
        documentId: account.id,
        details: { login: account.login, role: account.role, siteIds: account.siteIds },
      });
      console.log(`Compte créé : ${account.login} (${account.role}), id ${account.id}`);
      return;
    }
    case 'user:list': {
      await audit(storage, command);
      for (const a of await storage.listAccounts()) {
        console.log(
          [
            a.login.padEnd(20),
            a.role.padEnd(11),
            a.disabled ? 'désactivé' : 'actif    ',
            a.name,
            a.siteIds.join(','),
          ].join('  '),
        );
      }
      return;
    }
    case 'user:disable': {
      if (!values.login) throw new RelaisError('VALIDATION_FAILED', '--login est obligatoire.');
      const account = await setAccountDisabled(storage, values.login, true, systemClock);
      await audit(storage, command, { documentId: account.id, details: { login: account.login } });
      console.log(`Compte désactivé : ${account.login}`);
      return;
    }
    case 'user:password': {
      if (!values.login) throw new RelaisError('VALIDATION_FAILED', '--login est obligatoire.');
      const account = await setAccountPassword(
        storage,
        values.login,
        await readPassword(),
        systemClock,
      );
      await audit(storage, command, { documentId: account.id, details: { login: account.login } });
      console.log(`Mot de passe changé : ${account.login}`);
      return;
    }
    case 'site:list': {
      await audit(storage, command);
      for (const [id, name] of await siteIds(storage)) console.log(`${id}  ${name}`);
      return;
    }
    case 'audit:verify': {
      const result = await verifyAuditLog(storage);
      await audit(storage, command, {
        details: { ok: result.ok, checked: result.checked, brokenAt: result.firstBreak?.seq },
      });
      for (const line of describeVerification(result)) console.log(line);
      if (!result.ok) process.exitCode = 1;
      return;
    }
    case 'retention:run': {
      const config = readConfig();
      const dryRun = values['dry-run'] === true;
      const report = await runRetention(storage, systemClock, {
        inactivityMonths: config.inactivityMonths,
        dryRun,
        address: CLI_ADDRESS,
      });
      for (const line of describeRetention(report, RETENTION_REASON_LABELS)) console.log(line);
      if (!dryRun) {
        const purge = await purgeOldAudit(storage, systemClock, config.auditRetentionMonths);
        console.log(
          `Journal d'audit : ${purge.purged} ligne(s) antérieure(s) au ${purge.before.slice(0, 10)} supprimée(s) (conservation ${config.auditRetentionMonths} mois).`,
        );
      }
      await audit(storage, command, {
        details: { dryRun, dossiers: report.dossiers.length, documents: report.documents },
      });
      return;
    }
    case 'export:imilo': {
      if (!values.out) throw new RelaisError('VALIDATION_FAILED', '--out est obligatoire.');
      const period = periodOf(values);
      const set = setOf({ siteId: values.site, adviserId: values.adviser });
      // The stored documents in today's vocabulary, as the server would have them.
      await migrateVocabulary(storage, systemClock);
      const { report, files } = await runImiloExport(storage, systemClock, {
        period,
        set,
        by: { userId: null, deviceId: null, address: CLI_ADDRESS },
      });
      mkdirSync(values.out, { recursive: true });
      for (const [name, csv] of Object.entries(files)) writeFileSync(join(values.out, name), csv);
      writeFileSync(join(values.out, 'rapport.json'), `${JSON.stringify(report, null, 2)}\n`);
      for (const line of describeImiloReport(report)) console.log(line);
      await audit(storage, command, { details: { exportId: report.exportId } });
      return;
    }
    default:
      throw new RelaisError('VALIDATION_FAILED', USAGE);
  }
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const storage = await openStorage(readConfig());
  try {
    await run(storage, command, args);
  } finally {
    await storage.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
