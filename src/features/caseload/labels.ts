/** French labels of the dossier's coded values. */
import type { YouthStatus } from '../../domain/schemas/youth';

export const STATUS_LABELS: Record<YouthStatus, string> = {
  'contact-aller-vers': 'Contact aller-vers',
  'premier-accueil': 'Premier accueil',
  accompagne: 'Accompagné·e',
  'en-veille': 'En veille',
  sorti: 'Sorti·e',
};
