/**
 * A local document of the database (RxDB local-documents plugin) as an observable: the
 * document (or null) now, then again after each write to it, from this tab or another.
 *
 * Why not the plugin's own `db.getLocal$`: it runs an async step for every change event of
 * every collection of the database, so a bulk write of 5,000 documents (a first sync page)
 * spawns 5,000 concurrent inner subscriptions in one rxjs `mergeMap`, and rxjs removes each
 * finished one from an array: quadratic, measured at 1.3 s of a 7 s first sync in Chromium.
 * This looks at whole event bulks and only reads the document when one of them touches it.
 */
import type { RxLocalDocument } from 'rxdb/plugins/local-documents';
import { concatMap, filter, startWith, type Observable } from 'rxjs';
import type { RelaisDatabase } from './database';

export function localDocument$<T>(
  db: RelaisDatabase,
  id: string,
): Observable<RxLocalDocument<unknown, T> | null> {
  return db.eventBulks$.pipe(
    // Database-level local documents are the local bulks without a collection name.
    filter(
      (bulk) =>
        bulk.isLocal &&
        !bulk.collectionName &&
        bulk.events.some((event) => event.documentId === id),
    ),
    startWith(undefined),
    concatMap(() => db.getLocal<T>(id)),
  );
}
