/**
 * Doublons (direction, admin): the probable duplicate pairs — a dossier made at two sites while
 * offline, an aller-vers contact that matches a dossier — to merge into one dossier or to set
 * apart. The merge is made by the server in one transaction and reaches every device.
 */
import { useMemo, useState } from 'react';
import { useAppStore } from '../../stores/store';
import { namesFrom } from '../reconciliation/labels';
import { useDirectory } from '../shared/useDirectory';
import { DuplicatePairCard } from './DuplicatePairCard';
import { useDuplicatePairs } from './useDuplicatePairs';
import '../reconciliation/reconciliation.css';
import './doublons.css';
import { counted } from '../../domain/plural';

export function DuplicatesScreen() {
  const pairs = useDuplicatePairs();
  const directory = useDirectory();
  const online = useAppStore((s) => s.sync.online);
  const [settled, setSettled] = useState<{ ids: Set<string>; message: string }>({
    ids: new Set(),
    message: '',
  });
  const open = useMemo(
    () => (pairs.data ?? []).filter((pair) => !settled.ids.has(pair.review.id)),
    [pairs.data, settled.ids],
  );
  const reviewable = open.filter((pair) => pair.youths !== null);

  const names = useMemo(
    () =>
      namesFrom(
        directory.data,
        open.flatMap((pair) => pair.youths ?? []),
      ),
    [open, directory.data],
  );

  if (pairs.error) {
    return <p role="alert">Impossible de lire les doublons : {pairs.error.message}</p>;
  }
  return (
    <section aria-labelledby="doublons-title" className="doublons">
      <div className="section-header">
        <h1 id="doublons-title">Doublons</h1>
        <p className="muted" aria-live="polite">
          {pairs.isLoading ? 'Chargement…' : `${counted(reviewable.length, 'paire')} à examiner`}
        </p>
      </div>
      <p className="intro">
        Ces dossiers semblent concerner la même personne. Choisissez le dossier à garder et, là où
        les deux diffèrent, la bonne valeur : les événements, le parcours, les rendez-vous, les
        émargements et les prêts de l&apos;autre dossier lui seront rattachés, et l&apos;autre
        dossier restera comme renvoi.
      </p>
      {!online && (
        <p className="notice" role="status">
          Hors ligne : la fusion sera possible dès le retour du réseau.
        </p>
      )}
      <p role="status" aria-live="polite" className="settled-message">
        {settled.message}
      </p>
      {!pairs.isLoading && reviewable.length === 0 && (
        <p className="empty">Aucun doublon probable à examiner.</p>
      )}
      <div className="conflict-list">
        {reviewable.map((pair) => (
          <DuplicatePairCard
            key={pair.review.id}
            pair={pair}
            names={names}
            online={online}
            onSettled={(message) =>
              setSettled((s) => ({ ids: new Set([...s.ids, pair.review.id]), message }))
            }
          />
        ))}
      </div>
    </section>
  );
}
