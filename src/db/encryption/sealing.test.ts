import { describe, expect, it } from 'vitest';
import { importAesKey, newKeyMaterial } from './keys';
import { ivOf, openSeal, seal, SEAL_PREFIX, SealError } from './sealing';

const dossier = { lastName: 'Lemarchand', phone: '06 12 34 56 78', rqth: true };

async function refusal(promise: Promise<unknown>): Promise<SealError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SealError);
  return error as SealError;
}

/** The same seal with one byte of its ciphertext changed. */
function tampered(sealed: string): string {
  const bytes = Uint8Array.from(atob(sealed.slice(SEAL_PREFIX.length)), (c) => c.charCodeAt(0));
  bytes[bytes.length - 20]! ^= 0x01;
  return SEAL_PREFIX + btoa(String.fromCharCode(...bytes));
}

describe('sealing a record', () => {
  it('opens with the same key and context, and shows nothing of the record', async () => {
    const key = await importAesKey(newKeyMaterial());
    const sealed = await seal(key, dossier, 'youths/y1');
    expect(sealed).not.toContain('Lemarchand');
    expect(sealed).not.toContain('06 12');
    expect(await openSeal(key, sealed, 'youths/y1')).toEqual(dossier);
  });

  it('refuses a tampered ciphertext with a clear error', async () => {
    const key = await importAesKey(newKeyMaterial());
    const sealed = await seal(key, dossier, 'youths/y1');
    const error = await refusal(openSeal(key, tampered(sealed), 'youths/y1'));
    expect(error.code).toBe('SEAL_REFUSED');
    expect(error.message).toMatch(/clé incorrecte, ou donnée modifiée ou déplacée/);
  });

  it('refuses the wrong key', async () => {
    const sealed = await seal(await importAesKey(newKeyMaterial()), dossier, 'youths/y1');
    const other = await importAesKey(newKeyMaterial());
    expect((await refusal(openSeal(other, sealed, 'youths/y1'))).code).toBe('SEAL_REFUSED');
  });

  it('refuses a seal moved onto another record', async () => {
    const key = await importAesKey(newKeyMaterial());
    const sealed = await seal(key, dossier, 'youths/y1');
    expect((await refusal(openSeal(key, sealed, 'youths/y2'))).code).toBe('SEAL_REFUSED');
  });

  it('refuses what is not a seal', async () => {
    const key = await importAesKey(newKeyMaterial());
    for (const junk of ['{"lastName":"x"}', 'v1:@@@', 'v1:AAAA', 42, undefined]) {
      expect((await refusal(openSeal(key, junk, 'youths/y1'))).code).toBe('SEAL_FORMAT');
    }
  });

  it('never repeats an IV, even for the same record sealed again', async () => {
    const key = await importAesKey(newKeyMaterial());
    const seals = await Promise.all(
      Array.from({ length: 5000 }, () => seal(key, dossier, 'youths/y1')),
    );
    expect(new Set(seals.map(ivOf)).size).toBe(5000);
    expect(new Set(seals).size).toBe(5000);
  });
});
