/**
 * A table of the report as an Excel workbook, for the funders' spreadsheets: numbers stay
 * numbers (a CSV's are text until the spreadsheet guesses), the header row in bold. The library
 * (write-excel-file, MIT, about 20 KB gzipped with its zip) is loaded only when asked, never in
 * the app's first chunk. Its zip runs in the page: the statistics' tables are small (fflate would
 * start a worker from a `blob:` URL above about 160 KB, which the app's CSP forbids).
 */
import type { StatisticsReport } from '../../domain/indicators/report';
import { sheetName, tableFileName, type StatisticsTable } from '../../domain/indicators/tables';
import { downloadBlob } from '../../ui/download';

export async function downloadXlsx(
  table: StatisticsTable,
  report: StatisticsReport,
): Promise<void> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const header = table.headers.map((value) => ({ value, fontWeight: 'bold' as const }));
  const rows = table.rows.map((row) => row.map((value) => ({ value })));
  const blob = await writeXlsxFile([header, ...rows], { sheet: sheetName(table.title) }).toBlob();
  downloadBlob(tableFileName(table, report, 'xlsx'), blob);
}
