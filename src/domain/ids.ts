/** Identifiers made on the device: UUID v7 for documents (time-ordered), v4 for revisions. */
import { v4, v7 } from 'uuid';

export function newId(): string {
  return v7();
}

export function newRev(): string {
  return v4();
}
