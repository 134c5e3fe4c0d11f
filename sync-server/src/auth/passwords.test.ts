import { describe, expect, it } from 'vitest';
import { passwordProblems } from './passwords';

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
