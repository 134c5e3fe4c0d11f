/**
 * Typed error codes shared by the server and the PWA, with one mapping to HTTP status and one to
 * French text. The server always answers `{error: {code, message, details?}}`; the PWA shows the
 * French text of the code, never a raw message.
 */

export const ERROR_CODES = {
  INVALID_JSON: { status: 400, fr: 'La requête envoyée est illisible.' },
  MALFORMED_REQUEST: { status: 400, fr: 'La requête envoyée est illisible.' },
  VALIDATION_FAILED: { status: 400, fr: 'Certaines données ne sont pas valides.' },
  UNKNOWN_COLLECTION: { status: 404, fr: 'Type de données inconnu du serveur.' },
  NOT_FOUND: { status: 404, fr: 'Élément introuvable.' },
  UNAUTHENTICATED: { status: 401, fr: 'Votre session a expiré : reconnectez-vous.' },
  INVALID_CREDENTIALS: { status: 401, fr: 'Identifiant ou mot de passe incorrect.' },
  ACCOUNT_DISABLED: { status: 403, fr: 'Ce compte est désactivé : contactez la direction.' },
  FORBIDDEN: { status: 403, fr: 'Votre rôle ne permet pas cette action.' },
  OUT_OF_SCOPE: {
    status: 403,
    fr: 'Ce dossier ne fait pas partie de votre périmètre : la modification a été refusée.',
  },
  SCOPE_LEFT: {
    status: 403,
    fr: 'Ce dossier a quitté votre périmètre entre-temps : votre saisie a été transmise au siège pour vérification.',
  },
  READ_ONLY_COLLECTION: { status: 403, fr: 'Ces données sont gérées par le siège.' },
  APPEND_ONLY: {
    status: 409,
    fr: 'Un événement enregistré ne se modifie pas : ajoutez une correction.',
  },
  INVALID_TRANSITION: { status: 409, fr: "Ce changement d'état n'est pas permis." },
  SLOT_TAKEN: {
    status: 409,
    fr: 'Ce véhicule est déjà réservé à cette date par un autre site : les deux réservations sont transmises au siège.',
  },
  REVIEW_CLOSED: { status: 409, fr: 'Ce point a déjà été traité au siège.' },
  ALREADY_MERGED: { status: 409, fr: 'Ce dossier a déjà été fusionné dans un autre.' },
  ERASURE_NOT_CONFIRMED: {
    status: 400,
    fr: "Pour effacer ce dossier, saisissez exactement le prénom et le nom du jeune : rien n'a été effacé.",
  },
  ALREADY_ERASED: { status: 409, fr: 'Ce dossier a déjà été effacé.' },
  DISPOSITIF_OVERLAP: {
    status: 409,
    fr: 'Un jeune ne peut pas être dans deux dispositifs à la fois (CEJ et PACEA) : les dates se chevauchent.',
  },
  DISPOSITIF_EXIT_WITHOUT_END: {
    status: 400,
    fr: 'Un motif de sortie va avec la date de fin réelle du dispositif : indiquez la date.',
  },
  DISPOSITIF_END_WITHOUT_REASON: {
    status: 400,
    fr: 'Une date de fin réelle va avec le motif de sortie du dispositif : choisissez le motif.',
  },
  DISPOSITIF_ENDED_BEFORE_START: {
    status: 400,
    fr: 'Un dispositif ne peut pas se terminer avant d’avoir commencé : vérifiez la date de fin.',
  },
  CONSENT_REQUIRED: {
    status: 409,
    fr: "Un dossier ne s'ouvre qu'avec la libre adhésion du jeune et après l'information RGPD : il n'a pas été enregistré.",
  },
  NOT_HAPPENED_YET: {
    status: 409,
    fr: 'Ce qui n’a pas encore eu lieu ne se note pas : entretien, présence ou absence datés d’un jour à venir.',
  },
  AGE_OUT_OF_RANGE: {
    status: 409,
    fr: 'Âge impossible pour la Mission Locale (moins de 15 ans ou plus de 30 ans à l’entrée) : vérifiez la date de naissance.',
  },
  HANDOVER_EMPTY: {
    status: 400,
    fr: 'Aucun dossier sélectionné : cochez les dossiers à confier.',
  },
  HANDOVER_NOT_OWN_DOSSIER: {
    status: 403,
    fr: 'Vous ne pouvez confier que les dossiers dont vous êtes le ou la référent·e.',
  },
  HANDOVER_DOSSIER_UNKNOWN: {
    status: 404,
    fr: 'Un des dossiers sélectionnés est introuvable (effacé ou fusionné) : rien n’a été confié.',
  },
  HANDOVER_TARGET_UNKNOWN: {
    status: 400,
    fr: 'Le ou la collègue choisi·e n’a pas de compte dans Relais.',
  },
  HANDOVER_TARGET_DISABLED: {
    status: 409,
    fr: 'Le compte du ou de la collègue choisi·e est désactivé : choisissez un autre collègue.',
  },
  HANDOVER_TARGET_NOT_ADVISER: {
    status: 400,
    fr: 'Un dossier ne se confie qu’à un conseiller ou une conseillère.',
  },
  HANDOVER_SAME_REFERENT: {
    status: 400,
    fr: 'Ce ou cette collègue suit déjà ces dossiers : choisissez quelqu’un d’autre.',
  },
  HANDOVER_DATES_INVALID: {
    status: 400,
    fr: 'Période invalide : la date de fin doit suivre la date de début, qui ne peut pas être passée.',
  },
  HANDOVER_REASON_REQUIRED: {
    status: 400,
    fr: 'Indiquez le motif de la passation.',
  },
  HANDOVER_FIELDS_SERVER_ONLY: {
    status: 403,
    fr: 'Une passation se fait depuis l’écran « Passation de dossiers », avec le réseau.',
  },
  ACTION_INVALID: {
    status: 400,
    fr: 'Une action du catalogue a un titre, un thème et un type pris dans les listes : elle n’a pas été enregistrée.',
  },
  SESSION_INCOMPLETE: {
    status: 400,
    fr: 'Une session a une action, un site, une date et une heure : elle n’a pas été enregistrée.',
  },
  SESSION_END_BEFORE_START: {
    status: 400,
    fr: 'La fin d’une session doit suivre son début : vérifiez les heures.',
  },
  SESSION_CAPACITY_INVALID: {
    status: 400,
    fr: 'Une session accueille de 1 à 500 personnes : vérifiez la capacité.',
  },
  SESSION_DEADLINE_AFTER_START: {
    status: 400,
    fr: 'La date limite d’inscription ne peut pas suivre le jour de la session.',
  },
  SESSION_ALREADY_HELD: {
    status: 409,
    fr: 'Une session qui a déjà eu lieu ne s’annule pas.',
  },
  CANCELLATION_REASON_REQUIRED: {
    status: 400,
    fr: 'Indiquez le motif de l’annulation de la session.',
  },
  SESSION_NOT_STARTED: {
    status: 409,
    fr: 'Une session se clôture une fois commencée.',
  },
  SESSION_CANCELLED: {
    status: 409,
    fr: 'Cette session est annulée.',
  },
  SESSION_CLOSED: {
    status: 409,
    fr: 'Cette session est clôturée : la présence ne se modifie plus que par une correction, avec son motif.',
  },
  CORRECTION_REASON_REQUIRED: {
    status: 400,
    fr: 'Indiquez le motif de la correction de la présence.',
  },
  LOAN_INCOMPLETE: {
    status: 400,
    fr: 'Un prêt a un véhicule, un jeune, une date de départ, une date de retour et un motif : il n’a pas été enregistré.',
  },
  LOAN_END_BEFORE_START: {
    status: 400,
    fr: 'La date de retour d’un prêt ne peut pas précéder sa date de départ.',
  },
  LOAN_TOO_LONG: {
    status: 400,
    fr: 'Un prêt dure six mois au plus, prolongations comprises.',
  },
  LOAN_CONDITIONS_REQUIRED: {
    status: 409,
    fr: 'Le jeune doit avoir pris connaissance des conditions du prêt et les avoir acceptées.',
  },
  LOAN_LICENCE_MISSING: {
    status: 409,
    fr: 'Ce véhicule demande un permis que le jeune n’a pas présenté (permis AM, ex-BSR, pour un scooter ou une voiture sans permis ; permis B pour une voiture).',
  },
  LOAN_TOO_YOUNG: {
    status: 409,
    fr: 'Un véhicule à moteur ne se prête pas avant 14 ans (âge du permis AM).',
  },
  LOAN_GUARDIAN_REQUIRED: {
    status: 409,
    fr: 'Le jeune est mineur : l’accord de son représentant légal est nécessaire.',
  },
  LOAN_VEHICLE_UNAVAILABLE: {
    status: 409,
    fr: 'Le véhicule est indisponible pendant cette période (hors service, entretien ou réparation).',
  },
  LOAN_OVERLAP: {
    status: 409,
    fr: 'Le véhicule est déjà prêté pendant une partie de cette période.',
  },
  LOAN_YOUTH_BUSY: {
    status: 409,
    fr: 'Le jeune a déjà un prêt de véhicule pendant cette période.',
  },
  LOAN_EXTENSION_INVALID: {
    status: 400,
    fr: 'Une prolongation repousse la date de retour d’un prêt ni rendu ni annulé.',
  },
  LOAN_EXTENSION_OVERLAP: {
    status: 409,
    fr: 'Cette prolongation empiète sur le prêt suivant du véhicule.',
  },
  LOAN_CHECKOUT_INVALID: {
    status: 400,
    fr: 'Le véhicule se remet au jeune un jour de la période du prêt.',
  },
  LOAN_RETURN_INVALID: {
    status: 400,
    fr: 'Le retour suit la remise du véhicule, avec un kilométrage au moins égal à celui du départ.',
  },
  LOAN_ALREADY_OUT: {
    status: 409,
    fr: 'Ce prêt a déjà commencé (véhicule remis au jeune) : il ne peut pas être annulé pour l’autre réservation.',
  },
  VEHICLE_INVALID: {
    status: 400,
    fr: 'Un véhicule a un nom et un type ; une période d’indisponibilité finit après son début.',
  },
  ROWS_REFUSED: { status: 400, fr: 'Certaines modifications ont été refusées par le serveur.' },
  DEVICE_REVOKED: { status: 410, fr: 'Cet appareil a été révoqué par le siège.' },
  REQUEST_TIMEOUT: {
    status: 408,
    fr: "L'envoi a pris trop de temps et a été interrompu : il sera repris.",
  },
  PAYLOAD_TOO_LARGE: { status: 413, fr: 'Envoi trop volumineux.' },
  TOO_MANY_ROWS: { status: 413, fr: 'Trop de modifications dans un même envoi.' },
  URI_TOO_LONG: { status: 414, fr: 'Adresse de la requête trop longue.' },
  SCHEMA_OUTDATED: {
    status: 426,
    fr: "Cette version de Relais est trop ancienne : rechargez l'application.",
  },
  RATE_LIMITED: { status: 429, fr: 'Trop de tentatives : patientez quelques minutes.' },
  HEADERS_TOO_LARGE: { status: 431, fr: 'En-têtes de la requête trop volumineux.' },
  INTERNAL: { status: 500, fr: 'Erreur interne du serveur.' },
  NETWORK: { status: 0, fr: 'Serveur injoignable : vos modifications restent sur cet appareil.' },
  // Unlocking the device's encrypted data (the device alone says these: status 0).
  WRONG_PASSWORD: { status: 0, fr: 'Mot de passe incorrect.' },
  UNLOCK_WAIT: { status: 0, fr: 'Trop d’essais : patientez avant de réessayer.' },
  UNLOCK_BLOCKED: {
    status: 0,
    fr: 'Trop d’essais de mot de passe : connectez-vous avec le réseau pour rouvrir Relais sur cet appareil. Rien de ce qui attend d’être envoyé n’est perdu.',
  },
  OFFLINE_GRACE_EXPIRED: {
    status: 0,
    fr: 'Votre compte n’a pas été vérifié par le siège depuis trop longtemps : connectez-vous avec le réseau pour rouvrir Relais sur cet appareil.',
  },
  NO_OFFLINE_DATA: {
    status: 0,
    fr: 'Serveur injoignable, et ce compte n’a jamais été ouvert sur cet appareil : connectez-vous avec le réseau.',
  },
  KEY_UNRECOVERABLE: {
    status: 0,
    fr: 'Les données de cet appareil ne s’ouvrent pas avec ce mot de passe et le siège n’a pas pu les rouvrir. Saisissez votre ancien mot de passe, ou contactez la direction.',
  },
} as const satisfies Record<string, { status: number; fr: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The JSON body of every error answer of the server. */
export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** An error with a code, thrown on either side and turned into the envelope by the server. */
export class RelaisError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CODES[code].fr,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'RelaisError';
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}

/** French text for a code received from the server (unknown codes get a generic text). */
export function frenchMessage(code: string): string {
  return isErrorCode(code) ? ERROR_CODES[code].fr : 'Erreur inattendue.';
}

/**
 * What may be written to the console about an error: its name and code, never its message or
 * parameters, which for a database error can hold a whole record (README, Security).
 */
export function errorSummary(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name} ${code}` : error.name;
}
