/**
 * One conflict for the siège: the values typed on each side, who typed them, when and from which
 * device, the one the document holds now; keep one, or type a merged value, with a comment.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { jsonEqual } from '../../domain/merge';
import { conflictFieldValue, OVERLAP_FIELD } from '../../domain/reconciliation';
import type { CollectionName } from '../../domain/collections';
import { fixedClock, formatDayShort, formatInstant, formatSince } from '../../domain/time';
import { TextAreaField } from '../../ui/Field';
import {
  COLLECTION_LABELS,
  fieldLabel,
  formatValue,
  isFreeText,
  isLongText,
  type Names,
} from './labels';
import type { ConflictItem } from './conflictQueue';
import {
  dismissReview,
  resolveConflict,
  useReviewAction,
  type Resolution,
} from './useReviewActions';
import { fullName } from '../../domain/rules/names';
import { useTypedInput } from '../../app/pwa/useUnsavedChanges';

interface Props {
  item: ConflictItem;
  names: Names;
  deviceLabel(id: string): string | undefined;
  now: Date;
  online: boolean;
  onSettled(message: string): void;
}

const EDIT = 'edit';

/** The dossier's name, or the vehicle and day of a loan in conflict. */
function titleOf(item: ConflictItem, dossier: ConflictItem['youths'][number] | undefined): string {
  const loan = item.target;
  if (item.review.targetCollection === 'mobility' && typeof loan?.startDate === 'string') {
    const vehicle = typeof item.vehicle?.label === 'string' ? item.vehicle.label : 'Véhicule';
    return `${vehicle} — ${formatDayShort(loan.startDate)}`;
  }
  return dossier ? fullName(dossier) : 'Dossier pas encore sur cet appareil';
}

export function ConflictCard({ item, names, deviceLabel, now, online, onSettled }: Props) {
  const typed = useTypedInput('la valeur à garder');
  const { review, target, youths } = item;
  const id = useId();
  const field = review.field ?? '';
  const collection = (review.targetCollection ?? 'youths') as CollectionName;
  const values = review.values ?? [];
  const [choice, setChoice] = useState<string>('');
  // A long text starts from both texts; a short one from the first value.
  const [merged, setMerged] = useState(() => {
    const texts = values.map((v) => (typeof v.value === 'string' ? v.value : '')).filter(Boolean);
    return isLongText(field) ? texts.join('\n\n') : (texts[0] ?? '');
  });
  const [comment, setComment] = useState('');
  const [missingChoice, setMissingChoice] = useState(false);
  const [resolveState, resolve] = useReviewAction(resolveConflict);
  const [dismissState, dismiss] = useReviewAction(dismissReview);
  const busy = resolveState.busy || dismissState.busy;
  const error = resolveState.error ?? dismissState.error;

  const current = target !== undefined ? conflictFieldValue(collection, target, field) : undefined;
  const dossier = youths[0];
  const title = titleOf(item, dossier);
  const siteName = review.siteId ? names.site(review.siteId) : undefined;
  const editable = isFreeText(field) && values.every((v) => typeof (v.value ?? '') === 'string');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (choice === '') {
      setMissingChoice(true);
      return;
    }
    setMissingChoice(false);
    const resolution: Resolution =
      choice === EDIT ? { value: merged.trim() } : { choice: Number(choice) };
    if (await resolve(review.id, resolution, comment)) {
      onSettled(`Conflit résolu pour ${title} (${fieldLabel(field).toLowerCase()}).`);
    }
  }

  async function keepAsIs() {
    if (await dismiss(review.id, comment)) {
      onSettled(`Conflit classé sans modification pour ${title}.`);
    }
  }

  return (
    <article className="card conflict-card" aria-labelledby={`${id}-title`}>
      <header className="conflict-header">
        <div>
          <h2 id={`${id}-title`}>
            {title} <span className="conflict-field">· {fieldLabel(field)}</span>
          </h2>
          <p className="muted">
            {COLLECTION_LABELS[collection]}
            {siteName ? ` · ${siteName}` : ''}
            {review.openedAt
              ? ` · conflit ouvert ${formatSince(new Date(review.openedAt), fixedClock(now))}`
              : ''}
          </p>
        </div>
        <div className="conflict-links">
          {youths.map((youth) => (
            <Link key={youth.id} href={`/dossiers/${youth.id}`} className="conflict-link">
              {youths.length > 1 ? `Dossier de ${fullName(youth)}` : 'Ouvrir le dossier'}
            </Link>
          ))}
        </div>
      </header>
      <form
        onChange={typed.onChange}
        autoComplete="off"
        onSubmit={(event) => void submit(event)}
        noValidate
      >
        <fieldset
          className="conflict-values"
          aria-describedby={missingChoice ? `${id}-missing` : undefined}
        >
          <legend>
            {field === OVERLAP_FIELD ? 'Prêt qui garde le véhicule' : 'Valeur à garder'}
          </legend>
          {values.map((value, index) => {
            const isCurrent = target !== undefined && jsonEqual(value.value, current);
            const device = value.deviceId ? deviceLabel(value.deviceId) : undefined;
            return (
              <label
                key={`${value.rev ?? index}`}
                className={`conflict-value${choice === String(index) ? ' is-chosen' : ''}`}
              >
                <input
                  autoComplete="off"
                  type="radio"
                  name={`${id}-choice`}
                  value={index}
                  checked={choice === String(index)}
                  onChange={() => setChoice(String(index))}
                />
                <span className="conflict-value-text">
                  {formatValue(field, value.value, names)}
                </span>
                <span className="conflict-value-meta">
                  Saisi par {names.staff(value.by) ?? 'un utilisateur inconnu'}
                  {value.at ? `, le ${formatInstant(value.at)}` : ''}
                  {device ? ` · ${device}` : ''}
                </span>
                {field === OVERLAP_FIELD ? (
                  <span className="badge">
                    {index === values.length - 1
                      ? 'Arrivé en second : en attente'
                      : 'Arrivé en premier : maintenu'}
                  </span>
                ) : (
                  isCurrent && <span className="badge">Dans le dossier actuellement</span>
                )}
              </label>
            );
          })}
          {editable && (
            <div className={`conflict-value conflict-edit${choice === EDIT ? ' is-chosen' : ''}`}>
              <label className="conflict-edit-choice">
                <input
                  autoComplete="off"
                  type="radio"
                  name={`${id}-choice`}
                  value={EDIT}
                  checked={choice === EDIT}
                  onChange={() => setChoice(EDIT)}
                />
                <span className="conflict-value-text">Saisir une valeur fusionnée</span>
              </label>
              <label htmlFor={`${id}-merged`} className="visually-hidden">
                Valeur fusionnée ({fieldLabel(field)})
              </label>
              {isLongText(field) ? (
                <textarea
                  autoComplete="off"
                  id={`${id}-merged`}
                  rows={3}
                  value={merged}
                  onChange={(e) => setMerged(e.target.value)}
                  onFocus={() => setChoice(EDIT)}
                  aria-invalid={resolveState.issues.length > 0 || undefined}
                />
              ) : (
                <input
                  autoComplete="off"
                  id={`${id}-merged`}
                  value={merged}
                  onChange={(e) => setMerged(e.target.value)}
                  onFocus={() => setChoice(EDIT)}
                  aria-invalid={resolveState.issues.length > 0 || undefined}
                />
              )}
            </div>
          )}
        </fieldset>
        {missingChoice && (
          <p id={`${id}-missing`} className="field-error">
            Choisissez la valeur à garder.
          </p>
        )}
        <TextAreaField
          label="Commentaire (facultatif)"
          hint="Gardé avec la décision, visible dans l'historique."
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          maxLength={2000}
        />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="conflict-actions">
          <button type="submit" className="button-primary" disabled={busy || !online}>
            {resolveState.busy ? 'Envoi…' : 'Valider la résolution'}
          </button>
          {field !== OVERLAP_FIELD && (
            <button
              type="button"
              className="button-secondary"
              disabled={busy || !online}
              onClick={() => void keepAsIs()}
            >
              {dismissState.busy ? 'Envoi…' : 'Classer sans modifier'}
            </button>
          )}
        </div>
      </form>
    </article>
  );
}
