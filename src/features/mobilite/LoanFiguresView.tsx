/**
 * Atelier Mob's figures for a year (issue 16, item 5): loans, days lent, young people, late
 * returns, and the loans by purpose, by kind of vehicle and by the outcome of their purpose —
 * counted by the pure loanFigures (the statistics count alike), from what this device holds.
 */
import { useCallback, useMemo } from 'react';
import { map } from 'rxjs';
import { useDatabase } from '../../app/database-context';
import { useLiveQuery } from '../../db/useLiveQuery';
import { loanFigures, type LoanOutcome } from '../../domain/rules/mobility-figures';
import type { MobilityRecord } from '../../domain/schemas/mobility';
import type { PathwayRecord } from '../../domain/schemas/pathway';
import { BarList } from '../../ui/BarList';
import { TableScroll } from '../../ui/TableScroll';
import { PURPOSE_LABELS, VEHICLE_KIND_LABELS } from './labels';

const OUTCOME_LABELS: Record<LoanOutcome, string> = {
  atteint: 'Objectif atteint (emploi, formation… commencés)',
  'non-atteint': 'Objectif non atteint',
  inconnu: 'Pas encore connu',
};

/** The situations and propositions the loans name, for their outcome. */
function useRelated(loans: readonly MobilityRecord[]) {
  const db = useDatabase();
  const key = [...new Set(loans.map((l) => l.relatedId).filter(Boolean))].sort().join(',');
  return useLiveQuery<PathwayRecord[]>(
    useCallback(
      () =>
        db.pathway
          .findByIds(key ? key.split(',') : [])
          .$.pipe(map((found) => [...found.values()].map((d) => d.toJSON() as PathwayRecord))),
      [db, key],
    ),
  );
}

function rowsOf<K extends string>(counts: Partial<Record<K, number>>, labels: Record<K, string>) {
  return (Object.keys(labels) as K[])
    .filter((key) => (counts[key] ?? 0) > 0)
    .map((key) => ({ label: labels[key], count: counts[key]! }));
}

export function LoanFiguresView({
  year,
  years,
  onYear,
  vehicles,
  loans,
}: {
  year: string;
  years: readonly string[];
  onYear(year: string): void;
  vehicles: readonly MobilityRecord[];
  loans: readonly MobilityRecord[];
}) {
  const related = useRelated(loans);
  const figures = useMemo(
    () =>
      loanFigures(loans, vehicles, related.data ?? [], {
        startDate: `${year}-01-01`,
        endDate: `${year}-12-31`,
      }),
    [loans, vehicles, related.data, year],
  );
  const purposes = rowsOf(figures.byPurpose, PURPOSE_LABELS);
  const kinds = rowsOf(figures.byVehicleKind, VEHICLE_KIND_LABELS);
  const outcomes = rowsOf(figures.byOutcome, OUTCOME_LABELS);
  return (
    <div className="loan-figures">
      <label className="field">
        <span>Année</span>
        <select value={year} autoComplete="off" onChange={(e) => onYear(e.target.value)}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <dl className="loan-figures-cards">
        <div>
          <dt>Prêts commencés</dt>
          <dd>{figures.loans}</dd>
        </div>
        <div>
          <dt>Jours de prêt</dt>
          <dd>{figures.daysLent}</dd>
        </div>
        <div>
          <dt>Jeunes</dt>
          <dd>{figures.youths}</dd>
        </div>
        <div>
          <dt>Retours en retard</dt>
          <dd>{figures.lateReturns}</dd>
        </div>
      </dl>
      {[
        { title: 'Prêts par motif', rows: purposes },
        { title: 'Prêts par véhicule', rows: kinds },
        { title: 'Prêts selon l’issue de leur motif', rows: outcomes },
      ].map(({ title, rows }) => (
        <section key={title} aria-label={title}>
          <h2>{title}</h2>
          {rows.length === 0 ? (
            <p className="muted">Aucun prêt cette année.</p>
          ) : (
            <>
              <BarList title={title} rows={rows} />
              <TableScroll label={`Tableau : ${title.toLowerCase()}`}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">
                        {title.replace('Prêts ', '').replace(/^./, (c) => c.toUpperCase())}
                      </th>
                      <th scope="col">Prêts</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <tr key={row.label}>
                        <th scope="row">{row.label}</th>
                        <td>{row.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </>
          )}
        </section>
      ))}
      <p className="muted">
        D’après ce que sait cet appareil : les réservations annulées ou en attente d’arbitrage du
        siège ne comptent pas ; un jour de prêt est un jour où le véhicule était sorti.
      </p>
    </div>
  );
}
