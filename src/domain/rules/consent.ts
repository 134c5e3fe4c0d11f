/**
 * The young person's consent when two of their dossiers are merged: never widened by the merge.
 * The most recent choice wins — the one given on the later day of RGPD information — and when
 * that cannot be told (same day, or a date missing), each part is the more restrictive of the
 * two: no libre adhésion and no recontact unless both dossiers say yes. Shared by the server's
 * merge and the siège's preview (src/domain/reconciliation.ts).
 */
import type { Youth } from '../schemas/youth';

export type Consent = NonNullable<Youth['consent']>;

export function mergeConsent(a: Consent | undefined, b: Consent | undefined): Consent | undefined {
  if (!a || !b) return a ?? b;
  const dayA = a.rgpdInformedOn;
  const dayB = b.rgpdInformedOn;
  if (dayA && dayB && dayA !== dayB) return dayA > dayB ? a : b;
  const recontact = a.recontactAgreed === true && b.recontactAgreed === true;
  const informedOn = [dayA, dayB].filter(Boolean).sort().at(-1);
  return {
    freeAdherence: a.freeAdherence && b.freeAdherence,
    ...(informedOn ? { rgpdInformedOn: informedOn } : {}),
    recontactAgreed: recontact,
  };
}
