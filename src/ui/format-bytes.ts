/** Sizes in French units: "12,3 Mo", "2,1 Go". */
const UNITS = ['octets', 'Ko', 'Mo', 'Go', 'To'] as const;

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits }).format(value);
  return `${number} ${UNITS[unit]}`;
}
