/**
 * A CSV as src/domain/csv.ts writes it for French spreadsheets, read back: `;` between fields,
 * CRLF lines, quoted fields with doubled quotes (a `;`, a quote or a line break inside one).
 * The text without its BOM; the last line ends with CRLF.
 */
export function parseFrenchCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ';') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i += 1;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) throw new Error(`CSV without its last CRLF: ${field}`);
  return rows;
}
