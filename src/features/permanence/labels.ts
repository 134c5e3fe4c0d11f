/** French labels of the parcours shown in the permanence's dossier summaries. */
import type { PathwayRecord } from '../../domain/schemas/pathway';

type Defined<K extends keyof PathwayRecord> = NonNullable<PathwayRecord[K]>;

export const SITUATION_LABELS: Record<Defined<'situationType'>, string> = {
  emploi: 'En emploi',
  alternance: 'En alternance',
  formation: 'En formation',
  immersion: 'En immersion',
  'service-civique': 'En service civique',
  scolarite: 'Scolarisé·e',
  'demandeur-emploi': "Demandeur·se d'emploi",
  'non-professionnelle': 'Situation non professionnelle',
  inconnue: 'Situation inconnue',
};

export const PROPOSITION_TYPE_LABELS: Record<Defined<'propositionType'>, string> = {
  'offre-emploi': "Offre d'emploi",
  alternance: 'Alternance',
  formation: 'Formation',
  pmsmp: 'PMSMP',
  'contrat-aide': 'Contrat aidé',
  parrainage: 'Parrainage',
  atelier: 'Atelier',
  'orientation-partenaire': 'Orientation partenaire',
  'aide-financiere': 'Aide financière',
  autre: 'Autre',
};

export const PROPOSITION_RESULT_LABELS: Record<Defined<'result'>, string> = {
  'en-attente': 'en attente',
  acceptee: 'acceptée',
  'refusee-jeune': 'refusée par le jeune',
  'refusee-tiers': 'refusée par le tiers',
  realisee: 'réalisée',
  abandonnee: 'abandonnée',
};

/** "Formation — AFPA Alençon (acceptée)". */
export function propositionText(p: PathwayRecord): string {
  const type = p.propositionType ? PROPOSITION_TYPE_LABELS[p.propositionType] : 'Proposition';
  return `${type}${p.partner ? ` — ${p.partner}` : ''}${p.result ? ` (${PROPOSITION_RESULT_LABELS[p.result]})` : ''}`;
}

/** "9 h" or "7 h 30" for a number of hours. */
export function formatHours(hours: number): string {
  const whole = Math.floor(hours);
  const minutes = Math.round((hours - whole) * 60);
  return minutes ? `${whole} h ${String(minutes).padStart(2, '0')}` : `${whole} h`;
}
