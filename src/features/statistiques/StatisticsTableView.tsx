/** One table of the report, as shown and as exported to CSV and XLSX (the same rows). */
import { useState } from 'react';
import {
  formatCell,
  tableCsv,
  tableFileName,
  type StatisticsTable,
} from '../../domain/indicators/tables';
import type { StatisticsReport } from '../../domain/indicators/report';
import { downloadText } from '../../ui/download';
import { TableScroll } from '../../ui/TableScroll';
import { downloadXlsx } from './xlsx-export';

export function StatisticsTableView({
  table,
  report,
}: {
  table: StatisticsTable;
  report: StatisticsReport;
}) {
  const [xlsxError, setXlsxError] = useState<string>();
  const exportXlsx = () => {
    setXlsxError(undefined);
    downloadXlsx(table, report).catch(() =>
      setXlsxError('Le fichier XLSX n’a pas pu être préparé. Réessayez, ou exportez en CSV.'),
    );
  };
  return (
    <div className="statistics-table">
      <TableScroll label={`Tableau « ${table.title} »`}>
        <table>
          <caption>{table.title}</caption>
          <thead>
            <tr>
              {table.headers.map((header) => (
                <th key={header} scope="col">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={`${String(row[0])}-${i}`}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {formatCell(cell)}
                    </th>
                  ) : (
                    <td key={j} className={typeof cell === 'number' ? 'number' : undefined}>
                      {formatCell(cell)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <button
        type="button"
        className="button-link no-print"
        onClick={() => downloadText(tableFileName(table, report), tableCsv(table))}
      >
        Exporter « {table.title} » en CSV
      </button>{' '}
      <button type="button" className="button-link no-print" onClick={exportXlsx}>
        Exporter « {table.title} » en XLSX
      </button>
      {xlsxError && (
        <p role="alert" className="form-error">
          {xlsxError}
        </p>
      )}
    </div>
  );
}
