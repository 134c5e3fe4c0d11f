import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from './edit-distance';
import { createNameSearch, parseSearch } from './name-search';

const dossiers = [
  { id: 'maelys', firstName: 'Maëlys', lastName: 'Le Guen', birthDate: '2005-03-02' },
  { id: 'kenza', firstName: 'Kenza', lastName: "d'Almeida", birthDate: '2001-02-03' },
  { id: 'lucas-2005', firstName: 'Lucas', lastName: 'Martin', birthDate: '2005' },
  { id: 'lucas-2001', firstName: 'Lucas', lastName: 'Marin', birthDate: '2001-06-01' },
  { id: 'jb', firstName: 'Jean-Baptiste', lastName: 'Lefèvre', birthDate: '2004-07-15' },
  { id: 'aicha', firstName: 'Aïcha', lastName: 'Martin', birthName: 'Haddad' },
];
const index = createNameSearch(dossiers);

function ids(text: string): string[] {
  return index.search(text).map((hit) => hit.candidate.id);
}

describe('searching a young person by name on the device', () => {
  it.each([
    ['maelys leguen', ['maelys']],
    ['LEGUEN Maëlis', ['maelys']],
    ['le guen', ['maelys']],
    ['maël', ['maelys']],
    ['dalmeida', ['kenza']],
    ['almeyda kenza', ['kenza']],
    ['jean baptiste', ['jb']],
    ['lefevre jean-baptiste', ['jb']],
    ['haddad', ['aicha']],
  ])('finds %s', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it('ranks the exact nom before a near one, and uses a birth year to choose', () => {
    expect(ids('martin')).toEqual(['lucas-2005', 'aicha', 'lucas-2001']);
    expect(ids('lucas martin 2005')[0]).toBe('lucas-2005');
    expect(ids('lucas marin 2001')[0]).toBe('lucas-2001');
    expect(index.search('lucas martin 1990').every((hit) => hit.score < 0.6)).toBe(true);
  });

  it('finds nothing for numbers alone or unknown words', () => {
    expect(ids('2005')).toEqual([]);
    expect(ids('zz')).toEqual([]);
    expect(ids('kenza zzzz')).toEqual([]);
  });

  it('reads a birth year among the words, even inside a date', () => {
    expect(parseSearch('Maëlys 12/04/2006')).toEqual({
      words: ['maelys'],
      glued: 'maelys',
      year: 2006,
    });
  });
});

describe('the edit distance', () => {
  it.each([
    ['martin', 'martin', 0],
    ['martin', 'marin', 1],
    ['haddad', 'hadadd', 1],
    ['lefebvre', 'lefebre', 1],
    ['lea', 'eva', 2],
    ['emma', 'nathan', 3],
    ['', 'abc', 3],
  ])('%s → %s: %i', (a, b, expected) => {
    expect(boundedEditDistance(a, b, 2)).toBe(Math.min(expected, 3));
    expect(boundedEditDistance(b, a, 2)).toBe(Math.min(expected, 3));
  });
});
