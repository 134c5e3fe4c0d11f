/**
 * Whether the data a screen counts is still arriving in the device's first download: a count or
 * a column that depends on an unfinished collection says « téléchargement en cours » instead of
 * a figure that would look final.
 */
import type { CollectionName } from '../domain/collections';
import { useAppStore } from '../stores/store';

/** True while any of `collections` has not been downloaded to the end once. */
export function useDownloading(...collections: CollectionName[]): boolean {
  const key = collections.join(',');
  return useAppStore(
    (s) => s.sync.firstDownload?.unfinished.some((name) => key.split(',').includes(name)) ?? false,
  );
}

/** The words a count shows meanwhile. */
export const DOWNLOADING_TEXT = 'téléchargement en cours';
