/**
 * « Présence » on /ateliers (issue 15, item 6): over a period, the sessions held, sign-ups,
 * présents and the taux de présence, in total and per action, theme, site or month — computed
 * by src/domain/presence.ts from what this device holds (every session and sign-up for the
 * siège; an adviser's device holds those of its sites). A bar chart in SVG, and the same
 * figures in a table (the text equivalent).
 */
import { useCallback, useMemo, useState } from 'react';
import { map } from 'rxjs';
import { useDatabase } from '../../app/DatabaseProvider';
import { useLiveQuery } from '../../db/useLiveQuery';
import {
  formatRate,
  presenceFigures,
  presenceTotal,
  type PresenceRow,
} from '../../domain/presence';
import { isActionTheme, THEME_LABELS } from '../../domain/rules/workshops';
import type { Attendance } from '../../domain/schemas/attendance';
import type { Site } from '../../domain/schemas/site';
import type { Workshop } from '../../domain/schemas/workshop';
import { addDays, parseDay, today, type Clock } from '../../domain/time';
import { SelectField, TextField } from '../../ui/Field';

const DIMENSIONS = [
  { value: 'action', label: 'Action' },
  { value: 'theme', label: 'Thème' },
  { value: 'site', label: 'Site' },
  { value: 'month', label: 'Mois' },
] as const;
type Dimension = (typeof DIMENSIONS)[number]['value'];

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

function usePresenceData() {
  const db = useDatabase();
  const sessions = useLiveQuery<Workshop[]>(
    useCallback(
      () =>
        db.workshops
          .find({ selector: { kind: { $ne: 'action' } } })
          .$.pipe(map((docs) => docs.map((d) => d.toJSON() as Workshop))),
      [db],
    ),
  );
  const attendances = useLiveQuery<Attendance[]>(
    useCallback(
      () => db.attendances.find().$.pipe(map((docs) => docs.map((d) => d.toJSON() as Attendance))),
      [db],
    ),
  );
  return { sessions, attendances };
}

function PresenceChart({
  rows,
  label,
}: {
  rows: readonly (PresenceRow & { name: string })[];
  label: string;
}) {
  const barHeight = 26;
  const gap = 8;
  const labelWidth = 270;
  const width = 700;
  const track = width - labelWidth - 60;
  const height = rows.length * (barHeight + gap);
  return (
    <svg
      className="presence-chart"
      viewBox={`0 0 ${width} ${Math.max(height, barHeight)}`}
      aria-hidden="true"
      focusable="false"
    >
      {rows.map((row, i) => {
        const y = i * (barHeight + gap);
        const rate = row.rate ?? 0;
        return (
          <g key={row.key} transform={`translate(0 ${y})`}>
            <text x={labelWidth - 8} y={barHeight * 0.68} textAnchor="end" className="chart-label">
              {row.name.length > 34 ? `${row.name.slice(0, 33)}…` : row.name}
            </text>
            <rect x={labelWidth} y={0} width={track} height={barHeight} className="chart-track" />
            <rect
              x={labelWidth}
              y={0}
              width={track * rate}
              height={barHeight}
              className="chart-bar"
            />
            <text x={labelWidth + track + 8} y={barHeight * 0.68} className="chart-value">
              {formatRate(row.rate)}
            </text>
          </g>
        );
      })}
      <title>{label}</title>
    </svg>
  );
}

export function PresenceView(props: {
  clock: Clock;
  actions: readonly Workshop[];
  sites: ReadonlyMap<string, Site>;
}) {
  const { sessions, attendances } = usePresenceData();
  const [from, setFrom] = useState(addDays(today(props.clock), -364));
  const [to, setTo] = useState(today(props.clock));
  const [by, setBy] = useState<Dimension>('action');
  const titles = useMemo(() => new Map(props.actions.map((a) => [a.id, a.title])), [props.actions]);
  const options = { from, to, clock: props.clock };
  const sessionList = sessions.data ?? [];
  const attendanceList = attendances.data ?? [];
  const total = useMemo(
    () => presenceTotal(sessionList, attendanceList, options),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- options is from, to and the clock
    [sessionList, attendanceList, from, to, props.clock],
  );
  const rows = useMemo(
    () =>
      presenceFigures(sessionList, attendanceList, { ...options, by }).map((row) => ({
        ...row,
        name: nameOf(row.key),
      })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- options is from, to and the clock
    [sessionList, attendanceList, from, to, by, props.clock, titles, props.sites],
  );

  function nameOf(key: string): string {
    if (by === 'action') return titles.get(key) ?? key;
    if (by === 'theme') return isActionTheme(key) ? THEME_LABELS[key] : key || 'Sans thème';
    if (by === 'site') return props.sites.get(key)?.name ?? 'Site inconnu';
    const [year, month] = key.split('-');
    return `${MONTHS[Number(month) - 1] ?? month} ${year}`;
  }

  const loading = sessions.isLoading || attendances.isLoading;
  const dimension = DIMENSIONS.find((d) => d.value === by)!.label.toLowerCase();
  return (
    <section className="presence" aria-labelledby="presence-title">
      <h2 id="presence-title">Présence aux actions collectives</h2>
      <div className="presence-filters">
        <TextField
          label="Du"
          type="date"
          value={from}
          onChange={(e) => parseDay(e.target.value) && setFrom(e.target.value)}
        />
        <TextField
          label="Au"
          type="date"
          value={to}
          onChange={(e) => parseDay(e.target.value) && setTo(e.target.value)}
        />
        <SelectField
          label="Par"
          value={by}
          options={DIMENSIONS}
          onChange={(e) => setBy(e.target.value as Dimension)}
        />
      </div>
      {loading ? (
        <p role="status" className="muted">
          Calcul en cours…
        </p>
      ) : (
        <>
          <p className="presence-total" aria-live="polite">
            Taux de présence : <strong>{formatRate(total.rate)}</strong>
            <span className="muted">
              {' '}
              — {total.sessionsHeld.toLocaleString('fr-FR')} sessions tenues,{' '}
              {total.signUps.toLocaleString('fr-FR')} inscrit·es,{' '}
              {total.presents.toLocaleString('fr-FR')} présent·es
            </span>
          </p>
          <p className="muted">
            Présent·es ÷ inscrit·es attendu·es (refus jeune et refus tiers exclus) des sessions
            tenues de la période, d’après ce que cet appareil contient.
          </p>
          {rows.length > 0 && (
            <figure className="presence-figure">
              <PresenceChart rows={rows} label={`Taux de présence par ${dimension}`} />
              <figcaption className="visually-hidden">
                Taux de présence par {dimension} : voir le tableau.
              </figcaption>
            </figure>
          )}
          <table className="presence-table">
            <caption className="visually-hidden">Présence par {dimension}</caption>
            <thead>
              <tr>
                <th scope="col">{DIMENSIONS.find((d) => d.value === by)!.label}</th>
                <th scope="col">Sessions tenues</th>
                <th scope="col">Inscrit·es</th>
                <th scope="col">Présent·es</th>
                <th scope="col">Taux de présence</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.name}</th>
                  <td>{row.sessionsHeld}</td>
                  <td>{row.signUps}</td>
                  <td>{row.presents}</td>
                  <td>{formatRate(row.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
