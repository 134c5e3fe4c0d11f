/**
 * Sessions: a random token in an `HttpOnly; SameSite=Strict` cookie; the server keeps only its
 * SHA-256, so a copy of the database cannot be used to log in. A session is bound to the device
 * it was opened on, for the audit log and device revocation.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../../src/domain/time';
import type { Account, Session, Storage } from '../storage/storage';

export const SESSION_COOKIE = 'relais_session';
/** An online login is valid 12 hours: a working day. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export async function openSession(
  storage: Storage,
  account: Account,
  deviceId: string | null,
  clock: Clock,
): Promise<{ token: string; session: Session }> {
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  const session: Session = {
    tokenHash: hashToken(token),
    userId: account.id,
    deviceId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
  };
  await storage.createSession(session);
  return { token, session };
}

/**
 * The live session and account behind a token, or null when absent or expired. A disabled
 * account is returned (the caller refuses it), so its device learns why and wipes its data.
 */
export async function resolveSession(
  storage: Storage,
  token: string | undefined,
  clock: Clock,
): Promise<{ session: Session; account: Account } | null> {
  if (!token) return null;
  const session = await storage.getSession(hashToken(token));
  if (!session) return null;
  if (new Date(session.expiresAt).getTime() <= clock.now().getTime()) {
    await storage.deleteSession(session.tokenHash);
    return null;
  }
  const account = await storage.getAccount(session.userId);
  if (!account) return null;
  return { session, account };
}
