/** Reads a password from standard input: the first line, piped or typed (echo is not hidden). */
import { createInterface } from 'node:readline';

export async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Mot de passe : ');
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line.replace(/\r$/, '');
  }
  return '';
}
