/**
 * Columns per month, drawn in SVG (no chart library: a few rectangles). The chart is an image
 * with a title for assistive technologies; the table under it says the same figures.
 */
export interface Series {
  name: string;
  values: readonly number[];
  className: string;
}

/** The drawing's own units: it scales to the width of its box, text included, undistorted. */
const WIDTH = 900;
const HEIGHT = 180;
const AXIS = 24;

export function ColumnChart({
  title,
  labels,
  series,
}: {
  title: string;
  labels: readonly string[];
  series: readonly Series[];
}) {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const slot = WIDTH / Math.max(1, labels.length);
  const group = Math.min(slot * 0.7, series.length * 28);
  const bar = group / series.length;
  const id = `chart-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <figure className="column-chart">
      <svg role="img" aria-labelledby={id} viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`}>
        <title id={id}>{`${title} (détail dans le tableau ci-dessous)`}</title>
        <line x1="0" x2={WIDTH} y1={HEIGHT} y2={HEIGHT} className="chart-axis" />
        {labels.map((label, i) => (
          <g key={label} transform={`translate(${i * slot + (slot - group) / 2},0)`}>
            {series.map((s, j) => {
              const h = ((s.values[i] ?? 0) / max) * (HEIGHT - 16);
              return (
                <rect
                  key={s.name}
                  className={s.className}
                  x={j * bar}
                  y={HEIGHT - h}
                  width={Math.max(2, bar - 2)}
                  height={h}
                />
              );
            })}
            <text x={group / 2} y={HEIGHT + 16} textAnchor="middle" className="chart-label">
              {label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="chart-legend">
        {series.map((s) => (
          <span key={s.name}>
            <span className={`legend-swatch ${s.className}`} aria-hidden="true" /> {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
