/**
 * `npm run admin -- audit:verify`: walks the whole audit log and checks every link of its hash
 * chain (chain.ts). A deleted row shows at the next row, which no longer follows the one before
 * it; an edited row no longer matches its own hash (or, if its hash was recomputed, the next row
 * no longer follows it). The first broken link is reported.
 *
 * What the chain cannot see: rows cut off the end of the log. The last link is printed so that
 * an operator can note it and compare later.
 */
import type { AuditRecord, Storage } from '../storage/storage';
import { auditHash } from './chain';

const PAGE = 5000;

export interface AuditBreak {
  seq: number;
  reason: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Rows whose hash and link were checked. */
  checked: number;
  /** Rows written before the chain existed (no hash): not verifiable. */
  unchained: number;
  firstBreak: AuditBreak | null;
  last: { seq: number; hash: string } | null;
}

/** The hash the oldest kept row chains to, as the purge that removed the rows before it said. */
function purgeAnchors(row: AuditRecord, anchors: Set<string>): void {
  if (row.action !== 'audit-purge') return;
  const anchor = (row.details as { lastHash?: unknown } | undefined)?.lastHash;
  if (typeof anchor === 'string') anchors.add(anchor);
}

export async function verifyAuditLog(storage: Storage): Promise<AuditVerification> {
  let previous: AuditRecord | null = null;
  let firstBreak: AuditBreak | null = null;
  let checked = 0;
  let unchained = 0;
  /** The link the first chained row starts from, when rows before it were purged. */
  let startAnchor: { seq: number; hash: string } | null = null;
  const anchors = new Set<string>();
  let afterSeq = 0;
  for (;;) {
    const page = await storage.readAudit(afterSeq, PAGE);
    for (const row of page) {
      purgeAnchors(row, anchors);
      if (firstBreak) continue;
      if (row.hash === null) {
        if (previous?.hash) firstBreak = { seq: row.seq, reason: 'elle n’a pas d’empreinte' };
        else unchained += 1;
        previous = row;
        continue;
      }
      if (!previous?.hash && row.prevHash !== null)
        startAnchor = { seq: row.seq, hash: row.prevHash };
      if (previous?.hash && row.prevHash !== previous.hash) {
        firstBreak = {
          seq: row.seq,
          reason: `elle ne suit pas la ligne n° ${previous.seq} : une ligne a été supprimée ou modifiée entre elles`,
        };
      } else if (auditHash(row.prevHash, row) !== row.hash) {
        firstBreak = { seq: row.seq, reason: 'son contenu a été modifié' };
      } else {
        checked += 1;
      }
      previous = row;
    }
    if (page.length < PAGE) break;
    afterSeq = page[page.length - 1]!.seq;
  }
  // The oldest row kept must chain to the last row a recorded purge removed.
  if (!firstBreak && startAnchor && !anchors.has(startAnchor.hash)) {
    firstBreak = {
      seq: startAnchor.seq,
      reason: 'les lignes qui la précèdent ont été supprimées sans purge enregistrée',
    };
  }
  const last = previous?.hash ? { seq: previous.seq, hash: previous.hash } : null;
  return { ok: firstBreak === null, checked, unchained, firstBreak, last };
}

/** The report in French, as the command prints it. */
export function describeVerification(result: AuditVerification): string[] {
  const lines: string[] = [];
  if (result.ok) {
    lines.push(`Journal d'audit : ${result.checked} lignes vérifiées, chaîne intacte.`);
  } else {
    const at = result.firstBreak!;
    lines.push(`Journal d'audit : CHAÎNE ROMPUE à la ligne n° ${at.seq} : ${at.reason}.`);
    lines.push(`  ${result.checked} lignes vérifiées avant la rupture.`);
  }
  if (result.unchained > 0) {
    lines.push(`  ${result.unchained} lignes antérieures à la chaîne (non vérifiables).`);
  }
  if (result.last) {
    lines.push(`Dernier maillon : n° ${result.last.seq}, empreinte ${result.last.hash}`);
    lines.push('  (notez-le : une suppression des dernières lignes se verra en le comparant)');
  }
  return lines;
}
