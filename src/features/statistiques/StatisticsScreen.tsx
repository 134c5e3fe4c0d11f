/**
 * « Statistiques » (issue 17). Direction and admin see the whole Mission Locale, computed by
 * the server from its storage; an adviser sees their own caseload, computed on this device,
 * offline too. Same definitions on both sides (src/domain/indicators). Printable as the
 * « Rapport d'activité » (statistiques.css, @media print).
 */
import { useMemo, useState } from 'react';
import { useClock } from '../../app/clock-context';
import { frenchMessage, RelaisError } from '../../domain/errors';
import { checkPeriod, type Period } from '../../domain/indicators/period';
import { today as todayOf } from '../../domain/time';
import { useAppStore } from '../../stores/store';
import { SelectField } from '../../ui/Field';
import { useSites, useStaff } from '../shared/useDirectory';
import { describePeriod, initialChoice, periodOfChoice, type PeriodChoice } from './period-choice';
import { PeriodPicker } from './PeriodPicker';
import { StatisticsReportView } from './StatisticsReportView';
import { useDeviceStatistics, useServerStatistics } from './useStatistics';
import './statistiques.css';

function checked(choice: PeriodChoice): { period?: Period; error?: string } {
  try {
    const period = periodOfChoice(choice);
    return { period: checkPeriod(period.from, period.to) };
  } catch (error) {
    return { error: error instanceof RelaisError ? error.message : String(error) };
  }
}

export function StatisticsScreen() {
  const clock = useClock();
  const user = useAppStore((s) => s.user);
  const online = useAppStore((s) => s.sync.online);
  const today = todayOf(clock);
  const [choice, setChoice] = useState(() => initialChoice(today));
  const { period, error } = checked(choice);
  const siege = user?.role === 'direction' || user?.role === 'admin';

  const sites = useSites();
  const staff = useStaff();
  const names = useMemo(
    () => ({
      sites: new Map((sites.data ?? []).map((s) => [s.id, s.name])),
      staff: new Map((staff.data ?? []).map((s) => [s.id, s.name])),
    }),
    [sites.data, staff.data],
  );
  const device = useDeviceStatistics(siege ? undefined : user?.id, period, names);
  const [set, setSet] = useState('');
  const server = useServerStatistics(period, siege && online, set);

  const report = siege
    ? server.state.status === 'done'
      ? server.state.report
      : undefined
    : device.data;
  const loading = siege ? server.state.status === 'loading' : device.isLoading;

  return (
    <section className="statistics" aria-labelledby="statistics-title">
      <header className="statistics-header">
        <h1 id="statistics-title">
          Statistiques<span className="print-only"> — Rapport d’activité</span>
        </h1>
        <p className="statistics-scope">
          {siege
            ? 'Toute la Mission Locale, un site ou un·e conseiller·ère : chiffres calculés par le serveur de la Mission Locale.'
            : 'Les jeunes dont vous êtes référent·e : chiffres calculés sur cet appareil, même hors ligne.'}
        </p>
      </header>
      <div className="statistics-toolbar no-print">
        <PeriodPicker
          choice={choice}
          currentYear={Number(today.slice(0, 4))}
          error={error}
          onChange={setChoice}
        />
        {siege && (
          <SelectField
            label="Dossiers"
            placeholder="Toute la Mission Locale"
            value={set}
            options={[
              ...(sites.data ?? []).map((site) => ({
                value: `site:${site.id}`,
                label: `Site : ${site.name}`,
              })),
              ...(staff.data ?? [])
                .filter((member) => member.role === 'conseiller')
                .map((member) => ({
                  value: `adviser:${member.id}`,
                  label: `Conseiller·ère : ${member.name}`,
                })),
            ]}
            onChange={(e) => setSet(e.target.value)}
          />
        )}
        <button type="button" className="button-secondary" onClick={() => window.print()}>
          Imprimer le rapport d’activité
        </button>
      </div>
      {period && <h2 className="statistics-period-title">Période {describePeriod(period)}</h2>}
      <div role="status" className="statistics-status">
        {siege && !online && (
          <p className="notice">
            Les statistiques de toute la Mission Locale sont calculées par le serveur : il faut le
            réseau.
          </p>
        )}
        {siege && server.state.status === 'failed' && (
          <p className="notice">
            {server.state.error.code === 'NETWORK'
              ? 'Serveur injoignable : réessayez avec le réseau.'
              : server.state.error.message || frenchMessage(server.state.error.code)}{' '}
            <button type="button" className="button-link" onClick={server.retry}>
              Réessayer
            </button>
          </p>
        )}
        {loading && period && <p>Calcul des statistiques…</p>}
      </div>
      {report && period && <StatisticsReportView report={report} />}
    </section>
  );
}
