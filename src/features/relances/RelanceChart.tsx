/** How many young people each signal concerns, as a small bar chart. */
import type { RelanceAssessment } from '../../domain/rules/relances';

interface Bar {
  label: string;
  count: number;
  className: string;
}

export function relanceBars(
  assessments: readonly RelanceAssessment[],
  thresholds: readonly number[],
): Bar[] {
  const silences = assessments.flatMap((a) => a.reasons.filter((r) => r.code === 'silence'));
  const ascending = [...thresholds].sort((a, b) => a - b);
  const bars: Bar[] = ascending
    .map((threshold, i) => {
      const next = ascending[i + 1];
      return {
        label: next
          ? `Sans nouvelles ${threshold} à ${next - 1} jours`
          : `Sans nouvelles ${threshold} jours et plus`,
        count: silences.filter((r) => r.code === 'silence' && r.threshold === threshold).length,
        className: next ? 'reason-silence' : 'reason-silence-high',
      };
    })
    .reverse();
  const count = (code: string) =>
    assessments.filter((a) => a.reasons.some((r) => r.code === code)).length;
  bars.push(
    {
      label: 'Rendez-vous manqués de suite',
      count: count('missed-in-a-row'),
      className: 'reason-missed-in-a-row',
    },
    {
      label: 'Heures CEJ insuffisantes',
      count: count('cej-hours-short'),
      className: 'reason-cej-hours-short',
    },
    {
      label: 'Relancés, en attente',
      count: assessments.filter((a) => a.state === 'en-attente').length,
      className: 'reason-waiting',
    },
  );
  return bars;
}

export function RelanceChart({ bars }: { bars: readonly Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  return (
    <figure className="relance-chart">
      <figcaption className="visually-hidden">Nombre de jeunes par signal</figcaption>
      <ul>
        {bars.map((bar) => (
          <li key={bar.label}>
            <span className="bar-label">{bar.label}</span>
            <span className="bar-track" aria-hidden="true">
              <span
                className={`bar-fill ${bar.className}`}
                style={{ width: `${(bar.count / max) * 100}%` }}
              />
            </span>
            <span className="bar-count">{bar.count}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
