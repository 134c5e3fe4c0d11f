/**
 * A small bar chart of the open conflicts by age: the siège sees at a glance what has waited
 * too long. Each bar is a button that filters the queue to its age.
 */
import { AGE_BUCKETS, type AgeBucket } from './filters';
import { counted } from '../../domain/plural';

interface Props {
  counts: Record<AgeBucket, number>;
  selected: AgeBucket | '';
  onSelect(bucket: AgeBucket | ''): void;
}

export function AgeChart({ counts, selected, onSelect }: Props) {
  const max = Math.max(1, ...Object.values(counts));
  return (
    <figure className="age-chart">
      <figcaption>Conflits ouverts selon leur ancienneté</figcaption>
      <ul>
        {AGE_BUCKETS.map((bucket) => {
          const count = counts[bucket.id];
          const active = selected === bucket.id;
          return (
            <li key={bucket.id}>
              <button
                type="button"
                className={`age-bar age-${bucket.id}${active ? ' is-active' : ''}`}
                aria-pressed={active}
                onClick={() => onSelect(active ? '' : bucket.id)}
              >
                <span className="age-bar-label">{bucket.label}</span>
                <span className="age-bar-track" aria-hidden="true">
                  <span
                    className="age-bar-fill"
                    style={{ width: `${Math.round((count / max) * 100)}%` }}
                  />
                </span>
                <span className="age-bar-count">{counted(count, 'conflit')}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
