/**
 * Edit distance for names: optimal string alignment (Levenshtein plus the swap of two adjacent
 * letters, each counting one). Bounded: beyond `max` the exact value does not matter to the
 * matcher, so it stops early and answers `max + 1`, which keeps a search over thousands of
 * dossiers within a frame.
 */

let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/** Three reusable rows, grown when a longer name comes: no allocation per comparison. */
function rowsFor(width: number): Int32Array[] {
  if (rows[0]!.length < width) rows = rows.map(() => new Int32Array(width * 2));
  return rows;
}

/** Optimal-string-alignment distance between `a` and `b`, or `max + 1` when it exceeds `max`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length);
  const width = b.length + 1;
  // The row before the previous one (for swaps), the previous one and the current one.
  let [before, previous, current] = rowsFor(width) as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      let value = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (ca === cb ? 0 : 1),
      );
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // Row minima never decrease: once all exceed `max`, the distance does too.
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  const distance = previous[b.length]!;
  return distance > max ? max + 1 : distance;
}

/** At most this many typos make two names similar; beyond, they are different names. */
export const MAX_TYPOS = 2;

/** 1 − typos / length of the longer, or 0 beyond `maxTypos` typos or when one side is empty. */
export function editSimilarity(a: string, b: string, maxTypos = MAX_TYPOS): number {
  if (!a || !b) return 0;
  const distance = boundedEditDistance(a, b, maxTypos);
  return distance > maxTypos ? 0 : 1 - distance / Math.max(a.length, b.length);
}
