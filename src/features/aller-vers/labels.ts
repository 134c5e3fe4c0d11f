/** French labels of the aller-vers screens. */
import type { OutreachNeed } from './contact-form';

export const NEED_LABELS: Record<OutreachNeed, string> = {
  emploi: 'Emploi',
  formation: 'Formation',
  logement: 'Logement',
  sante: 'Santé',
  droits: 'Droits',
  mobilite: 'Mobilité',
  autre: 'Autre',
};

/** Read to the young person before anything is recorded (libre adhésion, RGPD). */
export const RGPD_INFORMATION = [
  'La Mission Locale Jeunes du Pays d’Alençon note ton prénom, ton année de naissance, le lieu de notre rencontre, ce dont tu as besoin et, si tu le veux bien, ton téléphone, pour pouvoir te proposer un accompagnement.',
  'Rien n’est obligatoire : l’accompagnement repose sur ta libre adhésion. Ces informations restent à la Mission Locale et sont conservées au plus tard jusqu’à tes 26 ans.',
  'Tu peux à tout moment les consulter, les faire corriger ou effacer : 59 rue Saint-Blaise à Alençon.',
];
