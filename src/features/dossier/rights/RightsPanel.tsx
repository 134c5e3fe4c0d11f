/**
 * The « Accès et droits » section of a dossier, for the siège: the access journal, a copy of
 * the file (right of access) and erasure. Everything here asks the server.
 */
import { AccessJournalPanel } from './AccessJournalPanel';
import { ExportPanel } from './ExportPanel';

export function RightsPanel({ youthId }: { youthId: string }) {
  return (
    <>
      <AccessJournalPanel youthId={youthId} />
      <ExportPanel youthId={youthId} />
    </>
  );
}
