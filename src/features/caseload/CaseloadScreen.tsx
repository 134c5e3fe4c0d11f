/**
 * The portefeuille: the dossiers on this device, read from the local database (so it works with
 * the network cut), with a quick filter on names.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { ageOf } from '../../domain/rules/age';
import { findCommune } from '../../domain/territory/territory';
import { systemClock } from '../../domain/time';
import { STATUS_LABELS } from './labels';
import { useCaseload } from './useCaseload';

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function CaseloadScreen() {
  const { data, isLoading, error } = useCaseload();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const shown = useMemo(() => {
    const needle = fold(deferred.trim());
    if (!data || !needle) return data ?? [];
    return data.filter((y) =>
      fold(`${y.lastName} ${y.birthName ?? ''} ${y.firstName}`).includes(needle),
    );
  }, [data, deferred]);

  if (error) return <p role="alert">Impossible de lire les dossiers : {error.message}</p>;
  return (
    <section aria-labelledby="caseload-title">
      <div className="section-header">
        <h1 id="caseload-title">Portefeuille</h1>
        <p className="muted" aria-live="polite">
          {isLoading
            ? 'Chargement…'
            : `${shown.length} dossier${shown.length > 1 ? 's' : ''}${shown.length !== data?.length ? ` sur ${data?.length}` : ''}`}
        </p>
      </div>
      <label htmlFor="caseload-search" className="visually-hidden">
        Rechercher un jeune
      </label>
      <input
        id="caseload-search"
        type="search"
        placeholder="Rechercher par nom ou prénom"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        className="search"
      />
      {!isLoading && data?.length === 0 && (
        <p>
          Aucun dossier sur cet appareil pour l&apos;instant : ils arrivent à la première
          synchronisation.
        </p>
      )}
      <table className="caseload">
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Prénom</th>
            <th scope="col">Âge</th>
            <th scope="col">Commune</th>
            <th scope="col">Statut</th>
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, 200).map((youth) => {
            const age = ageOf(youth.birthDate, systemClock);
            return (
              <tr key={youth.id}>
                <td>{youth.lastName}</td>
                <td>{youth.firstName}</td>
                <td>{age ? `${age.approximate ? '~' : ''}${age.years} ans` : '—'}</td>
                <td>{findCommune(youth.communeInsee)?.name ?? '—'}</td>
                <td>{STATUS_LABELS[youth.status]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {shown.length > 200 && (
        <p className="muted">
          Affinez la recherche pour voir les {shown.length - 200} autres dossiers.
        </p>
      )}
    </section>
  );
}
