/**
 * The peer row in the page: PouchDB's `replicate.from` with its defaults (what CHT does) from a
 * PouchDB-protocol server into the browser's IndexedDB, the same documents as the first sync.
 */
import PouchDB from 'pouchdb-browser';

export async function pouchReplicate(
  remoteUrl: string,
): Promise<{ ms: number; documents: number }> {
  const start = performance.now();
  const local = new PouchDB(`peer-${Date.now()}`);
  try {
    await PouchDB.replicate(remoteUrl, local);
  } catch (error) {
    // PouchDB rejects with plain objects (status, reason): make them readable in the bench.
    throw new Error(`PouchDB replication failed: ${JSON.stringify(error)} ${String(error)}`);
  }
  const ms = performance.now() - start;
  const documents = (await local.info()).doc_count;
  await local.destroy();
  return { ms, documents };
}
