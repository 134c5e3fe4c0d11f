/**
 * "C'est peut-être…": how likely two dossiers are the same young person, from the names and the
 * birth date (and the phone, when both have one). The same scorer runs on the tablet before a
 * dossier is created (against the dossiers on the device) and on the server after sync (against
 * every dossier), so both sides agree on what a probable duplicate is.
 *
 * The score (0–1) combines:
 * - the names, compared as written by `names.ts` (accents, hyphens, particles, apostrophes) with
 *   an edit distance for typos; the similarity of two names is 1 − typos / length (at most two
 *   typos count), or 0.8 when one compound name holds all the tokens of the other;
 * - nom and prénom together as a weighted geometric mean (nom 0.55, prénom 0.45), so a different
 *   prénom with the same nom (brothers and sisters) scores low; nom and prénom typed the other
 *   way round count at 0.95; a prénom alone (aller-vers contact without nom) at most 0.7;
 * - the birth date: same day 1; same year with one digit of the day or month mistyped, or day
 *   and month swapped 0.8; same year but another day 0.3; same day and month with one digit of
 *   the year mistyped 0.4; when only the year is known on one side, same year 0.9 and one year
 *   apart 0.5 (a year guessed from an age); the total is 0.7 × names + 0.3 × birth, and a birth that disagrees (0) multiplies it by
 *   0.6; without a birth date on one side, the names alone count at 0.8;
 * - the same phone number halves the remaining doubt.
 */
import { boundedEditDistance, editSimilarity } from './edit-distance';
import { nameKeys, type NameKeys } from './names';

/** From this score a person is offered as "c'est peut-être…" before a new dossier is made. */
export const SUGGESTION_THRESHOLD = 0.6;
/** From this score the server records a probable duplicate for the siège. */
export const PROBABLE_DUPLICATE_THRESHOLD = 0.85;
/**
 * Two people whose birth years are both known and further apart than this never reach
 * PROBABLE_DUPLICATE_THRESHOLD unless they share a phone (their birth then scores at most 0.4, so
 * the total stays at or below 0.82): an index may look only at the dossiers born within this
 * window, those without a birth date and those with the same phone.
 */
export const PROBABLE_DUPLICATE_MAX_YEARS_APART = 1;

const LAST_NAME_WEIGHT = 0.55;
const INVERTED_FACTOR = 0.95;
const FIRST_NAME_ONLY_FACTOR = 0.7;
const COMPOUND_PART_SIMILARITY = 0.8;
const NAME_WEIGHT = 0.7;
const NO_BIRTH_FACTOR = 0.8;
const BIRTH_MISMATCH_FACTOR = 0.6;

/** What the matcher reads of a dossier. */
export interface PersonIdentity {
  firstName: string;
  lastName?: string;
  birthName?: string;
  /** `YYYY-MM-DD` or `YYYY`. */
  birthDate?: string;
  phone?: string;
}

interface BirthDate {
  year: number;
  /** `MMDD` when the whole date is known. */
  monthDay?: string;
  /** `YYYYMMDD`, for digit typos. */
  digits?: string;
}

/** A person with its comparison keys computed once (a few thousand of them on a tablet). */
export interface PreparedPerson {
  first?: NameKeys;
  lasts: NameKeys[];
  /** Every name token, sorted: the same people typed in the wrong fields. */
  bag: string;
  birth?: BirthDate;
  phone?: string;
}

function parseBirth(value: string | undefined): BirthDate | undefined {
  const match = /^(\d{4})(?:-(\d{2})-(\d{2}))?$/.exec(value ?? '');
  if (!match) return undefined;
  if (!match[2]) return { year: Number(match[1]) };
  const monthDay = `${match[2]}${match[3]}`;
  return { year: Number(match[1]), monthDay, digits: `${match[1]}${monthDay}` };
}

/** The last nine digits: "06 39 98 11 11" and "+33 6 39 98 11 11" are the same number. */
function phoneKey(phone: string | undefined): string | undefined {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 9 ? digits.slice(-9) : undefined;
}

export function preparePerson(person: PersonIdentity): PreparedPerson {
  const first = nameKeys(person.firstName);
  const lasts = [nameKeys(person.lastName), nameKeys(person.birthName)].filter(
    (keys): keys is NameKeys => keys !== undefined,
  );
  const tokens = [...(first?.tokens ?? []), ...(lasts[0]?.tokens ?? [])];
  const birth = parseBirth(person.birthDate);
  const phone = phoneKey(person.phone);
  return {
    ...(first ? { first } : {}),
    lasts,
    bag: tokens.length >= 2 ? [...tokens].sort().join(' ') : '',
    ...(birth ? { birth } : {}),
    ...(phone ? { phone } : {}),
  };
}

function containsAll(whole: string[], part: string[]): boolean {
  return part.length > 0 && whole.length > part.length && part.every((t) => whole.includes(t));
}

/** Similarity of two names (0–1), see the header. */
export function nameSimilarity(a: NameKeys | undefined, b: NameKeys | undefined): number {
  if (!a || !b) return 0;
  if (a.full === b.full || (a.core !== '' && a.core === b.core)) return 1;
  let best = editSimilarity(a.full, b.full);
  if (a.core !== a.full || b.core !== b.full) best = Math.max(best, editSimilarity(a.core, b.core));
  if (containsAll(a.tokens, b.tokens) || containsAll(b.tokens, a.tokens)) {
    best = Math.max(best, COMPOUND_PART_SIMILARITY);
  }
  return best;
}

function bestOf(a: NameKeys | undefined, others: NameKeys[]): number {
  let best = 0;
  for (const other of others) best = Math.max(best, nameSimilarity(a, other));
  return best;
}

function bestPair(as: NameKeys[], bs: NameKeys[]): number {
  let best = 0;
  for (const a of as) best = Math.max(best, bestOf(a, bs));
  return best;
}

function bothNames(last: number, first: number): number {
  return last ** LAST_NAME_WEIGHT * first ** (1 - LAST_NAME_WEIGHT);
}

/** Similarity of the names of two people, and whether it came from nom and prénom swapped. */
export function namesScore(
  a: PreparedPerson,
  b: PreparedPerson,
): { score: number; inverted: boolean } {
  if (a.lasts.length > 0 && b.lasts.length > 0) {
    // Lazily: most dossiers share neither nom nor prénom, and a zero ends each product early.
    const last = bestPair(a.lasts, b.lasts);
    const direct = last > 0 ? bothNames(last, nameSimilarity(a.first, b.first)) : 0;
    if (direct >= INVERTED_FACTOR) return { score: direct, inverted: false };
    // Swapped, each side's prénom is compared with the other's nom: an even mean keeps it symmetric.
    const firstAsLast = bestOf(a.first, b.lasts);
    const inverted =
      firstAsLast > 0 ? Math.sqrt(firstAsLast * bestOf(b.first, a.lasts)) * INVERTED_FACTOR : 0;
    const bag = a.bag !== '' && a.bag === b.bag ? INVERTED_FACTOR : 0;
    if (direct >= Math.max(inverted, bag)) return { score: direct, inverted: false };
    return { score: Math.max(inverted, bag), inverted: true };
  }
  // A prénom alone on one side, or both: weaker evidence, whatever the letters.
  const direct = nameSimilarity(a.first, b.first);
  const inverted = Math.max(bestOf(a.first, b.lasts), bestOf(b.first, a.lasts)) * INVERTED_FACTOR;
  // "Inès Lefèvre" typed whole in the prénom field, against a dossier with both names.
  const oneHasNom = a.lasts.length + b.lasts.length > 0;
  if (oneHasNom && a.bag !== '' && a.bag === b.bag)
    return { score: INVERTED_FACTOR, inverted: false };
  return {
    score: Math.max(direct, inverted) * FIRST_NAME_ONLY_FACTOR,
    inverted: inverted > direct,
  };
}

/** Similarity of two birth dates, undefined when one is unknown. */
export function birthScore(a: PreparedPerson, b: PreparedPerson): number | undefined {
  if (!a.birth || !b.birth) return undefined;
  const years = Math.abs(a.birth.year - b.birth.year);
  if (a.birth.monthDay && b.birth.monthDay) {
    const sameDay = a.birth.monthDay === b.birth.monthDay;
    if (years === 0 && sameDay) return 1;
    const oneTypo = boundedEditDistance(a.birth.digits ?? '', b.birth.digits ?? '', 1) <= 1;
    if (years === 0) {
      const swapped = `${b.birth.monthDay.slice(2)}${b.birth.monthDay.slice(0, 2)}`;
      return oneTypo || a.birth.monthDay === swapped ? 0.8 : 0.3;
    }
    return sameDay && oneTypo ? 0.4 : 0;
  }
  if (years === 0) return 0.9;
  return years === 1 ? 0.5 : 0;
}

export interface MatchScore {
  score: number;
  inverted: boolean;
}

/** How likely two prepared people are the same person (symmetric). */
export function comparePeople(a: PreparedPerson, b: PreparedPerson): MatchScore {
  const names = namesScore(a, b);
  const birth = birthScore(a, b);
  let score =
    birth === undefined
      ? names.score * NO_BIRTH_FACTOR
      : NAME_WEIGHT * names.score + (1 - NAME_WEIGHT) * birth;
  if (birth === 0) score *= BIRTH_MISMATCH_FACTOR;
  if (a.phone && a.phone === b.phone) score = 1 - (1 - score) / 2;
  return { score: Math.round(score * 1000) / 1000, inverted: names.inverted };
}

export function scorePeople(a: PersonIdentity, b: PersonIdentity): number {
  return comparePeople(preparePerson(a), preparePerson(b)).score;
}

export interface Match<T> extends MatchScore {
  candidate: T;
}

/** The dossiers of a device (or of the siège), prepared once, to look people up in. */
export interface PeopleIndex<T> {
  size: number;
  /** The candidates scoring at least `minScore`, best first (ties by the index's order). */
  find(person: PersonIdentity, options?: { minScore?: number; limit?: number }): Match<T>[];
}

export function createPeopleIndex<T extends PersonIdentity>(
  candidates: readonly T[],
): PeopleIndex<T> {
  const prepared = candidates.map((candidate) => ({ candidate, keys: preparePerson(candidate) }));
  return {
    size: prepared.length,
    find(person, { minScore = SUGGESTION_THRESHOLD, limit = Infinity } = {}) {
      const query = preparePerson(person);
      if (!query.first && query.lasts.length === 0) return [];
      const matches: Match<T>[] = [];
      for (const { candidate, keys } of prepared) {
        const result = comparePeople(query, keys);
        if (result.score >= minScore) matches.push({ candidate, ...result });
      }
      return matches.sort((a, b) => b.score - a.score).slice(0, limit);
    },
  };
}
