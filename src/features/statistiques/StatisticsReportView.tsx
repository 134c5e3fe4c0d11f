/**
 * The « Rapport d'activité » of a period: indicator cards, monthly activity, the territory
 * (EPCI, QPV and zone rurale, couverture) and every breakdown, each chart with its table.
 * Laid out for the screen and for print (statistiques.css).
 */
import type { StatisticsReport } from '../../domain/indicators/report';
import {
  breakdownTable,
  coverageTable,
  exitReasonTable,
  indicatorTable,
  monthlyTable,
} from '../../domain/indicators/tables';
import { formatMonthShort } from '../../domain/time';
import { BarList } from '../../ui/BarList';
import { ColumnChart } from './ColumnChart';
import { IndicatorCards } from './IndicatorCards';
import { StatisticsTableView } from './StatisticsTableView';

/** Breakdowns shown as tables only (the EPCI and QPV / zone rurale ones have a chart). */
const TABLE_BREAKDOWNS = [
  'site',
  'age',
  'sexe',
  'niveau',
  'niveau-diplome',
  'orientation',
  'referent',
  'mois',
  'qpv',
  'zonage-rural',
  'commune',
];

export function StatisticsReportView({ report }: { report: StatisticsReport }) {
  const rowsOf = (id: string) => report.breakdowns.find((b) => b.id === id)?.rows ?? [];
  return (
    <div className="statistics-report">
      <section aria-labelledby="stats-indicators">
        <h2 id="stats-indicators">Chiffres clés</h2>
        <IndicatorCards indicators={report.indicators} />
      </section>

      <section aria-labelledby="stats-monthly" className="statistics-block">
        <h2 id="stats-monthly">Activité par mois</h2>
        <ColumnChart
          title="Entretiens individuels et séances collectives par mois"
          labels={report.monthly.map((m) => formatMonthShort(m.month))}
          series={[
            {
              name: 'Entretiens individuels',
              values: report.monthly.map((m) => m.entretiens),
              className: 'series-entretiens',
            },
            {
              name: 'Séances collectives',
              values: report.monthly.map((m) => m.seances),
              className: 'series-seances',
            },
          ]}
        />
        <StatisticsTableView table={monthlyTable(report)} report={report} />
      </section>

      <section aria-labelledby="stats-territory" className="statistics-block">
        <h2 id="stats-territory">Territoire</h2>
        <div className="statistics-columns">
          <div>
            <h3>Par EPCI de résidence</h3>
            <BarList title="Jeunes accompagnés par EPCI" rows={rowsOf('epci')} />
            <StatisticsTableView table={breakdownTable(report, 'epci')!} report={report} />
          </div>
          <div>
            <h3>QPV et zone rurale</h3>
            <BarList
              title="Jeunes accompagnés en QPV et en zone rurale"
              rows={rowsOf('qpv-rural')}
            />
            <StatisticsTableView table={breakdownTable(report, 'qpv-rural')!} report={report} />
          </div>
        </div>
        <h3>Couverture</h3>
        <StatisticsTableView table={coverageTable(report)} report={report} />
        <p className="statistics-source">Jeunes de 15 à 29 ans : {report.coverageSource}.</p>
      </section>

      <section aria-labelledby="stats-exits" className="statistics-block">
        <h2 id="stats-exits">Sorties de CEJ et de PACEA</h2>
        <StatisticsTableView table={exitReasonTable(report)} report={report} />
      </section>

      <section aria-labelledby="stats-breakdowns" className="statistics-block">
        <h2 id="stats-breakdowns">Répartitions des jeunes accompagnés</h2>
        <div className="statistics-columns">
          {TABLE_BREAKDOWNS.map((id) => {
            const table = breakdownTable(report, id);
            return table ? <StatisticsTableView key={id} table={table} report={report} /> : null;
          })}
        </div>
      </section>

      <section aria-labelledby="stats-all" className="statistics-block">
        <h2 id="stats-all">Tous les indicateurs</h2>
        <StatisticsTableView table={indicatorTable(report)} report={report} />
      </section>
    </div>
  );
}
