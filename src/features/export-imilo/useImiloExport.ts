/**
 * Asking the server for an i-milo export (`POST /api/v1/exports/imilo`, sync-server/src/http/
 * imilo-routes.ts): a server operation, so it needs the network. The answer holds the report
 * and the CSV text of each file, offered for download.
 */
import { useCallback, useState } from 'react';
import { api } from '../../app/api';
import { RelaisError } from '../../domain/errors';
import { downloadText } from '../../ui/download';

export interface ImiloReport {
  exportId: string;
  from: string;
  to: string;
  files: Record<string, number>;
  alreadyExported: number;
  unmapped: { file: string; documentId: string; youthId: string | null; reason: string }[];
}

export interface ImiloExportRequest {
  from: string;
  to: string;
  siteId?: string;
  adviserId?: string;
}

export type ImiloExportState =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'done'; report: ImiloReport; files: Record<string, string> }
  | { status: 'failed'; error: RelaisError };

export function useImiloExport() {
  const [state, setState] = useState<ImiloExportState>({ status: 'idle' });
  const run = useCallback(async (request: ImiloExportRequest) => {
    setState({ status: 'sending' });
    try {
      const answer = await api.send<{ report: ImiloReport; files: Record<string, string> }>(
        'POST',
        '/api/v1/exports/imilo',
        request,
      );
      setState({ status: 'done', report: answer.report, files: answer.files });
    } catch (error) {
      setState({
        status: 'failed',
        error: error instanceof RelaisError ? error : new RelaisError('NETWORK'),
      });
    }
  }, []);
  return { state, run };
}

/** Saves one file of the export through the browser's download. */
export function downloadCsv(name: string, csv: string): void {
  downloadText(name, csv);
}
