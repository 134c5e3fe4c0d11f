/**
 * The dossiers of the siège prepared for the matcher, kept in memory so that checking a new
 * dossier against ~10,000 others does not re-read and re-prepare them all at every push.
 *
 * Correct across restarts and processes by construction: before each use, inside the write
 * transaction, the index reads every dossier written after the last `seq` it has seen (storage
 * invariant: seq grows in commit order), whoever wrote it — a push, the demo seed, a merge. A
 * fresh process starts at seq 0 and so loads everything once.
 *
 * Blocking: only the dossiers born within PROBABLE_DUPLICATE_MAX_YEARS_APART of the new one,
 * those without a birth date and those with the same phone are scored; the others cannot reach
 * the threshold (matching.ts states and tests why).
 */
import {
  comparePeople,
  PROBABLE_DUPLICATE_MAX_YEARS_APART,
  preparePerson,
  type PersonIdentity,
  type PreparedPerson,
} from '../../../src/domain/rules/matching';
import type { WriteTransaction, YouthIdentityRow } from '../storage/storage';

export interface IndexedDossier {
  id: string;
  siteId: string | null;
  keys: PreparedPerson;
}

export interface DossierMatch {
  id: string;
  score: number;
}

const NO_YEAR = -1;

function addTo<K>(buckets: Map<K, Set<string>>, key: K, id: string): void {
  let bucket = buckets.get(key);
  if (!bucket) buckets.set(key, (bucket = new Set()));
  bucket.add(id);
}

export class DuplicateIndex {
  private seenSeq = 0;
  private readonly dossiers = new Map<string, IndexedDossier>();
  private readonly byYear = new Map<number, Set<string>>();
  private readonly byPhone = new Map<string, Set<string>>();

  get size(): number {
    return this.dossiers.size;
  }

  /** Absorbs every dossier written since the last call (all of them the first time). */
  async catchUp(tx: WriteTransaction): Promise<void> {
    for (const row of await tx.listYouthIdentities(this.seenSeq)) {
      this.remove(row.id);
      if (row.live) this.add(row);
      this.seenSeq = Math.max(this.seenSeq, row.seq);
    }
  }

  private add(row: YouthIdentityRow): void {
    const keys = preparePerson(row);
    this.dossiers.set(row.id, { id: row.id, siteId: row.siteId, keys });
    addTo(this.byYear, keys.birth?.year ?? NO_YEAR, row.id);
    if (keys.phone) addTo(this.byPhone, keys.phone, row.id);
  }

  private remove(id: string): void {
    const known = this.dossiers.get(id);
    if (!known) return;
    this.dossiers.delete(id);
    this.byYear.get(known.keys.birth?.year ?? NO_YEAR)?.delete(id);
    if (known.keys.phone) this.byPhone.get(known.keys.phone)?.delete(id);
  }

  /** The ids worth scoring against `keys` (see Blocking in the header). */
  private candidateIds(keys: PreparedPerson): Iterable<string> {
    if (!keys.birth) return this.dossiers.keys();
    const ids = new Set<string>(this.byYear.get(NO_YEAR));
    const window = PROBABLE_DUPLICATE_MAX_YEARS_APART;
    for (let year = keys.birth.year - window; year <= keys.birth.year + window; year++) {
      for (const id of this.byYear.get(year) ?? []) ids.add(id);
    }
    for (const id of (keys.phone && this.byPhone.get(keys.phone)) || []) ids.add(id);
    return ids;
  }

  /** Dossiers scoring at least `minScore` against `person`, best first; never `person.id`. */
  find(person: PersonIdentity & { id: string }, minScore: number): DossierMatch[] {
    const keys = preparePerson(person);
    const matches: DossierMatch[] = [];
    for (const id of this.candidateIds(keys)) {
      if (id === person.id) continue;
      const { score } = comparePeople(keys, this.dossiers.get(id)!.keys);
      if (score >= minScore) matches.push({ id, score });
    }
    return matches.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }
}
