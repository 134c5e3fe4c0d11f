/**
 * CSV as i-milo and French spreadsheets read it (the i-milo export, the statistics' tables):
 * UTF-8 with a byte order mark (so Excel reads the accents), `;` between fields, CRLF between lines, and a field quoted when it holds
 * a `;`, a quote, a line break or surrounding spaces (quotes doubled inside).
 */
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

export function csvField(value: string | number | undefined | null): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(
  headers: readonly string[],
  rows: readonly (readonly (string | number | undefined | null)[])[],
): string {
  const lines = [headers, ...rows].map((row) => row.map(csvField).join(CSV_SEPARATOR));
  return CSV_BOM + lines.map((line) => `${line}\r\n`).join('');
}

/** A number as French spreadsheets read it: decimal comma, no thousands separator. */
export function frenchNumber(value: number, decimals = 0): string {
  return value.toFixed(decimals).replace('.', ',');
}
