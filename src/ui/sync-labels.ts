/**
 * French words of the sync panel: the collections as the advisers name them, and for each
 * error code what to do about it (the error itself is said by `frenchMessage`).
 */
import type { CollectionName } from '../domain/collections';
import { isErrorCode, type ErrorCode } from '../domain/errors';

export const COLLECTION_LABELS: Record<CollectionName, string> = {
  youths: 'Dossiers jeunes',
  events: 'Entretiens, contacts et autres événements',
  pathway: 'Parcours (situations, demandes, propositions, dispositifs)',
  appointments: 'Rendez-vous',
  workshops: 'Ateliers et informations collectives',
  attendances: 'Inscriptions et émargements',
  mobility: 'Mobilité (véhicules et prêts)',
  sites: 'Sites et permanences',
  staff: 'Annuaire des conseillers',
  reviews: 'Points à examiner au siège',
  accesses: 'Journal des consultations de dossiers',
};

const KEEP_WORKING = 'Rien n’est perdu : tout reste sur cet appareil.';

const ADVICE: Partial<Record<ErrorCode, string>> = {
  NETWORK:
    'Continuez à travailler : tout reste sur cet appareil et part tout seul au retour du réseau.',
  UNAUTHENTICATED: `Déconnectez-vous puis reconnectez-vous dès que le réseau est là. ${KEEP_WORKING}`,
  ACCOUNT_DISABLED: `Contactez la direction avant d’effacer quoi que ce soit. ${KEEP_WORKING}`,
  DEVICE_REVOKED: 'Contactez la direction : cet appareil ne doit plus être utilisé pour Relais.',
  FORBIDDEN:
    'La modification refusée reste visible ici : demandez au siège de la reporter ou de vous donner accès.',
  OUT_OF_SCOPE:
    'Demandez au siège de vous rattacher à ce dossier, ou de reporter la modification ; elle reste visible ici.',
  SCOPE_LEFT:
    'Rien n’est perdu : le siège voit votre saisie et décide de la reporter dans le dossier. Demandez-lui de vous y rattacher si vous suivez toujours ce jeune.',
  READ_ONLY_COLLECTION: 'Ces informations se modifient au siège : demandez-lui le changement.',
  APPEND_ONLY: 'Ajoutez un nouvel événement qui corrige le précédent.',
  INVALID_TRANSITION:
    'Ouvrez la proposition : son état a changé entre-temps, choisissez l’étape suivante permise.',
  NOT_HAPPENED_YET:
    'Ouvrez le rendez-vous ou l’événement : notez-le le jour venu, ou corrigez sa date. Le reste est envoyé.',
  AGE_OUT_OF_RANGE:
    'Ouvrez le dossier et corrigez la date de naissance (ou la date d’accueil) : il sera envoyé ensuite.',
  VALIDATION_FAILED:
    'Ouvrez l’élément concerné pour corriger la saisie ; si rien n’y paraît, prévenez l’administrateur.',
  ROWS_REFUSED: 'Ouvrez le détail ci-dessus : chaque refus dit pourquoi.',
  SCHEMA_OUTDATED:
    'Mettez Relais à jour avec le bouton « Mettre à jour maintenant », ou rechargez la page.',
  RATE_LIMITED: 'Patientez quelques minutes, puis « Synchroniser maintenant ».',
  PAYLOAD_TOO_LARGE: `Réessayez ; si cela se répète, prévenez l’administrateur. ${KEEP_WORKING}`,
  TOO_MANY_ROWS: `Réessayez ; si cela se répète, prévenez l’administrateur. ${KEEP_WORKING}`,
  INTERNAL: `Réessayez dans quelques minutes ; si cela se répète, prévenez l’administrateur. ${KEEP_WORKING}`,
};

/** What the user can do about an error code, in French. */
export function adviceFor(code: string): string {
  return (
    (isErrorCode(code) ? ADVICE[code] : undefined) ??
    `Réessayez avec « Synchroniser maintenant » ; si cela se répète, prévenez l’administrateur. ${KEEP_WORKING}`
  );
}
