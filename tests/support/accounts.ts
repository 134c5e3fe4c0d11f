/**
 * Test accounts: advisers of two sites, and direction. All share one valid password, hashed
 * once per test process at a lower scrypt cost (N = 2^10 instead of 2^15): logins verify it by
 * the same code, with the cost read from the hash, in about 2 ms instead of 50–150 ms, and
 * every test logs in. The production cost is tested in sync-server/src/auth/passwords.test.ts;
 * the strength of PASSWORD (a constant that passes it) is not re-checked for every account.
 */
import { createAccount } from '../../sync-server/src/auth/accounts';
import { hashPassword } from '../../sync-server/src/auth/passwords';
import type { Storage } from '../../sync-server/src/storage/storage';
import { systemClock } from '../../src/domain/time';
import { SITE_PERSEIGNE, SITE_SEES } from './builders';

export const PASSWORD = 'Test-Relais-2026!';

export const ADVISER_SEES = {
  id: '0190b000-0000-7000-a000-00000000a001',
  login: 'conseiller.sees',
};
export const ADVISER_SEES_2 = {
  id: '0190b000-0000-7000-a000-00000000a002',
  login: 'conseiller2.sees',
};
export const ADVISER_PERSEIGNE = {
  id: '0190b000-0000-7000-a000-00000000a003',
  login: 'conseiller.perseigne',
};
export const DIRECTION = { id: '0190b000-0000-7000-a000-00000000a004', login: 'direction' };

const TEST_COST = { N: 2 ** 10 };
const sharedHashes = new Map<string, Promise<string>>();

/** The hash of `password` (PASSWORD by default), computed once per test process. */
export function testPasswordHash(password = PASSWORD): Promise<string> {
  if (!sharedHashes.has(password)) sharedHashes.set(password, hashPassword(password, TEST_COST));
  return sharedHashes.get(password)!;
}

export async function createTestAccounts(storage: Storage): Promise<void> {
  const options = { passwordHash: await testPasswordHash(), checkPassword: false };
  await createAccount(
    storage,
    {
      ...ADVISER_SEES,
      name: 'Camille Sées',
      role: 'conseiller',
      siteIds: [SITE_SEES],
      password: PASSWORD,
    },
    systemClock,
    options,
  );
  await createAccount(
    storage,
    {
      ...ADVISER_SEES_2,
      name: 'Lucas Sées',
      role: 'conseiller',
      siteIds: [SITE_SEES],
      password: PASSWORD,
    },
    systemClock,
    options,
  );
  await createAccount(
    storage,
    {
      ...ADVISER_PERSEIGNE,
      name: 'Yacine Perseigne',
      role: 'conseiller',
      siteIds: [SITE_PERSEIGNE],
      password: PASSWORD,
    },
    systemClock,
    options,
  );
  await createAccount(
    storage,
    { ...DIRECTION, name: 'Hélène Direction', role: 'direction', siteIds: [], password: PASSWORD },
    systemClock,
    options,
  );
}
