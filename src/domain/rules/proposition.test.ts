import { describe, expect, it } from 'vitest';
import { PROPOSITION_RESULTS } from '../schemas/pathway';
import {
  canReach,
  canTransition,
  furthestResult,
  isAllowedPropositionMove,
  isValidInitialResult,
  nextResults,
} from './proposition';

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

describe('results reached on two devices', () => {
  it('keeps the further result when one lies on the path to the other', () => {
    expect(canReach('en-attente', 'realisee')).toBe(true);
    expect(canReach('realisee', 'acceptee')).toBe(false);
    expect(furthestResult('acceptee', 'realisee')).toBe('realisee');
    expect(furthestResult('realisee', 'en-attente')).toBe('realisee');
  });

  it('finds no common result on two branches of the state machine', () => {
    expect(furthestResult('acceptee', 'refusee-jeune')).toBeUndefined();
    expect(furthestResult('realisee', 'abandonnee')).toBeUndefined();
  });
});

describe('a written move against the state it was written from', () => {
  it('allows several moves made offline between two syncs, never going back or unset', () => {
    expect(isAllowedPropositionMove('en-attente', 'realisee', false)).toBe(true);
    expect(isAllowedPropositionMove('realisee', 'acceptee', false)).toBe(false);
    expect(isAllowedPropositionMove('acceptee', undefined, false)).toBe(false);
    expect(isAllowedPropositionMove(undefined, 'acceptee', false)).toBe(true);
  });

  it('lets a new proposition hold any result reachable from en attente', () => {
    expect(isAllowedPropositionMove(undefined, 'realisee', true)).toBe(true);
    expect(isAllowedPropositionMove('realisee', undefined, true)).toBe(true);
    expect(isAllowedPropositionMove(undefined, undefined, true)).toBe(true);
  });
});
