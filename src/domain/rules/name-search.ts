/**
 * "Retrouver un jeune": a search box that forgives what is typed in a hurry. The words are
 * matched against the prénom, nom and nom de naissance in any order, with accents, hyphens,
 * particles and apostrophes ignored (names.ts), a word typed in part counting as a prefix, and
 * one or two typos forgiven by the edit distance. A 4-digit number is a birth year.
 *
 * Score (0–1): each word finds its best name token (same 1, prefix 0.9, else 1 − typos/length)
 * and the name score is their mean, unless a word finds nothing (then 0); the words glued
 * together are also compared with "prénomnom" and "nomprénom", for "le guen" against "Leguen".
 * A birth year asked for multiplies it by 1 (same year), 0.8 (one year apart), 0.3 (otherwise)
 * or 0.9 (dossier without birth date).
 */
import { editSimilarity } from './edit-distance';
import { NAME_PARTICLES, nameKeys, nameTokens, type NameKeys } from './names';
import type { PersonIdentity } from './matching';

/** Results below this score are not shown. */
export const SEARCH_THRESHOLD = 0.6;
const PREFIX_SIMILARITY = 0.9;
const MIN_PREFIX_LENGTH = 2;

export interface SearchHit<T> {
  candidate: T;
  score: number;
}

interface SearchQuery {
  words: string[];
  glued: string;
  year?: number;
}

interface Searchable<T> {
  candidate: T;
  tokens: string[];
  glued: string[];
  year?: number;
}

export function parseSearch(text: string): SearchQuery | undefined {
  const all = nameTokens(text);
  const yearToken = all.filter((token) => /^\d{4}$/.test(token)).pop();
  const nameWords = all.filter((token) => !/^\d+$/.test(token));
  if (nameWords.length === 0) return undefined;
  const words = nameWords.filter((token) => !NAME_PARTICLES.has(token));
  return {
    words: words.length > 0 ? words : nameWords,
    glued: nameWords.join(''),
    ...(yearToken ? { year: Number(yearToken) } : {}),
  };
}

function prepare<T extends PersonIdentity>(candidate: T): Searchable<T> {
  const first = nameKeys(candidate.firstName);
  const lasts = [nameKeys(candidate.lastName), nameKeys(candidate.birthName)].filter(
    (keys): keys is NameKeys => keys !== undefined,
  );
  const names = first ? [first, ...lasts] : lasts;
  const tokens = new Set(names.flatMap((keys) => [...keys.tokens, keys.full]));
  const glued = lasts.flatMap((last) =>
    first ? [first.full + last.full, last.full + first.full] : [last.full],
  );
  if (first && lasts.length === 0) glued.push(first.full);
  const year = /^(\d{4})/.exec(candidate.birthDate ?? '')?.[1];
  return { candidate, tokens: [...tokens], glued, ...(year ? { year: Number(year) } : {}) };
}

function wordSimilarity(word: string, token: string): number {
  if (word === token) return 1;
  if (word.length >= MIN_PREFIX_LENGTH && token.startsWith(word)) return PREFIX_SIMILARITY;
  return editSimilarity(word, token, word.length <= 4 ? 1 : 2);
}

function nameScore(query: SearchQuery, target: Searchable<unknown>): number {
  let total = 0;
  for (const word of query.words) {
    let best = 0;
    for (const token of target.tokens) best = Math.max(best, wordSimilarity(word, token));
    if (best < SEARCH_THRESHOLD) {
      total = 0;
      break;
    }
    total += best;
  }
  let score = total / query.words.length;
  if (query.words.length > 1) {
    for (const glued of target.glued) score = Math.max(score, editSimilarity(query.glued, glued));
  }
  return score;
}

function yearFactor(query: SearchQuery, target: Searchable<unknown>): number {
  if (query.year === undefined) return 1;
  if (target.year === undefined) return 0.9;
  const apart = Math.abs(query.year - target.year);
  return apart === 0 ? 1 : apart === 1 ? 0.8 : 0.3;
}

export interface NameSearch<T> {
  search(text: string, options?: { limit?: number; minScore?: number }): SearchHit<T>[];
}

/** Prepares the dossiers once; each search then scans them (a few thousand on a tablet). */
export function createNameSearch<T extends PersonIdentity>(
  candidates: readonly T[],
): NameSearch<T> {
  const prepared = candidates.map(prepare);
  return {
    search(text, { limit = 20, minScore = SEARCH_THRESHOLD } = {}) {
      const query = parseSearch(text);
      if (!query) return [];
      const hits: SearchHit<T>[] = [];
      for (const target of prepared) {
        const score =
          Math.round(nameScore(query, target) * yearFactor(query, target) * 1000) / 1000;
        if (score >= minScore) hits.push({ candidate: target.candidate, score });
      }
      return hits.sort((a, b) => b.score - a.score).slice(0, limit);
    },
  };
}
