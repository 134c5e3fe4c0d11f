/**
 * French names: how a young person is named on screen, and how a name is written down before it
 * is compared. What an adviser types on a tablet in
 * the street rarely matches the dossier letter for letter. Accents, case, hyphens, apostrophes
 * and spaces are dropped ("Lou-Anne" = "Louanne", "N'Diaye" = "Ndiaye", "Le Gall" = "Legall"),
 * and the particles "de", "du", "des", "d'" may be present or not ("de Saint-Denis" =
 * "Saint-Denis", "d'Almeida" = "Almeida" = "Dalmeida").
 */
import { foldText } from '../text';

/** "Inès Lefèvre": how a young person is named in lists, cards and messages. */
export function fullName(person: { firstName?: string; lastName?: string }): string {
  return [person.firstName, person.lastName].filter(Boolean).join(' ');
}

/** Particles that are often left out; "le" and "la" are kept ("Le Gall" is not "Gall"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'du', 'des', 'd']);

const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte' };

/** The keys of one name, computed once per dossier. */
export interface NameKeys {
  /** Every token glued together: "le gall" → "legall", "d almeida" → "dalmeida". */
  full: string;
  /** The same without particles: "d almeida" → "almeida". */
  core: string;
  /** The tokens other than particles, for compound names ("boucher", "lemoine"). */
  tokens: string[];
}

export function nameTokens(text: string): string[] {
  const folded = foldText(text);
  return folded ? folded.split(' ').map((token) => ABBREVIATIONS[token] ?? token) : [];
}

export function nameKeys(text: string | undefined): NameKeys | undefined {
  const all = nameTokens(text ?? '');
  if (all.length === 0) return undefined;
  const tokens = all.filter((token) => !NAME_PARTICLES.has(token));
  return { full: all.join(''), core: tokens.join(''), tokens };
}
