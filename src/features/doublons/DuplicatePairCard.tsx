/**
 * One probable duplicate pair, side by side: which dossier to keep, which value to keep where
 * they differ (blanks are filled from the other dossier), what the kept dossier will look like,
 * and what will move to it. Merging asks for a confirmation; the other dossier stays as a
 * redirect with its own data.
 */
import { useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import type { PlainDocument } from '../../domain/merge';
import { differingFields, mergeDossierFields } from '../../domain/reconciliation';
import type { Youth } from '../../domain/schemas/youth';
import { findCommune } from '../../domain/territory/territory';
import { TextAreaField } from '../../ui/Field';
import { fieldLabel, formatValue, type Names } from '../reconciliation/labels';
import { dismissReview, mergeDossiers, useReviewAction } from '../reconciliation/useReviewActions';
import { ATTACHED, type DuplicatePair } from './useDuplicatePairs';
import { fullName } from '../../domain/rules/names';
import { counted } from '../../domain/plural';

/** The fields shown for every pair, in this order; any other differing field follows. */
const COMPARED = [
  'lastName',
  'birthName',
  'firstName',
  'birthDate',
  'gender',
  'phone',
  'email',
  'address',
  'communeInsee',
  'siteId',
  'referentId',
  'status',
  'createdOn',
  'outreach',
  // Not picked: the merge keeps the most recent choice, the more restrictive when in doubt.
  'consent',
];

function display(field: string, value: unknown, names: Names): string {
  if (field === 'communeInsee' && typeof value === 'string') {
    return findCommune(value)?.name ?? value;
  }
  if (field === 'outreach' && value && typeof value === 'object') {
    const outreach = value as { place?: string; need?: string };
    return [outreach.place, outreach.need && `besoin : ${outreach.need}`]
      .filter(Boolean)
      .join(' · ');
  }
  return formatValue(field, value, names);
}

interface Props {
  pair: DuplicatePair;
  names: Names;
  online: boolean;
  onSettled(message: string): void;
}

export function DuplicatePairCard({ pair, names, online, onSettled }: Props) {
  const id = useId();
  const [a, b] = pair.youths!;
  // The dossier opened first is kept by default (one without a date counts as the newer).
  const olderFirst = (a.createdOn ?? '9999') <= (b.createdOn ?? '9999') ? 0 : 1;
  const [keep, setKeep] = useState<0 | 1>(olderFirst);
  const differing = useMemo(
    () => differingFields(a as unknown as PlainDocument, b as unknown as PlainDocument),
    [a, b],
  );
  const [choices, setChoices] = useState<Record<string, 0 | 1>>({});
  const [comment, setComment] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [mergeState, merge] = useReviewAction(mergeDossiers);
  const [dismissState, dismiss] = useReviewAction(dismissReview);
  const busy = mergeState.busy || dismissState.busy;

  const dossiers = [a, b] as const;
  const kept = dossiers[keep];
  const other = dossiers[keep === 0 ? 1 : 0];
  const chosen = (field: string): 0 | 1 => choices[field] ?? keep;
  const takeFromOther = differing.filter((field) => chosen(field) !== keep);
  const preview = mergeDossierFields(
    kept as unknown as PlainDocument,
    other as unknown as PlainDocument,
    takeFromOther,
  );
  const fields = [
    ...COMPARED.filter(
      (field) => a[field as keyof Youth] !== undefined || b[field as keyof Youth] !== undefined,
    ),
    ...differing.filter((field) => !COMPARED.includes(field)),
  ];
  const moving = pair.counts.get(other.id) ?? {};
  const movingTotal = Object.values(moving).reduce((sum, n) => sum + (n ?? 0), 0);

  async function confirmMerge() {
    if (await merge(pair.review.id, kept.id, takeFromOther, comment)) {
      onSettled(`Dossiers fusionnés : ${fullName(kept)} est le dossier gardé.`);
    }
  }

  async function notTheSame() {
    if (await dismiss(pair.review.id, comment)) {
      onSettled(`Paire écartée : ${fullName(a)} et ${fullName(b)} restent deux dossiers.`);
    }
  }

  return (
    <article className="card duplicate-card" aria-labelledby={`${id}-title`}>
      <header className="conflict-header">
        <div>
          <h2 id={`${id}-title`}>
            {fullName(a)} <span className="muted">et</span> {fullName(b)}
          </h2>
          <p className="muted">
            Ressemblance {Math.round((pair.review.score ?? 0) * 100)} %
            {pair.review.siteId ? ` · ${names.site(pair.review.siteId) ?? ''}` : ''}
          </p>
        </div>
        <div className="score" aria-hidden="true">
          <span style={{ width: `${Math.round((pair.review.score ?? 0) * 100)}%` }} />
        </div>
      </header>

      <fieldset className="keep-choice">
        <legend>Dossier à garder</legend>
        {dossiers.map((youth, index) => (
          <label key={youth.id} className={`keep-option${keep === index ? ' is-chosen' : ''}`}>
            <input
              autoComplete="off"
              type="radio"
              name={`${id}-keep`}
              checked={keep === index}
              onChange={() => {
                setKeep(index as 0 | 1);
                setChoices({});
              }}
            />
            <span>
              <strong>Dossier {index + 1}</strong> — {names.site(youth.siteId) ?? 'site inconnu'}
              {youth.createdOn ? `, ouvert le ${display('createdOn', youth.createdOn, names)}` : ''}
              <br />
              <span className="muted">
                {ATTACHED.map(({ collection, one, many }) => {
                  const n = pair.counts.get(youth.id)?.[collection] ?? 0;
                  return n > 0 ? `${n} ${n > 1 ? many : one}` : null;
                })
                  .filter(Boolean)
                  .join(', ') || 'aucun document rattaché'}
              </span>
            </span>
          </label>
        ))}
      </fieldset>

      <div className="table-scroll">
        <table className="compare">
          <caption className="visually-hidden">
            Comparaison des deux dossiers et dossier après fusion
          </caption>
          <colgroup>
            <col className="compare-field" />
            <col />
            <col />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Champ</th>
              <th scope="col">
                Dossier 1{' '}
                <Link href={`/dossiers/${a.id}`} className="compare-link">
                  ouvrir
                </Link>
              </th>
              <th scope="col">
                Dossier 2{' '}
                <Link href={`/dossiers/${b.id}`} className="compare-link">
                  ouvrir
                </Link>
              </th>
              <th scope="col">Après fusion</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => {
              const differs = differing.includes(field);
              const filled =
                !differs &&
                kept[field as keyof Youth] === undefined &&
                preview[field] !== undefined;
              return (
                <tr key={field} className={differs ? 'is-different' : undefined}>
                  <th scope="row">{fieldLabel(field)}</th>
                  {dossiers.map((youth, index) => {
                    const value = display(field, youth[field as keyof Youth], names);
                    return (
                      <td key={youth.id}>
                        {differs ? (
                          <label className="compare-choice">
                            <input
                              autoComplete="off"
                              type="radio"
                              name={`${id}-${field}`}
                              checked={chosen(field) === index}
                              onChange={() =>
                                setChoices((c) => ({ ...c, [field]: index as 0 | 1 }))
                              }
                            />
                            <span>{value}</span>
                            <span className="visually-hidden">
                              {' '}
                              ({fieldLabel(field)}, dossier {index + 1})
                            </span>
                          </label>
                        ) : (
                          value
                        )}
                      </td>
                    );
                  })}
                  <td>
                    {display(field, preview[field], names)}
                    {filled && <span className="badge">complété</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <TextAreaField
        label="Commentaire (facultatif)"
        rows={2}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        maxLength={2000}
      />
      {(mergeState.error ?? dismissState.error) && (
        <p className="form-error" role="alert">
          {mergeState.error ?? dismissState.error}
        </p>
      )}
      {confirming ? (
        <div className="confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>
            <strong>Confirmer la fusion ?</strong> Le dossier {keep === 0 ? 2 : 1} (
            {fullName(other)}) deviendra un renvoi vers le dossier gardé
            {movingTotal > 0
              ? `, et ses ${counted(movingTotal, 'document')} y seront rattachés`
              : ''}
            . Tous les appareils recevront la fusion.
          </p>
          <div className="conflict-actions">
            <button
              type="button"
              className="button-primary"
              disabled={busy || !online}
              onClick={() => void confirmMerge()}
            >
              {mergeState.busy ? 'Fusion en cours…' : 'Confirmer la fusion'}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              Annuler
            </button>
          </div>
        </div>
      ) : (
        <div className="conflict-actions">
          <button
            type="button"
            className="button-primary"
            disabled={busy || !online}
            onClick={() => setConfirming(true)}
          >
            Fusionner les deux dossiers
          </button>
          <button
            type="button"
            className="button-secondary"
            disabled={busy || !online}
            onClick={() => void notTheSame()}
          >
            {dismissState.busy ? 'Envoi…' : 'Ce ne sont pas les mêmes jeunes'}
          </button>
        </div>
      )}
    </article>
  );
}
