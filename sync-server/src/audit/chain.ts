/**
 * The audit log's tamper evidence (design.md, Security): each row holds the SHA-256 of its own
 * content chained to the hash of the row before it, so a row deleted or edited anywhere in the
 * log — even with the append-only trigger dropped — breaks the chain at the next row, and
 * `npm run admin -- audit:verify` names the first broken link.
 *
 * The hash covers the content, not the row number, so a sequence gap left by a rolled-back
 * transaction is no break. Details are hashed in a canonical JSON (keys sorted), since
 * PostgreSQL's JSONB gives them back in its own key order.
 */
import { createHash } from 'node:crypto';
import type { AuditEntry } from '../storage/storage';

/** JSON with object keys sorted at every level and `undefined` members left out. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hash of a row, chained to the previous row's hash (null for the first row). */
export function auditHash(previousHash: string | null, entry: AuditEntry): string {
  const content = canonicalJson([
    entry.at,
    entry.userId,
    entry.deviceId,
    entry.address,
    entry.action,
    entry.collection,
    entry.documentId,
    entry.youthIds ?? null,
    entry.details ?? null,
  ]);
  return createHash('sha256')
    .update(`${previousHash ?? ''}\n${content}`)
    .digest('hex');
}

/** The links of rows about to be appended after a row whose hash is `previousHash`. */
export function chainLinks(
  previousHash: string | null,
  entries: readonly AuditEntry[],
): { prevHash: string | null; hash: string }[] {
  let previous = previousHash;
  return entries.map((entry) => {
    const hash = auditHash(previous, entry);
    const link = { prevHash: previous, hash };
    previous = hash;
    return link;
  });
}
