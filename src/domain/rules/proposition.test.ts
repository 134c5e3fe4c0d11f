import { describe, expect, it } from 'vitest';
import { PROPOSITION_RESULTS } from '../schemas/pathway';
import { canTransition, isValidInitialResult, nextResults } from './proposition';

describe('proposition state machine', () => {
  it('allows en attente → acceptée / refusée, and acceptée → réalisée / abandonnée', () => {
    expect(nextResults('en-attente')).toEqual(['acceptee', 'refusee-jeune', 'refusee-tiers']);
    expect(canTransition('acceptee', 'realisee')).toBe(true);
    expect(canTransition('acceptee', 'abandonnee')).toBe(true);
  });

  it('refuses every other transition, and final states are final', () => {
    expect(canTransition('en-attente', 'realisee')).toBe(false);
    expect(canTransition('refusee-jeune', 'acceptee')).toBe(false);
    for (const to of PROPOSITION_RESULTS) {
      if (to !== 'realisee') expect(canTransition('realisee', to)).toBe(false);
    }
  });

  it('starts en attente', () => {
    expect(isValidInitialResult('en-attente')).toBe(true);
    expect(isValidInitialResult('acceptee')).toBe(false);
  });
});
