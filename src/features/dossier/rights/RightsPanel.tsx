/**
 * The « Accès et droits » section of a dossier, for the siège: the access journal, a copy of
 * the file (right of access) and erasure. Everything here asks the server.
 */
import { AccessJournalPanel } from './AccessJournalPanel';
import { ErasePanel } from './ErasePanel';
import { ExportPanel } from './ExportPanel';

export function RightsPanel({
  youth,
}: {
  youth: { id: string; firstName: string; lastName: string };
}) {
  return (
    <>
      <AccessJournalPanel youthId={youth.id} />
      <ExportPanel youthId={youth.id} />
      <ErasePanel youth={youth} />
    </>
  );
}
