import { describe, expect, it } from 'vitest';
import { foldAccents, foldText } from './text';

describe('folding French text', () => {
  it('folds accents, case and punctuation', () => {
    expect(foldText("  Élodie D'Àrc-Lefèvre ")).toBe('elodie d arc lefevre');
    expect(foldText('Cœur')).toBe('coeur');
  });

  it('keeps the punctuation when only accents and case are folded', () => {
    expect(foldAccents('Mardi 9 h–12 h')).toBe('mardi 9 h–12 h');
  });
});
