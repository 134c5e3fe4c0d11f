/**
 * An erased dossier stays erased (RGPD art. 17, rights/erasure.ts). A device that was offline
 * during the erasure may still push what it held or typed: an edit of an erased document, or a
 * new document of an erased dossier (a note typed offline). Nothing of it is stored; the device
 * is given the tombstone as the master state, which makes it purge its copy (src/sync).
 */
import type { WireDocument } from '../../../src/domain/collections';
import { newRev } from '../../../src/domain/ids';
import { erasedRev, erasureTombstone, isErasureTombstone } from '../../../src/domain/erasure';
import type { PlainDocument } from '../../../src/domain/merge';
import type { StoredDocument } from '../storage/storage';
import type { PushContext } from './push-context';
import { toWire } from './wire';

/** True when the row is settled by an erasure: nothing to write, the tombstone answered. */
export function settledByErasure(
  ctx: PushContext,
  stored: StoredDocument | undefined,
  incoming: PlainDocument,
  youthId: string | null,
): boolean {
  if (stored && isErasureTombstone(stored.data)) {
    ctx.conflicts.push(toWire(stored));
    return true;
  }
  if (!stored && youthId && ctx.erasedYouths.has(youthId)) {
    const tombstone = erasureTombstone(ctx.collection, incoming, {
      rev: erasedRev(newRev()),
      at: ctx.now.toISOString(),
    });
    ctx.conflicts.push({ ...tombstone, _deleted: true } as WireDocument);
    return true;
  }
  return false;
}
