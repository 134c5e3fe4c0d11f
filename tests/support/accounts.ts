/**
 * Test accounts: advisers of two sites, and direction. All share one valid password, hashed
 * once per test process (scrypt takes about 50 ms a hash, and every test creates them).
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

const sharedHashes = new Map<string, Promise<string>>();

/** The hash of `password` (PASSWORD by default), computed once per test process. */
export function testPasswordHash(password = PASSWORD): Promise<string> {
  if (!sharedHashes.has(password)) sharedHashes.set(password, hashPassword(password));
  return sharedHashes.get(password)!;
}

export async function createTestAccounts(storage: Storage): Promise<void> {
  const options = { passwordHash: await testPasswordHash() };
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
