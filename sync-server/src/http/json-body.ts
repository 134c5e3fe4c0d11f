/**
 * The JSON body parser of every route: Fastify's own (which refuses `__proto__` and
 * `constructor.prototype` keys), after two checks. Bytes that are not UTF-8 would be decoded
 * as U+FFFD and stored as another text (another id) than the one sent: refused. And the nesting depth: What runs after parsing
 * walks bodies recursively (the NUL check, schema validation, the merge, equality), so a body of
 * a few kilobytes nested thousands of levels deep overflowed the stack: a 500 for bad input.
 * No request of the protocol nests more than a dozen levels.
 */
import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { RelaisError } from '../../../src/domain/errors';

export const MAX_JSON_DEPTH = 64;

/** Whether JSON text opens more than `max` arrays or objects inside each other (one pass). */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i += 1; // a backslash escapes the next character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b || code === 0x5b) {
      depth += 1;
      if (depth > max) return true;
    } else if (code === 0x7d || code === 0x5d) {
      depth -= 1;
    }
  }
  return false;
}

export function registerJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, raw, done) => {
    const bytes = raw as Buffer;
    if (!isUtf8(bytes)) {
      done(
        new RelaisError('INVALID_JSON', 'Le texte envoyé n’est pas de l’UTF-8 valide.'),
        undefined,
      );
      return;
    }
    const body = bytes.toString('utf8');
    if (jsonNestsDeeperThan(body, MAX_JSON_DEPTH)) {
      done(
        new RelaisError(
          'INVALID_JSON',
          `Données imbriquées trop profondément (plus de ${MAX_JSON_DEPTH} niveaux).`,
          { maxDepth: MAX_JSON_DEPTH },
        ),
        undefined,
      );
      return;
    }
    parse(request, body, done);
  });
}
