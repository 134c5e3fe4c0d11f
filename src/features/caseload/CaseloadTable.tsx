/**
 * One page of the portefeuille (PAGE_SIZE rows, so 5,000 dossiers never become 5,000 DOM rows),
 * navigable by keyboard: ↓/↑ move between dossiers (and across pages), Home/End jump, Entrée
 * opens the focused dossier (each name is a link).
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Link } from 'wouter';
import { STATUS_LABELS } from '../../domain/labels';
import { findQpv, RURAL_ZONING_LABELS } from '../../domain/territory/territory';
import { formatDayShort } from '../../domain/time';
import type { PendingState } from '../../sync/pending';
import { PendingMarker } from '../../ui/PendingMarker';
import { pendingEntry } from '../../ui/usePending';
import type { CaseloadEntry } from './search';

export const PAGE_SIZE = 50;

interface Props {
  entries: CaseloadEntry[];
  page: number;
  onPageChange(page: number): void;
  pending: PendingState;
  /** Focus moves back to the search box when ↑ is pressed on the first row. */
  onLeaveTop(): void;
  /**
   * False while the events and dispositifs are still being read (they are read after the
   * dossiers): their columns then say so instead of a wrong « Aucun » or « — ».
   */
  activityKnown: { contacts: boolean; programmes: boolean };
  /** Why they are not known yet, when it is not the reading (« téléchargement en cours »). */
  pendingText?: string;
}

function Reading({ text = 'en cours de lecture' }: { text?: string }) {
  return (
    <span className="muted" title={text[0]!.toUpperCase() + text.slice(1)}>
      …<span className="visually-hidden">{text}</span>
    </span>
  );
}

function LastContact({
  entry,
  known,
  pendingText,
}: {
  entry: CaseloadEntry;
  known: boolean;
  pendingText?: string;
}) {
  if (!known) return <Reading text={pendingText} />;
  if (!entry.lastContact) return <>Aucun</>;
  const days = entry.daysWithoutContact ?? 0;
  const since = days === 0 ? "aujourd'hui" : days === 1 ? 'hier' : `il y a ${days} j`;
  // On a tablet the date gives way to the delay.
  return (
    <>
      <span className="contact-day">{formatDayShort(entry.lastContact)} </span>
      <span className="nowrap">({since})</span>
    </>
  );
}

export function CaseloadTable({
  entries,
  page,
  onPageChange,
  pending,
  onLeaveTop,
  activityKnown,
  pendingText,
}: Props) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  /** Row to focus once the page the keyboard asked for is shown (not a render before it). */
  const focusRequestRef = useRef<{ page: number; row: 'first' | 'last' } | null>(null);
  const pages = Math.max(1, Math.ceil(entries.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = entries.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);

  const links = () =>
    Array.from(bodyRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-row-link]') ?? []);

  useEffect(() => {
    const request = focusRequestRef.current;
    if (!request || request.page !== current) return;
    const all = links();
    (request.row === 'first' ? all[0] : all.at(-1))?.focus();
    focusRequestRef.current = null;
  });

  function onRowKeyDown(event: KeyboardEvent<HTMLAnchorElement>) {
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (index === -1) return;
    const move = (target: number) => {
      event.preventDefault();
      all[target]?.focus();
    };
    if (event.key === 'ArrowDown') {
      if (index < all.length - 1) move(index + 1);
      else if (current < pages - 1) {
        event.preventDefault();
        focusRequestRef.current = { page: current + 1, row: 'first' };
        onPageChange(current + 1);
      }
    } else if (event.key === 'ArrowUp') {
      if (index > 0) move(index - 1);
      else if (current > 0) {
        event.preventDefault();
        focusRequestRef.current = { page: current - 1, row: 'last' };
        onPageChange(current - 1);
      } else {
        event.preventDefault();
        onLeaveTop();
      }
    } else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
  }

  return (
    <>
      <div className="table-scroll">
        <table className="caseload">
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Prénom</th>
              <th scope="col">Âge</th>
              <th scope="col">Commune</th>
              <th scope="col" className="col-programme">
                Dispositif
              </th>
              <th scope="col">Statut</th>
              <th scope="col">Dernier contact</th>
            </tr>
          </thead>
          <tbody ref={bodyRef}>
            {shown.map((entry) => {
              const { youth } = entry;
              return (
                <tr key={youth.id}>
                  <td>
                    <Link
                      href={`/dossiers/${youth.id}`}
                      data-row-link=""
                      className="row-link"
                      onKeyDown={onRowKeyDown}
                    >
                      {youth.lastName || <span className="muted">(nom à compléter)</span>}
                    </Link>
                    {youth.birthName && (
                      <span className="muted birth-name"> né·e {youth.birthName}</span>
                    )}
                    <PendingMarker entry={pendingEntry(pending, 'youths', youth.id)} />
                  </td>
                  <td>{youth.firstName}</td>
                  <td className="nowrap">
                    {entry.age === undefined
                      ? '—'
                      : `${entry.ageApproximate ? '~' : ''}${entry.age} ans`}
                  </td>
                  <td>
                    {entry.communeName ?? '—'}
                    {entry.qpvCode && (
                      <span className="tag tag-qpv" title={findQpv(entry.qpvCode)?.name}>
                        QPV
                      </span>
                    )}
                    {entry.ruralZoning !== 'aucun' && (
                      <span className="tag tag-rural">
                        {RURAL_ZONING_LABELS[entry.ruralZoning]}
                      </span>
                    )}
                  </td>
                  <td className="col-programme">
                    {activityKnown.programmes ? (
                      (entry.programme ?? '—')
                    ) : (
                      <Reading text={pendingText} />
                    )}
                  </td>
                  <td>
                    {STATUS_LABELS[youth.status]}
                    {entry.programme && (
                      <span className="tag tag-programme">{entry.programme}</span>
                    )}
                  </td>
                  <td>
                    <LastContact
                      entry={entry}
                      known={activityKnown.contacts}
                      pendingText={pendingText}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="pager" aria-label="Pages du portefeuille">
          <button
            type="button"
            className="button-secondary"
            disabled={current === 0}
            onClick={() => onPageChange(current - 1)}
          >
            Précédents
          </button>
          <span aria-live="polite">
            Page {current + 1} sur {pages}
          </span>
          <button
            type="button"
            className="button-secondary"
            disabled={current >= pages - 1}
            onClick={() => onPageChange(current + 1)}
          >
            Suivants
          </button>
        </nav>
      )}
    </>
  );
}
