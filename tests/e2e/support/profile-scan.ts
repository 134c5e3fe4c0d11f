/**
 * Searches a whole Chromium profile folder for values that must not be there (issue 11): every
 * file as it is, every LevelDB table (IndexedDB, Local Storage, Session Storage) block by block
 * once Snappy-decompressed, and every IndexedDB value Chromium compressed itself (marked
 * `FF 11 02`, Blink's IDBValueWrapper). Each needle is searched in UTF-8, Latin-1 (V8's one-byte
 * strings) and UTF-16LE (V8's two-byte strings, Chromium's pickled session strings).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tableBlocks } from './leveldb';
import { snappyDecompress } from './snappy';

export type Encoding = 'utf8' | 'latin1' | 'utf16le';

export interface Needle {
  name: string;
  /** A string, or raw bytes (a V8-serialised `key: true`). */
  value: string | Uint8Array;
}

export interface Hit {
  needle: string;
  encoding: Encoding | 'bytes';
  file: string;
  /** Where it was seen: the file as is, a decompressed table block, a decompressed value. */
  layer: 'raw' | 'leveldb-block' | 'idb-value';
}

export interface ScanReport {
  files: number;
  bytes: number;
  decompressedBlocks: number;
  decompressedValues: number;
  hits: Hit[];
}

/** Blink's marker of an IndexedDB value compressed with Snappy. */
const COMPRESSED_VALUE = Buffer.from([0xff, 0x11, 0x02]);

function encodings(value: string | Uint8Array): [Encoding | 'bytes', Buffer][] {
  if (typeof value !== 'string') return [['bytes', Buffer.from(value)]];
  const forms: [Encoding | 'bytes', Buffer][] = [
    ['utf8', Buffer.from(value, 'utf8')],
    ['utf16le', Buffer.from(value, 'utf16le')],
  ];
  if ([...value].every((c) => c.charCodeAt(0) < 256))
    forms.push(['latin1', Buffer.from(value, 'latin1')]);
  return forms;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return [];
    return stat.isDirectory() ? filesUnder(path) : stat.isFile() ? [path] : [];
  });
}

function compressedValues(data: Buffer): Uint8Array[] {
  const values: Uint8Array[] = [];
  for (
    let at = data.indexOf(COMPRESSED_VALUE);
    at !== -1;
    at = data.indexOf(COMPRESSED_VALUE, at + 1)
  ) {
    const decoded = snappyDecompress(data, at + COMPRESSED_VALUE.length, 16 * 1024 * 1024);
    if (decoded) values.push(decoded);
  }
  return values;
}

export function scanProfile(profileDir: string, needles: Needle[]): ScanReport {
  const forms = needles.flatMap((needle) =>
    encodings(needle.value).map(([encoding, bytes]) => ({ needle: needle.name, encoding, bytes })),
  );
  const report: ScanReport = {
    files: 0,
    bytes: 0,
    decompressedBlocks: 0,
    decompressedValues: 0,
    hits: [],
  };
  const search = (data: Buffer, file: string, layer: Hit['layer']) => {
    for (const form of forms) {
      if (data.includes(form.bytes))
        report.hits.push({ needle: form.needle, encoding: form.encoding, file, layer });
    }
  };
  for (const path of filesUnder(profileDir)) {
    const file = relative(profileDir, path);
    const data = readFileSync(path);
    report.files += 1;
    report.bytes += data.length;
    search(data, file, 'raw');
    const layers: Buffer[] = [data];
    if (path.endsWith('.ldb')) {
      for (const block of tableBlocks(data)) {
        report.decompressedBlocks += 1;
        const buffer = Buffer.from(block.buffer, block.byteOffset, block.byteLength);
        search(buffer, file, 'leveldb-block');
        layers.push(buffer);
      }
    }
    for (const layer of layers) {
      for (const value of compressedValues(layer)) {
        report.decompressedValues += 1;
        search(Buffer.from(value.buffer, value.byteOffset, value.byteLength), file, 'idb-value');
      }
    }
  }
  return report;
}

/** V8's serialisation of a property `key: true` (a one-byte string key, then `T`). */
export function v8TrueProperty(key: string): Uint8Array {
  return Uint8Array.from([0x22, key.length, ...Buffer.from(key, 'latin1'), 0x54]);
}
