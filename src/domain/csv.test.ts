import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV for i-milo', () => {
  it('starts with a BOM, separates with ; and quotes what needs it', () => {
    const csv = toCsv(
      ['Nom', 'Précision'],
      [
        ['Le Goff; dit "Jo"', 'ligne 1\nligne 2'],
        [' x', 3],
      ],
    );
    expect(csv).toBe(
      '\uFEFFNom;Précision\r\n"Le Goff; dit ""Jo""";"ligne 1\nligne 2"\r\n" x";3\r\n',
    );
  });
});
