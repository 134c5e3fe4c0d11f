/** The French words of Atelier Mob's screens (issue 16). */
import type {
  DepositState,
  Licence,
  LoanPurpose,
  UnavailabilityReason,
  VehicleKind,
} from '../../domain/schemas/mobility';

export const VEHICLE_KIND_LABELS: Record<VehicleKind, string> = {
  scooter: 'Scooter 50 cm³',
  'velo-electrique': 'Vélo à assistance électrique',
  'voiture-sans-permis': 'Voiture sans permis',
  voiture: 'Voiture',
  velo: 'Vélo',
  autre: 'Autre',
};

export const LICENCE_LABELS: Record<Licence, string> = {
  aucun: 'Aucun permis',
  am: 'Permis AM (ex-BSR)',
  b: 'Permis B',
};

export const PURPOSE_LABELS: Record<LoanPurpose, string> = {
  emploi: 'Emploi',
  formation: 'Formation',
  pmsmp: 'PMSMP',
  entretien: 'Entretien d’embauche',
  autre: 'Autre',
};

export const DEPOSIT_LABELS: Record<DepositState, string> = {
  'non-demandee': 'Pas de caution',
  'a-recevoir': 'À recevoir',
  recue: 'Reçue',
  restituee: 'Rendue au jeune',
  retenue: 'Retenue',
};

export const UNAVAILABILITY_LABELS: Record<UnavailabilityReason, string> = {
  entretien: 'Entretien',
  reparation: 'Réparation',
  controle: 'Contrôle',
  autre: 'Autre',
};

export const CONDITION_LABELS = {
  bon: 'Bon état',
  usage: 'Usé',
  'a-reviser': 'À réviser',
} as const;

/** The conditions of the contract, as printed and accepted. */
export const LOAN_CONDITIONS = [
  'Le véhicule est prêté pour le motif indiqué, pendant la période indiquée ; il est rendu au plus tard le dernier jour, au lieu de remise.',
  'L’emprunteur·euse conduit seul·e le véhicule, avec le permis qu’il demande, et respecte le code de la route ; le casque est obligatoire en scooter et conseillé à vélo.',
  'Le véhicule est gardé en lieu sûr, antivol mis ; tout vol, accident ou panne est signalé le jour même à l’Atelier Mob.',
  'Les amendes et frais dus à une infraction sont à la charge de l’emprunteur·euse.',
  'La caution est rendue au retour du véhicule en bon état ; elle peut être retenue en tout ou partie en cas de dégâts ou de non-restitution.',
  'Une prolongation se demande avant la date de retour ; elle n’est accordée que si le véhicule n’est pas réservé ensuite.',
];
