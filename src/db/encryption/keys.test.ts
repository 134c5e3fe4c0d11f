import { describe, expect, it } from 'vitest';
import {
  derivePasswordKey,
  newKeyMaterial,
  newSalt,
  PBKDF2_ITERATIONS,
  unwrapKeyMaterial,
  wrapKeyMaterial,
} from './keys';
import { SealError } from './sealing';

// Fewer iterations keep the unit tests fast; the app always uses PBKDF2_ITERATIONS.
const FAST = 1_000;

describe('the data key wrapped by the password', () => {
  it('derives with at least the 600,000 PBKDF2-SHA256 iterations OWASP recommends', () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it('unwraps with the right password only', async () => {
    const material = newKeyMaterial();
    const salt = newSalt();
    const wrapped = await wrapKeyMaterial(
      material,
      await derivePasswordKey('Relais-Demo-2026', salt, FAST),
      'user-1',
    );
    const right = await derivePasswordKey('Relais-Demo-2026', salt, FAST);
    expect(await unwrapKeyMaterial(wrapped, right, 'user-1')).toEqual(material);

    const wrong = await derivePasswordKey('Relais-Demo-2025', salt, FAST);
    await expect(unwrapKeyMaterial(wrapped, wrong, 'user-1')).rejects.toBeInstanceOf(SealError);
    // The same password with another salt is another key.
    const otherSalt = await derivePasswordKey('Relais-Demo-2026', newSalt(), FAST);
    await expect(unwrapKeyMaterial(wrapped, otherSalt, 'user-1')).rejects.toBeInstanceOf(SealError);
    // Bound to its user: another user's entry cannot borrow it.
    await expect(unwrapKeyMaterial(wrapped, right, 'user-2')).rejects.toBeInstanceOf(SealError);
  });
});
