/**
 * How guessable a password is, by zxcvbn-ts (a maintained TypeScript port of Dropbox's zxcvbn):
 * it recognises common passwords and names (its common and French dictionaries), keyboard
 * patterns, repeats, sequences, dates and l33t substitutions, and the words of the account
 * itself (login, name), and estimates how many guesses an attacker needs. A hand-made list
 * would miss most of them. Server-side only: passwords are set from the command line, and the
 * dictionaries (about 2 MB) stay out of the PWA.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as french from '@zxcvbn-ts/language-fr';

/**
 * zxcvbn's score 4, « very unguessable »: at least 10^10 guesses (about 33 bits), which a
 * password typed at a Mission Locale must reach on top of the CNIL's length and character rules.
 * `Password1234!` is found in 10^5 guesses, `Azerty123456!` and `Aaaaaaaaaaa1!` in 10^8.
 */
export const MIN_GUESSES_LOG10 = 10;

let factory: ZxcvbnFactory | undefined;

function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...french.dictionary },
    graphs: common.adjacencyGraphs,
    translations: french.translations,
  });
  return factory;
}

/** The words of the account a password must not be built on: login, name and their parts. */
function accountWords(userInputs: readonly string[]): string[] {
  const words = new Set<string>();
  for (const input of userInputs) {
    const lower = input.toLowerCase();
    words.add(lower);
    for (const part of lower.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/** True when the password would be found in fewer than 10^10 guesses. */
export function isGuessable(password: string, userInputs: readonly string[] = []): boolean {
  const result = estimator().check(password, accountWords(userInputs));
  return result.guessesLog10 < MIN_GUESSES_LOG10;
}
