/**
 * The little of PouchDB and express-pouchdb the bench's peer row uses (they ship no types;
 * bench only, never in the app).
 */
declare module 'pouchdb-core' {
  interface PouchDatabase {
    bulkDocs(docs: object[]): Promise<unknown>;
    info(): Promise<{ doc_count: number }>;
    destroy(): Promise<void>;
  }
  interface PouchStatic {
    new (name: string, options?: object): PouchDatabase;
    plugin(plugin: unknown): PouchStatic;
    defaults(options: object): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-adapter-memory';
declare module 'pouchdb-mapreduce';
declare module 'pouchdb-replication';
declare module 'express-pouchdb' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  export default function expressPouchDb(
    pouch: unknown,
    options?: object,
  ): (request: IncomingMessage, response: ServerResponse) => void;
}
declare module 'pouchdb-browser' {
  interface PouchDatabase {
    info(): Promise<{ doc_count: number }>;
    destroy(): Promise<void>;
  }
  interface PouchStatic {
    new (name: string, options?: object): PouchDatabase;
    replicate(source: string, target: PouchDatabase): Promise<{ docs_written: number }>;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}
