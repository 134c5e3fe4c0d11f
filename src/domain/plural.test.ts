import { describe, expect, it } from 'vitest';
import { counted, plural } from './plural';

describe('French plural agreement', () => {
  it('keeps 0 and 1 singular, and agrees from 2', () => {
    expect(counted(0, 'dossier')).toBe('0 dossier');
    expect(counted(1, 'dossier')).toBe('1 dossier');
    expect(counted(2, 'dossier')).toBe('2 dossiers');
  });

  it('takes an irregular plural', () => {
    expect(counted(2, 'modification non envoyée', 'modifications non envoyées')).toBe(
      '2 modifications non envoyées',
    );
    expect(plural(3, 'attend', 'attendent')).toBe('attendent');
  });
});
