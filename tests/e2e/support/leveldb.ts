/**
 * The blocks of a LevelDB table file (`*.ldb`), decompressed: Chromium keeps IndexedDB and
 * Local Storage in LevelDB, which Snappy-compresses most table blocks, so a plain search of the
 * file misses most of what it holds. Format: https://github.com/google/leveldb/blob/main/doc/table_format.md
 */
import { snappyDecompress } from './snappy';

const FOOTER_BYTES = 48;
const TRAILER_BYTES = 5;
const SNAPPY = 1;

interface BlockHandle {
  offset: number;
  size: number;
}

function varint(buf: Uint8Array, pos: number): [number, number] {
  let value = 0;
  for (let shift = 0; pos < buf.length; shift += 7) {
    const byte = buf[pos++]!;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, pos];
  }
  throw new Error('truncated varint');
}

function handleAt(buf: Uint8Array, pos: number): [BlockHandle, number] {
  const [offset, afterOffset] = varint(buf, pos);
  const [size, next] = varint(buf, afterOffset);
  return [{ offset, size }, next];
}

function readBlock(file: Uint8Array, handle: BlockHandle): Uint8Array {
  const contents = file.subarray(handle.offset, handle.offset + handle.size);
  const type = file[handle.offset + handle.size];
  if (type !== SNAPPY) return contents;
  const decoded = snappyDecompress(contents);
  if (!decoded) throw new Error(`invalid snappy block at ${handle.offset}`);
  return decoded;
}

/** The values of a block's entries are block handles (an index block). */
function handlesOf(block: Uint8Array): BlockHandle[] {
  const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
  const restarts = view.getUint32(block.length - 4, true);
  const end = block.length - 4 * (restarts + 1);
  const handles: BlockHandle[] = [];
  let pos = 0;
  while (pos < end) {
    const [, afterShared] = varint(block, pos);
    const [unshared, afterUnshared] = varint(block, afterShared);
    const [valueLength, afterValueLength] = varint(block, afterUnshared);
    const valueStart = afterValueLength + unshared;
    handles.push(handleAt(block, valueStart)[0]);
    pos = valueStart + valueLength;
  }
  return handles;
}

/** Every block of the table (data, index, meta), as its bytes once decompressed. */
export function tableBlocks(file: Uint8Array): Uint8Array[] {
  if (file.length < FOOTER_BYTES) return [];
  const footer = file.length - FOOTER_BYTES;
  const [metaIndex, afterMeta] = handleAt(file, footer);
  const [index] = handleAt(file, afterMeta);
  const indexBlock = readBlock(file, index);
  const blocks = [readBlock(file, metaIndex), indexBlock];
  for (const handle of handlesOf(indexBlock)) {
    if (handle.offset + handle.size + TRAILER_BYTES <= file.length)
      blocks.push(readBlock(file, handle));
  }
  return blocks;
}
