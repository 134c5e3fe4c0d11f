/**
 * The peer of the first-sync rows: a PouchDB-protocol (CouchDB) server on loopback —
 * express-pouchdb over an in-memory PouchDB, a development dependency of the bench only —
 * holding the same documents as the adviser's chunks, one database as CHT keeps it, and serving
 * the bench page, which replicates from it with PouchDB's defaults (browser/peer.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import expressPouchDb from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';
import type { ChunkManifest } from './first-sync-data';

const DB_NAME = 'caseload';
const LOAD_BATCH = 1000;

export async function startPouchServer(
  pageDir: string,
  manifest: ChunkManifest,
): Promise<{ url: string; dbUrl: string; close(): Promise<void> }> {
  const MemoryPouch = PouchDB.plugin(httpAdapter)
    .plugin(memoryAdapter)
    .plugin(mapreduce)
    .plugin(replication)
    .defaults({ adapter: 'memory' });
  const pouchApp = expressPouchDb(MemoryPouch, { mode: 'minimumForPouchDB', logPath: '/dev/null' });
  // The bench page and its chunks are served here too: the page and its CouchDB share an
  // origin, so no CORS (the Relais server's CSP would refuse another origin anyway).
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0]!;
    if (path.startsWith(`/${DB_NAME}`) || path.startsWith('/_')) return pouchApp(request, response);
    const file = join(pageDir, path === '/' ? 'index.html' : normalize(path).replace(/^\/+/, ''));
    if (!file.startsWith(pageDir) || !existsSync(file)) return void response.writeHead(404).end();
    const type = file.endsWith('.js')
      ? 'text/javascript'
      : file.endsWith('.html')
        ? 'text/html'
        : 'application/json';
    response.writeHead(200, { 'content-type': type }).end(readFileSync(file));
  };
  const db = new MemoryPouch(DB_NAME);
  for (const chunk of manifest.chunks) {
    const documents = JSON.parse(readFileSync(join(pageDir, chunk.file), 'utf8')) as {
      id: string;
      _deleted?: boolean;
    }[];
    // PouchDB refuses unknown underscore fields: the wire's `_deleted: false` goes.
    const docs = documents.map((doc) => {
      const { _deleted: deleted, ...rest } = doc;
      void deleted;
      return { ...rest, _id: doc.id, type: chunk.collection };
    });
    for (let i = 0; i < docs.length; i += LOAD_BATCH) {
      await db.bulkDocs(docs.slice(i, i + LOAD_BATCH));
    }
  }
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dbUrl: `http://127.0.0.1:${port}/${DB_NAME}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
