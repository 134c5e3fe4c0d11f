/** French labels of the parcours shown in the permanence's dossier summaries. */
import { PROPOSITION_RESULT_LABELS, PROPOSITION_TYPE_LABELS } from '../../domain/labels';
import type { PathwayRecord } from '../../domain/schemas/pathway';

type Defined<K extends keyof PathwayRecord> = NonNullable<PathwayRecord[K]>;

/** The situation as a state of the person ("En formation"), not the name of its type. */
export const SITUATION_LABELS: Record<Defined<'situationType'>, string> = {
  emploi: 'En emploi',
  alternance: 'En alternance',
  formation: 'En formation',
  immersion: 'En immersion',
  volontariat: 'En volontariat ou bénévolat',
  scolarite: 'Scolarisé·e',
  'demandeur-emploi': "Demandeur·se d'emploi",
  'non-professionnelle': 'Situation non professionnelle',
  inconnue: 'Situation inconnue',
};

/** "Formation — AFPA Alençon (acceptée)": the domain's labels, the result in lower case. */
export function propositionText(p: PathwayRecord): string {
  const type = p.propositionType ? PROPOSITION_TYPE_LABELS[p.propositionType] : 'Proposition';
  return `${type}${p.partner ? ` — ${p.partner}` : ''}${p.result ? ` (${PROPOSITION_RESULT_LABELS[p.result].toLowerCase()})` : ''}`;
}
