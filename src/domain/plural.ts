/**
 * French plural agreement for counts on screen: 0 and 1 take the singular (« 0 dossier »,
 * « 1 dossier », « 2 dossiers »).
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return n > 1 ? many : one;
}

/** The count followed by its agreed word: `counted(3, 'conflit')` → « 3 conflits ». */
export function counted(n: number, one: string, many?: string): string {
  return `${n} ${plural(n, one, many)}`;
}
