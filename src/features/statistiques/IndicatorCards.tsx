/** The indicators as cards, by theme, each with the sentence that defines it. */
import type { IndicatorGroup } from '../../domain/indicators/definitions';
import type { IndicatorFigure } from '../../domain/indicators/report';
import { formatCell, percent } from '../../domain/indicators/tables';

const GROUPS: Record<IndicatorGroup, string> = {
  public: 'Jeunes',
  entretiens: 'Entretiens individuels',
  collectif: 'Actions collectives',
  parcours: 'Entrées en situation',
  dispositifs: 'CEJ et PACEA',
  autres: 'Mobilité, aller vers, relances',
};

export function indicatorText(figure: IndicatorFigure): string {
  if (figure.kind === 'count') return (figure.value ?? 0).toLocaleString('fr-FR');
  if (figure.value === null) return '—';
  return `${formatCell(percent(figure.value))} %`;
}

export function IndicatorCards({ indicators }: { indicators: readonly IndicatorFigure[] }) {
  return (
    <div className="indicator-groups">
      {(Object.keys(GROUPS) as IndicatorGroup[]).map((group) => {
        const figures = indicators.filter((i) => i.group === group);
        if (figures.length === 0) return null;
        return (
          <section key={group} aria-labelledby={`indicators-${group}`}>
            <h3 id={`indicators-${group}`}>{GROUPS[group]}</h3>
            <ul className="indicator-cards">
              {figures.map((figure) => (
                <li key={figure.id} className="indicator-card">
                  <p className="indicator-label">{figure.label}</p>
                  <p className="indicator-value">
                    {indicatorText(figure)}
                    {figure.kind === 'rate' && figure.denominator !== undefined && (
                      <span className="indicator-ratio">
                        {' '}
                        ({(figure.numerator ?? 0).toLocaleString('fr-FR')} sur{' '}
                        {figure.denominator.toLocaleString('fr-FR')})
                      </span>
                    )}
                  </p>
                  <p className="indicator-definition">{figure.definition}</p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
