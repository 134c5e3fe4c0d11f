/**
 * « Export i-milo » (issue 18, item 3), for the siège: a period, whose dossiers (the whole
 * Mission Locale, a site, an adviser), one button; the report comes back with a download per
 * file, and what could not be exported and why. Only what is new or changed since the last
 * export is in the files (README, « Export i-milo »).
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useClock } from '../../app/clock-context';
import { frenchMessage } from '../../domain/errors';
import { counted } from '../../domain/plural';
import { addDays, addMonthsToDay, today as todayOf } from '../../domain/time';
import { useAppStore } from '../../stores/store';
import { SelectField, TextField } from '../../ui/Field';
import { useSites, useStaff } from '../shared/useDirectory';
import { downloadCsv, useImiloExport, type ImiloExportRequest } from './useImiloExport';

/** The previous calendar month: what direction exports at the start of a month. */
function lastMonth(today: string): { from: string; to: string } {
  const firstOfThisMonth = `${today.slice(0, 8)}01`;
  return { from: addMonthsToDay(firstOfThisMonth, -1), to: addDays(firstOfThisMonth, -1) };
}

export function ImiloExportScreen() {
  const online = useAppStore((s) => s.sync.online);
  const clock = useClock();
  const sites = useSites();
  const staff = useStaff();
  const { state, run } = useImiloExport();
  const [period, setPeriod] = useState(() => lastMonth(todayOf(clock)));
  const [set, setSet] = useState('');

  const options = [
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
  ];

  function submit(event: FormEvent) {
    event.preventDefault();
    const [kind, id] = set.split(':');
    const request: ImiloExportRequest = {
      ...period,
      ...(kind === 'site' ? { siteId: id } : {}),
      ...(kind === 'adviser' ? { adviserId: id } : {}),
    };
    void run(request);
  }

  return (
    <section className="imilo-export" aria-labelledby="imilo-export-title">
      <h1 id="imilo-export-title">Export i-milo</h1>
      <p>
        Un fichier CSV par catégorie d’i-milo, avec ce qui est nouveau ou modifié depuis le dernier
        export de la période.
      </p>
      <form onSubmit={submit} className="form-grid">
        <TextField
          label="Du"
          type="date"
          required
          value={period.from}
          onChange={(e) => setPeriod({ ...period, from: e.target.value })}
        />
        <TextField
          label="Au"
          type="date"
          required
          value={period.to}
          onChange={(e) => setPeriod({ ...period, to: e.target.value })}
        />
        <SelectField
          label="Dossiers"
          placeholder="Toute la Mission Locale"
          options={options}
          value={set}
          onChange={(e) => setSet(e.target.value)}
        />
        <button type="submit" disabled={!online || state.status === 'sending'}>
          {state.status === 'sending' ? 'Export en cours…' : 'Exporter'}
        </button>
      </form>
      {!online && <p className="notice">L’export se fait sur le serveur : il faut le réseau.</p>}
      {state.status === 'failed' && (
        <p className="notice" role="alert">
          {state.error.code === 'NETWORK'
            ? 'Serveur injoignable : rien n’a été exporté. Réessayez avec le réseau.'
            : frenchMessage(state.error.code)}
        </p>
      )}
      <div role="status">
        {state.status === 'done' && (
          <>
            <h2>Rapport d’export</h2>
            <table>
              <caption>Lignes exportées par fichier</caption>
              <thead>
                <tr>
                  <th scope="col">Fichier</th>
                  <th scope="col">Lignes</th>
                  <th scope="col">Télécharger</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(state.report.files).map(([name, count]) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td>{count}</td>
                    <td>
                      <button
                        type="button"
                        className="button-link"
                        onClick={() => downloadCsv(name, state.files[name] ?? '')}
                      >
                        Télécharger {name}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>Déjà exporté sans changement : {counted(state.report.alreadyExported, 'ligne')}.</p>
            {state.report.unmapped.length === 0 ? (
              <p>Tout a pu être exporté.</p>
            ) : (
              <>
                <h3>Non exporté ({state.report.unmapped.length})</h3>
                <ul>
                  {state.report.unmapped.map((u) => (
                    <li key={`${u.file}:${u.documentId}`}>
                      {u.file} : {u.reason}
                      {u.youthId && (
                        <>
                          {' — '}
                          <Link href={`/dossiers/${u.youthId}`}>ouvrir le dossier</Link>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}
