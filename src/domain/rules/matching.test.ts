import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createPeopleIndex,
  PROBABLE_DUPLICATE_MAX_YEARS_APART,
  PROBABLE_DUPLICATE_THRESHOLD,
  scorePeople,
  SUGGESTION_THRESHOLD,
  type PersonIdentity,
} from './matching';

function person(
  firstName: string,
  lastName?: string,
  birthDate?: string,
  extra: Partial<PersonIdentity> = {},
): PersonIdentity {
  return {
    firstName,
    ...(lastName !== undefined ? { lastName } : {}),
    ...(birthDate ? { birthDate } : {}),
    ...extra,
  };
}

type Verdict = 'doublon probable' | "c'est peut-être" | 'différent';

function verdict(score: number): Verdict {
  if (score >= PROBABLE_DUPLICATE_THRESHOLD) return 'doublon probable';
  if (score >= SUGGESTION_THRESHOLD) return "c'est peut-être";
  return 'différent';
}

/** Tricky French names as advisers type them, with the score each pair must get. */
const TABLE: [string, PersonIdentity, PersonIdentity, number, Verdict][] = [
  // Writing only: the same person, whatever the accents, hyphens, particles and apostrophes.
  [
    'accents and capitals',
    person('Élodie', 'LEFÈVRE', '2004-09-30'),
    person('elodie', 'Lefevre', '2004-09-30'),
    1,
    'doublon probable',
  ],
  [
    'hyphen or space in a compound prénom',
    person('Lou-Anne', 'Hébert', '2006-01-15'),
    person('Lou Anne', 'Hebert', '2006-01-15'),
    1,
    'doublon probable',
  ],
  [
    'compound prénom glued',
    person('Lou-Anne', 'Hébert', '2006-01-15'),
    person('Louanne', 'Hebert', '2006-01-15'),
    1,
    'doublon probable',
  ],
  [
    '"Le" glued to the nom',
    person('Maëlys', 'Le Guen', '2005-03-02'),
    person('Maelys', 'Leguen', '2005-03-02'),
    1,
    'doublon probable',
  ],
  [
    "particle d' left out",
    person('Kenza', "d'Almeida", '2001-02-03'),
    person('Kenza', 'Almeida', '2001-02-03'),
    1,
    'doublon probable',
  ],
  [
    "particle d' glued",
    person('Kenza', "d'Almeida", '2001-02-03'),
    person('Kenza', 'Dalmeida', '2001-02-03'),
    1,
    'doublon probable',
  ],
  [
    'particle de left out, "St" for "Saint"',
    person('Théo', 'de Saint-Denis', '2001-02-03'),
    person('Theo', 'St Denis', '2001-02-03'),
    1,
    'doublon probable',
  ],
  [
    'particle du left out',
    person('Jade', 'du Bois', '2002-05-06'),
    person('Jade', 'Bois', '2002-05-06'),
    1,
    'doublon probable',
  ],
  [
    "apostrophe of N'Diaye left out",
    person('Fatoumata', "N'Diaye", '2003-08-09'),
    person('Fatoumata', 'Ndiaye', '2003-08-09'),
    1,
    'doublon probable',
  ],
  [
    'typographic apostrophe',
    person('Fatoumata', 'N’Diaye', '2003-08-09'),
    person('Fatoumata', "N'Diaye", '2003-08-09'),
    1,
    'doublon probable',
  ],
  [
    'œ ligature',
    person('Chloé', 'Cœur', '2005-05-05'),
    person('Chloe', 'Coeur', '2005-05-05'),
    1,
    'doublon probable',
  ],
  [
    "nom de naissance against nom d'usage",
    person('Aïcha', 'Martin', '2001-02-03', { birthName: 'Haddad' }),
    person('Aicha', 'Haddad', '2001-02-03'),
    1,
    'doublon probable',
  ],
  // Typos and inversions: still the same person, a little less sure.
  [
    'nom in two words glued, prénom with one letter more',
    person('Mohamed', 'Ben Ali', '2003-01-05'),
    person('Mohammed', 'Benali', '2003-01-05'),
    0.959,
    'doublon probable',
  ],
  [
    'nom and prénom inverted',
    person('Diallo', 'Mamadou', '2003-01-05'),
    person('Mamadou', 'Diallo', '2003-01-05'),
    0.965,
    'doublon probable',
  ],
  [
    'inverted, with the birth year only',
    person('Traoré', 'Ibrahim', '2004'),
    person('Ibrahim', 'Traore', '2004-10-10'),
    0.935,
    'doublon probable',
  ],
  [
    'one letter missing in the nom',
    person('Mathis', 'Lefebvre', '2003-01-05'),
    person('Mathis', 'Lefebre', '2003-01-05'),
    0.95,
    'doublon probable',
  ],
  [
    'two letters swapped in the nom',
    person('Yanis', 'Haddad', '2002-02-02'),
    person('Yanis', 'Hadadd', '2002-02-02'),
    0.933,
    'doublon probable',
  ],
  [
    'one letter wrong in a short prénom',
    person('Léa', 'Martin', '2003-01-05'),
    person('Lia', 'Martin', '2003-01-05'),
    0.883,
    'doublon probable',
  ],
  [
    'compound nom given in part',
    person('Clara', 'Boucher-Lemoine', '2001-02-03'),
    person('Clara', 'Boucher', '2001-02-03'),
    0.919,
    'doublon probable',
  ],
  [
    'Jean for Jean-Baptiste',
    person('Jean', 'Lefèvre', '2004-07-15'),
    person('Jean-Baptiste', 'Lefèvre', '2004-07-15'),
    0.933,
    'doublon probable',
  ],
  [
    'day and month swapped',
    person('Kenza', "d'Almeida", '2001-02-03'),
    person('Kenza', 'Dalmeida', '2001-03-02'),
    0.94,
    'doublon probable',
  ],
  [
    'one digit of the day mistyped',
    person('Nour', 'Benali', '2004-06-12'),
    person('Nour', 'Benali', '2004-06-13'),
    0.94,
    'doublon probable',
  ],
  // Aller-vers contacts: a prénom and a year are only a hint, a shared phone makes it likely.
  [
    'prénom and birth year only',
    person('Inès', undefined, '2006'),
    person('Inès', 'Lefèvre', '2006-04-12'),
    0.76,
    "c'est peut-être",
  ],
  [
    'nom and prénom typed in the prénom field',
    person('Inès Lefèvre'),
    person('Ines', 'Lefevre', '2006-04-12'),
    0.76,
    "c'est peut-être",
  ],
  [
    'prénom only, same phone',
    person('Inès', undefined, '2006', { phone: '06 39 98 11 11' }),
    person('Ines', undefined, '2006', { phone: '+33 6 39 98 11 11' }),
    0.88,
    'doublon probable',
  ],
  // Same name, another person: the birth date decides.
  [
    'one digit of the year mistyped',
    person('Lucas', 'Martin', '2003-01-05'),
    person('Lucas', 'Martin', '2008-01-05'),
    0.82,
    "c'est peut-être",
  ],
  [
    'same name, same year, another day',
    person('Lucas', 'Martin', '2005-03-02'),
    person('Lucas', 'Martin', '2005-11-20'),
    0.79,
    "c'est peut-être",
  ],
  [
    'same name, no birth date on one side',
    person('Lucas', 'Martin'),
    person('Lucas', 'Martin', '2005-11-20'),
    0.8,
    "c'est peut-être",
  ],
  [
    'same name, born years apart',
    person('Lucas', 'Martin', '2001-03-02'),
    person('Lucas', 'Martin', '2005-11-20'),
    0.42,
    'différent',
  ],
  [
    'brother and sister',
    person('Inès', 'Martin', '2003-01-05'),
    person('Léa', 'Martin', '2003-06-05'),
    0.24,
    'différent',
  ],
  [
    'twins',
    person('Lucas', 'Martin', '2003-01-05'),
    person('Hugo', 'Martin', '2003-01-05'),
    0.3,
    'différent',
  ],
  [
    'two strangers born the same day',
    person('Emma', 'Dubois', '2004-07-15'),
    person('Nathan', 'Garcia', '2004-07-15'),
    0.3,
    'différent',
  ],
];

describe('the matcher on tricky French names', () => {
  it.each(TABLE)('%s', (_label, a, b, expected, expectedVerdict) => {
    const score = scorePeople(a, b);
    expect(score).toBeCloseTo(expected, 3);
    expect(verdict(score)).toBe(expectedVerdict);
    // Whichever dossier came first, the score is the same.
    expect(scorePeople(b, a)).toBe(score);
  });
});

const nameArbitrary = fc.stringMatching(/^[A-Za-zÀ-ÿ' -]{1,20}$/);
const personArbitrary = fc.record(
  {
    firstName: nameArbitrary,
    lastName: nameArbitrary,
    birthName: nameArbitrary,
    birthDate: fc.oneof(
      fc.integer({ min: 1990, max: 2012 }).map(String),
      fc
        .date({ min: new Date('1990-01-01'), max: new Date('2012-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
    ),
    phone: fc.stringMatching(/^0[67]( \d\d){4}$/),
  },
  { requiredKeys: ['firstName'] },
);

describe('the matcher, for any people', () => {
  it('is symmetric and stays within 0–1', () => {
    fc.assert(
      fc.property(personArbitrary, personArbitrary, (a, b) => {
        const score = scorePeople(a, b);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(scorePeople(b, a)).toBe(score);
      }),
    );
  });

  it('scores a complete dossier against itself as certain', () => {
    fc.assert(
      fc.property(
        personArbitrary.filter(
          (p) =>
            /[a-z]/i.test(p.firstName) &&
            /[a-z]/i.test(p.lastName ?? '') &&
            p.birthDate?.length === 10,
        ),
        (p) => {
          expect(scorePeople(p, p)).toBe(1);
        },
      ),
    );
  });
});

describe('looking a person up among the dossiers of a device', () => {
  const dossiers = [
    { id: 'a', ...person('Maëlys', 'Le Guen', '2005-03-02') },
    { id: 'b', ...person('Maëlys', 'Lefèvre', '2005-07-19') },
    { id: 'c', ...person('Kenza', "d'Almeida", '2001-02-03') },
    { id: 'd', ...person('Lucas', 'Martin', '1999-01-01') },
  ];
  const index = createPeopleIndex(dossiers);

  it('offers the likely people, best first, and nobody else', () => {
    const matches = index.find(person('Maelys', 'Leguenn', '2005'));
    expect(matches.map((m) => m.candidate.id)).toEqual(['a']);
    expect(matches[0]!.score).toBeGreaterThanOrEqual(PROBABLE_DUPLICATE_THRESHOLD);
  });

  it('offers every Maëlys born that year for a prénom alone, and says which came inverted', () => {
    expect(index.find(person('Maëlys', undefined, '2005')).map((m) => m.candidate.id)).toEqual([
      'a',
      'b',
    ]);
    const [inverted] = index.find(person('Almeida', 'Kenza', '2001-02-03'));
    expect(inverted).toMatchObject({ candidate: { id: 'c' }, inverted: true });
  });

  it('finds nothing for an empty name and respects the limit', () => {
    expect(index.find(person('  ', undefined, '2005'))).toEqual([]);
    expect(index.find(person('Maëlys', undefined, '2005'), { limit: 1 })).toHaveLength(1);
  });
});

describe('the window of birth years a duplicate index may look in', () => {
  it('never lets people born further apart reach a probable duplicate without a shared phone', () => {
    fc.assert(
      fc.property(
        personArbitrary,
        personArbitrary,
        fc.integer({ min: PROBABLE_DUPLICATE_MAX_YEARS_APART + 1, max: 20 }),
        (a, b, apart) => {
          fc.pre(!!a.birthDate && (a.phone === undefined || a.phone !== b.phone));
          const year = Number(a.birthDate!.slice(0, 4)) + apart;
          // Same names, a birth date that keeps everything but the year: the worst case.
          const shifted = { ...a, phone: b.phone, birthDate: `${year}${a.birthDate!.slice(4)}` };
          expect(scorePeople(a, shifted)).toBeLessThan(PROBABLE_DUPLICATE_THRESHOLD);
        },
      ),
    );
  });
});
