import './bar-list.css';

/** Horizontal bars for a breakdown (EPCI, QPV and zone rurale); the table under it is the text. */
export function BarList({
  title,
  rows,
}: {
  title: string;
  rows: readonly { label: string; count: number }[];
}) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <figure className="bar-list">
      <figcaption className="visually-hidden">{title}</figcaption>
      <ul aria-hidden="true">
        {rows.map((row) => (
          <li key={row.label}>
            <span className="bar-label">{row.label}</span>
            <span className="bar-track">
              <span className="bar-fill" style={{ width: `${(row.count / max) * 100}%` }} />
            </span>
            <span className="bar-count">{row.count}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
