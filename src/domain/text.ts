/**
 * French text folded for comparison, one way for every search and matcher: what is typed in a
 * hurry rarely has the accents, the case or the hyphens of what is stored.
 */

/** Lower case without accents ("Élodie" → "elodie"); punctuation is kept. */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * Lower case, no accents or ligatures, anything but letters and digits as one space, trimmed:
 * "  Élodie D'Àrc-Lefèvre " → "elodie d arc lefevre", "Cœur" → "coeur".
 */
export function foldText(text: string): string {
  return foldAccents(text)
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
