/**
 * The keys of a user on a device (design.md, Security):
 * - the data key: 32 random bytes, used as a non-extractable AES-GCM key for every record; it
 *   lives in memory only while Relais is unlocked;
 * - kept on the device only wrapped: by a key derived from the user's password (PBKDF2-SHA256,
 *   600,000 iterations, OWASP's 2023 figure) for offline unlock, and by a recovery key that only
 *   the server holds (returned after a password login), so that a password changed or reset at
 *   the siège re-wraps the key at the next online login instead of losing what was not sent.
 */
import { base64ToBytes, bytesToBase64, openBytes, sealBytes } from './sealing';

export const PBKDF2_ITERATIONS = 600_000;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** Fresh material for a data key or a recovery key. */
export function newKeyMaterial(): Uint8Array<ArrayBuffer> {
  return randomBytes(KEY_BYTES);
}

export function newSalt(): string {
  return bytesToBase64(randomBytes(SALT_BYTES));
}

/** An AES-GCM key from raw material; never extractable, so no script can read it back. */
export function importAesKey(material: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', material, { name: 'AES-GCM' }, false, [
    'encrypt',
    'decrypt',
  ]);
}

/** The key that wraps the data key, derived from the password (the slow step of an unlock). */
export async function derivePasswordKey(
  password: string,
  salt: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: base64ToBytes(salt), iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Wraps key material under another key, bound to `context` (the user it belongs to). */
export function wrapKeyMaterial(
  material: Uint8Array<ArrayBuffer>,
  wrappingKey: CryptoKey,
  context: string,
): Promise<string> {
  return sealBytes(wrappingKey, material, context);
}

/** The key material back; throws a SealError with a wrong password or an altered wrap. */
export function unwrapKeyMaterial(
  wrapped: string,
  wrappingKey: CryptoKey,
  context: string,
): Promise<Uint8Array<ArrayBuffer>> {
  return openBytes(wrappingKey, wrapped, context);
}

export function encodeKeyMaterial(material: Uint8Array): string {
  return bytesToBase64(material);
}

export function decodeKeyMaterial(text: string): Uint8Array<ArrayBuffer> {
  return base64ToBytes(text);
}
