/**
 * Sealing with AES-GCM 256 through WebCrypto: what the device stores of a personal record, and
 * how keys are wrapped. Every seal draws a fresh random 96-bit IV (NIST SP 800-38D: random IVs
 * are safe for up to 2^32 seals under one key, far beyond a caseload's life). The seal is bound
 * to a context string (additional authenticated data) — a record's collection and id — so a
 * ciphertext copied onto another record, or altered in any way, fails to open.
 *
 * Format: `v1:` + base64(iv ‖ ciphertext with its 128-bit tag).
 */

export const SEAL_PREFIX = 'v1:';
const IV_BYTES = 12;

export type SealErrorCode = 'SEAL_FORMAT' | 'SEAL_REFUSED';

/** A seal that cannot be opened: not a seal, altered, bound elsewhere, or the wrong key. */
export class SealError extends Error {
  constructor(
    readonly code: SealErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SealError';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The native codec where the browser has it (Chromium 140+), much faster than a loop. */
const native = Uint8Array as unknown as {
  fromBase64?: (text: string) => Uint8Array<ArrayBuffer>;
  prototype: { toBase64?: () => string };
};

export function bytesToBase64(bytes: Uint8Array): string {
  if (native.prototype.toBase64) return (bytes as unknown as { toBase64(): string }).toBase64();
  let binary = '';
  // In slices: String.fromCharCode takes its bytes as arguments, and arguments are limited.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  if (native.fromBase64) return native.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function sealBytes(
  key: CryptoKey,
  plain: Uint8Array<ArrayBuffer>,
  context: string,
): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const cipher = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
    key,
    plain,
  );
  const out = new Uint8Array(IV_BYTES + cipher.byteLength);
  out.set(iv, 0);
  out.set(new Uint8Array(cipher), IV_BYTES);
  return SEAL_PREFIX + bytesToBase64(out);
}

export async function openBytes(
  key: CryptoKey,
  sealed: unknown,
  context: string,
): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof sealed !== 'string' || !sealed.startsWith(SEAL_PREFIX)) {
    throw new SealError('SEAL_FORMAT', 'Donnée chiffrée illisible : format inconnu.');
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = base64ToBytes(sealed.slice(SEAL_PREFIX.length));
  } catch {
    throw new SealError('SEAL_FORMAT', 'Donnée chiffrée illisible : encodage invalide.');
  }
  if (bytes.length < IV_BYTES + 16) {
    throw new SealError('SEAL_FORMAT', 'Donnée chiffrée illisible : trop courte.');
  }
  try {
    const plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: bytes.subarray(0, IV_BYTES),
        additionalData: encoder.encode(context),
      },
      key,
      bytes.subarray(IV_BYTES),
    );
    return new Uint8Array(plain);
  } catch {
    // WebCrypto says only "OperationError": the tag did not verify.
    throw new SealError(
      'SEAL_REFUSED',
      'Donnée chiffrée refusée : clé incorrecte, ou donnée modifiée ou déplacée.',
    );
  }
}

/** Seals a JSON value. */
export function seal(key: CryptoKey, value: unknown, context: string): Promise<string> {
  return sealBytes(key, encoder.encode(JSON.stringify(value)), context);
}

/** Opens a JSON value sealed by `seal` with the same key and context. */
export async function openSeal<T>(key: CryptoKey, sealed: unknown, context: string): Promise<T> {
  return JSON.parse(decoder.decode(await openBytes(key, sealed, context))) as T;
}

/** The IV of a seal (for tests that check IVs never repeat). */
export function ivOf(sealed: string): string {
  return bytesToBase64(base64ToBytes(sealed.slice(SEAL_PREFIX.length)).subarray(0, IV_BYTES));
}
