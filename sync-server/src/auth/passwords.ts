/**
 * Password hashing with scrypt (node:crypto) and the CNIL's rules for a password-only login
 * (délibération 2022-100): at least 12 characters mixing upper case, lower case, digits and
 * special characters — and, since those four rules alone let `Password1234!` through, not
 * common or guessable (password-strength.ts).
 */
import { isGuessable } from './password-strength';
import {
  randomBytes,
  scrypt as scryptCallback,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto';

const KEY_LENGTH = 32;
/** N = 2^15, r = 8, p = 1: OWASP's floor for scrypt, about 50 ms here. */
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password, salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * `scrypt$N$r$p$salt$hash`, base64 parts. The cost is stored with the hash and read back when a
 * password is verified; `cost` is lowered only by the tests' accounts (tests/support/accounts.ts).
 */
export async function hashPassword(
  password: string,
  cost: Pick<ScryptOptions, 'N'> = PARAMS,
): Promise<string> {
  const params = { ...PARAMS, N: cost.N ?? PARAMS.N };
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, params);
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export const MIN_PASSWORD_LENGTH = 12;

/**
 * French reasons why a password is refused; empty when it is acceptable. `userInputs` are the
 * account's own words (login, name), which the password must not be built on.
 */
export function passwordProblems(password: string, userInputs: readonly string[] = []): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) {
    problems.push(`au moins ${MIN_PASSWORD_LENGTH} caractères`);
  }
  if (!/[A-Z]/.test(password)) problems.push('une majuscule');
  if (!/[a-z]/.test(password)) problems.push('une minuscule');
  if (!/\d/.test(password)) problems.push('un chiffre');
  if (!/[^A-Za-z0-9]/.test(password)) problems.push('un caractère spécial');
  if (problems.length === 0 && isGuessable(password, userInputs)) {
    problems.push('un mot de passe moins courant ou prévisible');
  }
  return problems;
}
