/**
 * The CEJ's weekly activity as a small bar chart against the 15–20 h commitment (plain SVG, no
 * chart library: a few dozen bars). The summary says it in words, and the table under
 * « Détail par semaine » gives every figure to screen readers and to the curious.
 */
import { CEJ_MAX_WEEKLY_HOURS, CEJ_MIN_WEEKLY_HOURS } from '../../../domain/rules/dispositif';
import type { CejSummary, CejWeek } from '../../../domain/rules/cej';
import { formatDayMonth, formatDayShort } from '../../../domain/time';
import { counted } from '../../../domain/plural';

const WIDTH = 720;
const HEIGHT = 180;
const MARGIN = { top: 10, right: 8, bottom: 24, left: 30 };
const MAX_BAND = 40;
/** Weeks shown at most (the last ones); the table lists them all. */
export const CHART_WEEKS = 26;

function hoursText(hours: number): string {
  return `${hours.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} h`;
}

export function CejChart(props: {
  weeks: readonly CejWeek[];
  summary: CejSummary;
  commitment: number;
}) {
  const { weeks, summary, commitment } = props;
  const shown = weeks.slice(-CHART_WEEKS);
  const max = Math.max(CEJ_MAX_WEEKLY_HOURS + 5, ...shown.map((w) => w.hours));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  // A few weeks do not make giant bars.
  const band = Math.min(plotWidth / Math.max(shown.length, 1), MAX_BAND);
  const y = (hours: number) => MARGIN.top + plotHeight - (hours / max) * plotHeight;
  const caption =
    summary.weeks === 0
      ? 'Première semaine du CEJ en cours.'
      : `${counted(summary.weeksMet, 'semaine')} sur ${summary.weeks} à ${commitment} h ou plus ; moyenne ${hoursText(summary.averageHours)} par semaine.`;

  return (
    <figure className="cej-chart">
      <figcaption>
        <strong>Activité hebdomadaire</strong> (engagement {commitment} h / semaine) — {caption}
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Heures d'activité par semaine, ${shown.length} dernières semaines. ${caption}`}
      >
        {[0, CEJ_MIN_WEEKLY_HOURS, CEJ_MAX_WEEKLY_HOURS].map((h) => (
          <g key={h}>
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={y(h)}
              y2={y(h)}
              className={h === 0 ? 'axis' : 'threshold'}
            />
            <text x={MARGIN.left - 4} y={y(h) + 4} textAnchor="end" className="tick">
              {h}
            </text>
          </g>
        ))}
        {shown.map((week, i) => {
          const x = MARGIN.left + i * band + band * 0.15;
          const height = Math.max(y(0) - y(week.hours), week.hours > 0 ? 1 : 0);
          const state = week.current ? 'current' : week.met ? 'met' : 'below';
          return (
            <g key={week.weekStart}>
              <rect
                x={x}
                y={y(0) - height}
                width={band * 0.7}
                height={height}
                className={`bar ${state}`}
              >
                <title>
                  {`Semaine du ${formatDayShort(week.weekStart)} : ${hoursText(week.hours)}${week.current ? ' (en cours)' : ''}`}
                </title>
              </rect>
              {(i % 4 === 0 || i === shown.length - 1) && (
                <text x={x + band * 0.35} y={HEIGHT - 6} textAnchor="middle" className="tick">
                  {formatDayMonth(week.weekStart)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <p className="chart-legend">
        <span className="legend met">engagement atteint</span>
        <span className="legend below">en dessous</span>
        <span className="legend current">semaine en cours</span>
        <span className="legend threshold">repères 15 h et 20 h</span>
      </p>
      <details>
        <summary>Détail par semaine</summary>
        <table className="cej-weeks">
          <thead>
            <tr>
              <th scope="col">Semaine du</th>
              <th scope="col">Total</th>
              <th scope="col">Événements</th>
              <th scope="col">Ateliers</th>
              <th scope="col">Propositions</th>
            </tr>
          </thead>
          <tbody>
            {[...weeks].reverse().map((week) => (
              <tr key={week.weekStart}>
                <th scope="row">
                  {formatDayShort(week.weekStart)}
                  {week.current ? ' (en cours)' : ''}
                </th>
                <td>{hoursText(week.hours)}</td>
                <td>{hoursText(week.events)}</td>
                <td>{hoursText(week.ateliers)}</td>
                <td>{hoursText(week.propositions)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
