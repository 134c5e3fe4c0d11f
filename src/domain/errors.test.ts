import { describe, expect, it } from 'vitest';
import { errorSummary, RelaisError } from './errors';

describe('what the console may say of an error', () => {
  it('gives its name and code, never its message or parameters', () => {
    const withRecord = Object.assign(new Error('Conflit sur le dossier de Zéphyrine Quasimodeau'), {
      code: 'CONFLICT',
      parameters: { documentInDb: { lastName: 'Quasimodeau' } },
    });
    expect(errorSummary(withRecord)).toBe('Error CONFLICT');
    expect(errorSummary(new RelaisError('NETWORK'))).toBe('RelaisError NETWORK');
    expect(errorSummary('Quasimodeau')).toBe('string');
  });
});
