/**
 * Staff accounts: creation, update, disabling. Each account is mirrored by a `staff` directory
 * document written in the same transaction, so every device learns the names of advisers.
 */
import { newId, newRev } from '../../../src/domain/ids';
import { RelaisError } from '../../../src/domain/errors';
import { ROLES, type Role } from '../../../src/domain/schemas/staff';
import type { Clock } from '../../../src/domain/time';
import type { Account, Storage, StoredDocument } from '../storage/storage';
import { EVERYONE } from '../replication/scope';
import { hashPassword, passwordProblems } from './passwords';

export interface NewAccount {
  login: string;
  name: string;
  role: Role;
  siteIds: string[];
  password: string;
  /** Demo accounts and tests may set the id. */
  id?: string;
}

const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

function staffDocument(account: Account, clock: Clock) {
  return {
    id: account.id,
    rev: newRev(),
    updatedAt: clock.now().toISOString(),
    updatedBy: 'server',
    name: account.name,
    role: account.role,
    siteIds: account.siteIds,
    active: !account.disabled,
  };
}

async function saveAccount(
  storage: Storage,
  account: Account,
  clock: Clock,
): Promise<StoredDocument[]> {
  return storage.write(async (tx) => {
    await tx.upsertAccount(account);
    return tx.putDocuments([
      {
        collection: 'staff',
        id: account.id,
        rev: newRev(),
        deleted: false,
        data: staffDocument(account, clock),
        youthId: null,
        scope: EVERYONE,
        previousScope: null,
        previousData: null,
        writtenBy: 'server',
        deviceId: null,
      },
    ]);
  });
}

function checkPasswordStrength(password: string, account: { login: string; name: string }): void {
  const problems = passwordProblems(password, [account.login, account.name]);
  if (problems.length > 0) {
    throw new RelaisError(
      'VALIDATION_FAILED',
      `Mot de passe trop faible : il faut ${problems.join(', ')}.`,
    );
  }
}

/** Creates an account; refuses a taken login, an unknown role or a weak password (French). */
export async function createAccount(
  storage: Storage,
  input: NewAccount,
  clock: Clock,
  options: {
    checkPassword?: boolean;
    /** The hash of `input.password` when already known (many accounts, one password). */
    passwordHash?: string;
  } = {},
): Promise<Account> {
  const login = input.login.trim().toLowerCase();
  if (!LOGIN_PATTERN.test(login)) {
    throw new RelaisError(
      'VALIDATION_FAILED',
      "L'identifiant doit faire 2 à 40 caractères : lettres minuscules, chiffres, « . », « - » ou « _ ».",
    );
  }
  if (!isRole(input.role)) {
    throw new RelaisError(
      'VALIDATION_FAILED',
      `Rôle inconnu : ${String(input.role)} (attendu : ${ROLES.join(', ')}).`,
    );
  }
  if (options.checkPassword !== false) checkPasswordStrength(input.password, input);
  if (await storage.getAccountByLogin(login)) {
    throw new RelaisError('VALIDATION_FAILED', `L'identifiant « ${login} » existe déjà.`);
  }
  const account: Account = {
    id: input.id ?? newId(),
    login,
    name: input.name.trim() || login,
    role: input.role,
    siteIds: input.siteIds,
    passwordHash: options.passwordHash ?? (await hashPassword(input.password)),
    disabled: false,
    createdAt: clock.now().toISOString(),
  };
  await saveAccount(storage, account, clock);
  return account;
}

export async function setAccountDisabled(
  storage: Storage,
  login: string,
  disabled: boolean,
  clock: Clock,
): Promise<Account> {
  const account = await storage.getAccountByLogin(login.trim().toLowerCase());
  if (!account) throw new RelaisError('NOT_FOUND', `Aucun compte « ${login} ».`);
  const updated = { ...account, disabled };
  await saveAccount(storage, updated, clock);
  return updated;
}

/**
 * A new password set at the siège (forgotten, or compromised). The user's devices keep their
 * data: the next online login re-wraps each device's key (README, Security).
 */
export async function setAccountPassword(
  storage: Storage,
  login: string,
  password: string,
  clock: Clock,
): Promise<Account> {
  const account = await storage.getAccountByLogin(login.trim().toLowerCase());
  if (!account) throw new RelaisError('NOT_FOUND', `Aucun compte « ${login} ».`);
  checkPasswordStrength(password, account);
  const updated = { ...account, passwordHash: await hashPassword(password) };
  await saveAccount(storage, updated, clock);
  return updated;
}
