/**
 * A young person is never in two dispositifs at once (CEJ and PACEA): the server refuses a
 * dispositif whose dates meet another of the same dossier, as the device's form does
 * (src/domain/rules/dispositif.ts). Records written earlier in the same push count too.
 */
import type { PlainDocument } from '../../../src/domain/merge';
import {
  findOverlappingDispositif,
  type DispositifDates,
} from '../../../src/domain/rules/dispositif';
import type { DocumentWrite, WriteTransaction } from '../storage/storage';

function isLiveDispositif(data: PlainDocument, deleted: boolean): boolean {
  return !deleted && data.kind === 'dispositif';
}

function datesOf(data: PlainDocument): DispositifDates {
  return data as unknown as DispositifDates;
}

export async function overlapsAnotherDispositif(
  tx: WriteTransaction,
  incoming: PlainDocument,
  writtenInBatch: readonly DocumentWrite[],
): Promise<boolean> {
  if (!isLiveDispositif(incoming, incoming._deleted === true)) return false;
  const youthId = typeof incoming.youthId === 'string' ? incoming.youthId : undefined;
  if (!youthId) return false;
  const latest = new Map<string, { data: PlainDocument; deleted: boolean }>();
  for (const attached of await tx.getAttachedDocuments([youthId])) {
    if (attached.collection === 'pathway') latest.set(attached.id, attached);
  }
  for (const write of writtenInBatch) {
    if (write.collection === 'pathway' && write.youthId === youthId) latest.set(write.id, write);
  }
  const others = [...latest.values()]
    .filter(({ data, deleted }) => isLiveDispositif(data, deleted))
    .map(({ data }) => datesOf(data));
  return findOverlappingDispositif(datesOf(incoming), others) !== undefined;
}
