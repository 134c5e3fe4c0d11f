/**
 * Compressed pull pages: a first sync downloads tens of megabytes of JSON (README, Speed), and
 * on a rural 4G link the transfer is the whole cost. Only the routes that ask for it are
 * compressed (`PULL_COMPRESSION`), with Brotli or gzip as the client's `Accept-Encoding` says:
 * - Brotli at quality 4 (the plugin's default; 11 costs ten times the CPU for a few percent)
 *   is preferred, gzip for clients without it; measured by `npm run bench -- compression`.
 * - The SSE stream is never compressed: it is hijacked, and a compressor buffers what it is
 *   given, which would hold back the live events it carries.
 * - Request bodies are not decompressed: a compressed push would escape the body limit.
 */
import fastifyCompress, { type FastifyCompressOptions } from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Below this, a page is sent as it is (headers cost more than the saving). */
const THRESHOLD_BYTES = 1024;

export const PULL_COMPRESSION = {
  encodings: ['br', 'gzip'],
  threshold: THRESHOLD_BYTES,
} satisfies FastifyCompressOptions;

export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    ...PULL_COMPRESSION,
    global: false,
    globalDecompression: false,
  });
}
