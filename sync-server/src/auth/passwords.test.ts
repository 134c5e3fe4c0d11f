import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblems, verifyPassword } from './passwords';

describe('password rules', () => {
  it.each(['Password1234!', 'Azerty123456!', 'Aaaaaaaaaaa1!'])(
    'refuses %s: common or guessable, although it mixes the four kinds of characters',
    (password) => {
      expect(passwordProblems(password)).toContain('un mot de passe moins courant ou prévisible');
    },
  );

  it('refuses a password made of the login or the name', () => {
    const inputs = ['camille.martin', 'Camille Martin'];
    expect(passwordProblems('Camille.Martin2026!', inputs)).toContain(
      'un mot de passe moins courant ou prévisible',
    );
  });

  it('accepts a long passphrase and says in French what a short one lacks', () => {
    expect(passwordProblems('Marmotte-Velo-Ciel-42')).toEqual([]);
    expect(passwordProblems('court')).toEqual(
      expect.arrayContaining(['au moins 12 caractères', 'une majuscule', 'un chiffre']),
    );
  });
});

describe('password hashing', () => {
  it('stores scrypt at OWASP’s cost (N = 2^15) and verifies only the right password', async () => {
    const hash = await hashPassword('Relais-Alençon-2026!');
    expect(hash.split('$').slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    expect(await verifyPassword('Relais-Alençon-2026!', hash)).toBe(true);
    expect(await verifyPassword('Relais-Alencon-2026!', hash)).toBe(false);
  });
});
