/**
 * `npm run admin -- <command>`: accounts and sites from the command line, so a fresh install can
 * create its first admin. Honours RELAIS_DATA_DIR and DATABASE_URL like the server.
 *
 *   user:create --login L --role R [--sites S1,S2] [--name "Nom"]   (password on standard input)
 *   user:list
 *   user:disable --login L
 *   user:password --login L                                          (password on standard input)
 *   site:list
 */
import { parseArgs } from 'node:util';
import { RelaisError } from '../../../src/domain/errors';
import { systemClock } from '../../../src/domain/time';
import { createAccount, isRole, setAccountDisabled, setAccountPassword } from '../auth/accounts';
import { readConfig } from '../config';
import { openStorage } from '../storage/open';
import type { Storage } from '../storage/storage';
import { readPassword } from './read-password';

const USAGE = `Usage : npm run admin -- <commande>
  user:create --login L --role conseiller|accueil|direction|admin [--sites ID1,ID2] [--name "Nom"]
              (le mot de passe est lu sur l'entrée standard)
  user:list
  user:disable --login L
  user:password --login L   (le nouveau mot de passe est lu sur l'entrée standard)
  site:list`;

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
      console.log(`Compte créé : ${account.login} (${account.role}), id ${account.id}`);
      return;
    }
    case 'user:list': {
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
      console.log(`Mot de passe changé : ${account.login}`);
      return;
    }
    case 'site:list': {
      for (const [id, name] of await siteIds(storage)) console.log(`${id}  ${name}`);
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
