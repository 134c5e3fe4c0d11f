/**
 * Snappy's raw format, decoded (https://github.com/google/snappy/blob/main/format_description.txt)
 * for the profile scan: LevelDB compresses its table blocks with it, and Chromium compresses
 * large IndexedDB values with it. Unlike the npm decoders, this one stops once it has produced
 * the length the stream declares, so it can decode a value embedded in a larger record whose
 * end it does not know; it answers null on anything that is not a valid stream.
 */

function readVarint(input: Uint8Array, start: number): { value: number; next: number } | null {
  let value = 0;
  for (let i = 0, pos = start; i < 5 && pos < input.length; i++, pos++) {
    const byte = input[pos]!;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) return { value, next: pos + 1 };
  }
  return null;
}

function littleEndian(input: Uint8Array, pos: number, bytes: number): number {
  let value = 0;
  for (let i = 0; i < bytes; i++) value += input[pos + i]! * 2 ** (8 * i);
  return value;
}

/** The decompressed bytes, or null; `maxLength` guards against absurd declared lengths. */
export function snappyDecompress(
  input: Uint8Array,
  start = 0,
  maxLength = 64 * 1024 * 1024,
): Uint8Array | null {
  const header = readVarint(input, start);
  if (!header || header.value > maxLength) return null;
  const out = new Uint8Array(header.value);
  let pos = header.next;
  let written = 0;
  while (written < out.length) {
    if (pos >= input.length) return null;
    const tag = input[pos++]!;
    const kind = tag & 3;
    if (kind === 0) {
      let length = (tag >> 2) + 1;
      if (length > 60) {
        const extra = length - 60;
        if (pos + extra > input.length) return null;
        length = littleEndian(input, pos, extra) + 1;
        pos += extra;
      }
      if (pos + length > input.length || written + length > out.length) return null;
      out.set(input.subarray(pos, pos + length), written);
      pos += length;
      written += length;
      continue;
    }
    let length: number;
    let offset: number;
    if (kind === 1) {
      if (pos >= input.length) return null;
      length = ((tag >> 2) & 7) + 4;
      offset = ((tag >> 5) << 8) | input[pos++]!;
    } else {
      const bytes = kind === 2 ? 2 : 4;
      if (pos + bytes > input.length) return null;
      length = (tag >> 2) + 1;
      offset = littleEndian(input, pos, bytes);
      pos += bytes;
    }
    if (offset === 0 || offset > written || written + length > out.length) return null;
    // Byte by byte: a copy may overlap what it writes (run-length encoding).
    for (let i = 0; i < length; i++, written++) out[written] = out[written - offset]!;
  }
  return out;
}
