/**
 * « Journal des accès » (direction, admin): who opened, received, changed, exported this young
 * person's file, when, from which device and address — the server's audit log of the dossier.
 */
import { journalActionLabel } from '../../../domain/access-journal';
import { frenchMessage } from '../../../domain/errors';
import { formatInstant } from '../../../domain/time';
import { useAccessJournal } from './useAccessJournal';

export function AccessJournalPanel({ youthId }: { youthId: string }) {
  const journal = useAccessJournal(youthId);
  const entries = journal.data ?? [];
  return (
    <section aria-labelledby="journal-title" className="rights-section">
      <div className="section-header">
        <h2 id="journal-title">Journal des accès</h2>
        <button
          type="button"
          className="button-secondary"
          onClick={journal.reload}
          disabled={journal.isLoading}
        >
          {journal.isLoading ? 'Actualisation…' : 'Actualiser'}
        </button>
      </div>
      {journal.error && (
        <p className="notice" role="alert">
          {journal.error.code === 'NETWORK'
            ? 'Hors ligne : le journal des accès est tenu par le serveur, il reviendra avec le réseau.'
            : frenchMessage(journal.error.code)}
        </p>
      )}
      {journal.data && entries.length === 0 && <p className="muted">Aucun accès enregistré.</p>}
      {entries.length > 0 && (
        <table className="journal">
          <caption className="visually-hidden">
            Accès au dossier, du plus récent au plus ancien
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Action</th>
              <th scope="col">Par</th>
              <th scope="col">Appareil</th>
              <th scope="col">Adresse</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              <tr key={`${entry.at}-${index}`}>
                <td>{formatInstant(entry.at)}</td>
                <td>{journalActionLabel(entry.action)}</td>
                <td>
                  {entry.user?.name ??
                    (entry.address === 'cli' ? 'administration (ligne de commande)' : '—')}
                </td>
                <td>{entry.deviceLabel ?? '—'}</td>
                <td>{entry.address ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
