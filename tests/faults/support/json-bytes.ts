/**
 * JSON text with hostile pieces JSON.stringify cannot make: raw text (`1e400`, `-0`, a key
 * written twice, `__proto__` as a real key) and raw bytes (invalid UTF-8), spliced in where a
 * value goes. `toBytes` serialises a value that may hold `Raw` pieces.
 */
export class Raw {
  constructor(readonly bytes: Buffer) {}
}

export const raw = (text: string | Buffer): Raw =>
  new Raw(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);

/** Arrays or objects nested `depth` levels deep, written as text (no recursion). */
export function deepNesting(depth: number, kind: 'array' | 'object'): Raw {
  return kind === 'array'
    ? raw(`${'['.repeat(depth)}1${']'.repeat(depth)}`)
    : raw(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
}

export function toBytes(value: unknown): Buffer {
  const chunks: Buffer[] = [];
  const write = (node: unknown): void => {
    if (node instanceof Raw) {
      chunks.push(node.bytes);
    } else if (Array.isArray(node)) {
      chunks.push(Buffer.from('['));
      node.forEach((item, i) => {
        if (i > 0) chunks.push(Buffer.from(','));
        write(item);
      });
      chunks.push(Buffer.from(']'));
    } else if (node !== null && typeof node === 'object') {
      chunks.push(Buffer.from('{'));
      Object.entries(node).forEach(([key, item], i) => {
        if (i > 0) chunks.push(Buffer.from(','));
        chunks.push(Buffer.from(`${JSON.stringify(key)}:`));
        write(item);
      });
      chunks.push(Buffer.from('}'));
    } else {
      chunks.push(Buffer.from(JSON.stringify(node) ?? 'null'));
    }
  };
  write(value);
  return Buffer.concat(chunks);
}
