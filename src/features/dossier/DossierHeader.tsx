/**
 * The top of a dossier: name, age (with the 16–25 / CEJ-RQTH warning), statut, residence,
 * dispositif running, référent and site, its handover (« Suivi temporairement par… », the last
 * one), level of education with its diploma, how the young person came to the Mission Locale,
 * and what this device has not sent yet for this dossier.
 */
import { useClock } from '../../app/clock-context';
import {
  EDUCATION_LEVEL_LABELS,
  EXIT_REASON_LABELS,
  ORIENTATION_LABELS,
  STATUS_LABELS,
} from '../../domain/labels';
import { dispositifOn } from '../../domain/rules/dispositif';
import { handoverSummary } from '../../domain/rules/handover';
import type { PathwayRecord } from '../../domain/schemas/pathway';
import type { Site } from '../../domain/schemas/site';
import type { Youth } from '../../domain/schemas/youth';
import { describeResidence, RURAL_ZONING_LABELS } from '../../domain/territory/territory';
import { formatDayShort, today } from '../../domain/time';
import type { PendingState } from '../../sync/pending';
import { PendingMarker } from '../../ui/PendingMarker';
import { AGE_WARNING_TEXT, ageInfo } from './dossier-form';

interface Props {
  youth: Youth;
  dispositifs: readonly PathwayRecord[];
  sites: readonly Site[];
  names: ReadonlyMap<string, string>;
  pending: PendingState;
  /** Ids of the dossier's events and parcours records. */
  attachedIds: ReadonlySet<string>;
  canSeeSensitive: boolean;
}

/** How many records of this young person wait to be sent (events, parcours…). */
function pendingAttached(
  pending: PendingState,
  youthId: string,
  attachedIds: ReadonlySet<string>,
): number {
  let count = pending.youths[youthId] ? 1 : 0;
  for (const id of Object.keys(pending.events)) if (attachedIds.has(id)) count += 1;
  for (const id of Object.keys(pending.pathway)) if (attachedIds.has(id)) count += 1;
  return count;
}

export function DossierHeader({
  youth,
  dispositifs,
  sites,
  names,
  pending,
  attachedIds,
  canSeeSensitive,
}: Props) {
  const clock = useClock();
  const age = ageInfo(youth.birthDate ?? '', canSeeSensitive && youth.rqth === true, clock);
  const residence = describeResidence(youth.communeInsee, youth.qpvCode);
  const running = dispositifOn(dispositifs, today(clock));
  const site = sites.find((s) => s.id === youth.siteId);
  const waiting = pendingAttached(pending, youth.id, attachedIds);
  const handover = handoverSummary(youth, (id) => names.get(id) ?? 'Inconnu·e');
  return (
    <header className="dossier-header card">
      <div className="dossier-title-line">
        <h1 id="dossier-title">
          {youth.firstName} {youth.lastName.toUpperCase()}
          {youth.birthName && <span className="muted birth-name"> né·e {youth.birthName}</span>}
        </h1>
        <span className={`status-badge status-${youth.status}`}>{STATUS_LABELS[youth.status]}</span>
        {running && <span className="tag tag-running">{running.programme} en cours</span>}
        <PendingMarker entry={pending.youths[youth.id]} />
        {waiting > 1 && <span className="muted small">{waiting} éléments non envoyés</span>}
      </div>
      <dl className="dossier-facts">
        <div>
          <dt>Âge</dt>
          <dd>
            {age.years === undefined
              ? 'Inconnu'
              : `${age.approximate ? 'environ ' : ''}${age.years} ans`}
            {age.warning && <span className="age-warning"> — {AGE_WARNING_TEXT[age.warning]}</span>}
          </dd>
        </div>
        <div>
          <dt>Commune</dt>
          <dd>
            {residence.commune?.name ?? 'Non renseignée'}
            {residence.epci && (
              <span className="muted"> · {residence.epci.shortName || residence.epci.name}</span>
            )}
            {residence.qpv && <span className="tag tag-qpv">QPV {residence.qpv.name}</span>}
            {residence.rural && (
              <span className="tag tag-rural">{RURAL_ZONING_LABELS[residence.ruralZoning]}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Référent·e</dt>
          <dd>{youth.referentId ? (names.get(youth.referentId) ?? 'Inconnu·e') : 'À désigner'}</dd>
        </div>
        <div>
          <dt>Site</dt>
          <dd>{site?.name ?? '—'}</dd>
        </div>
        {youth.educationLevel && (
          <div>
            <dt>Niveau de formation</dt>
            <dd>
              {EDUCATION_LEVEL_LABELS[youth.educationLevel]}
              {youth.educationLevel !== 'sans-diplome' &&
                youth.diplomaObtained !== undefined &&
                (youth.diplomaObtained ? ', diplôme obtenu' : ', diplôme non obtenu')}
            </dd>
          </div>
        )}
        {youth.orientation && (
          <div>
            <dt>Venu·e par</dt>
            <dd>{ORIENTATION_LABELS[youth.orientation]}</dd>
          </div>
        )}
        {handover && (
          <div className="dossier-handover">
            <dt>Passation</dt>
            <dd>{handover}</dd>
          </div>
        )}
        {youth.phone && (
          <div>
            <dt>Téléphone</dt>
            <dd>
              <a href={`tel:${youth.phone.replace(/\s/g, '')}`}>{youth.phone}</a>
            </dd>
          </div>
        )}
        {youth.status === 'sorti' && (
          <div>
            <dt>Sortie</dt>
            <dd>
              {youth.exitReason ? EXIT_REASON_LABELS[youth.exitReason] : 'Motif non renseigné'}
              {youth.exitDate && ` le ${formatDayShort(youth.exitDate)}`}
            </dd>
          </div>
        )}
        {canSeeSensitive && (youth.rqth || youth.ase || youth.justice) && (
          <div>
            <dt>À savoir</dt>
            <dd>
              {[youth.rqth && 'RQTH', youth.ase && 'ASE', youth.justice && 'Sous main de justice']
                .filter(Boolean)
                .join(' · ')}
            </dd>
          </div>
        )}
      </dl>
    </header>
  );
}
