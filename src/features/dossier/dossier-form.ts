/**
 * The dossier form's values (everything as typed: strings and booleans) and their conversion to
 * and from the `youths` document, with the validation messages in French. Pure, so the rules are
 * tested without a screen; the form never clears what was typed when a value is refused.
 */
import { missingConsent, MISSING_CONSENT_TEXT } from '../../domain/rules/consent-required';
import {
  ageOf,
  ageWarning,
  entryAgeProblem,
  entryAgeText,
  type AgeWarning,
} from '../../domain/rules/age';
import type { Youth, YouthStatus } from '../../domain/schemas/youth';
import { findCommune } from '../../domain/territory/territory';
import { parseDay, today, type Clock } from '../../domain/time';

/** The schema's maxLength of `imiloNumber`. */
const IMILO_NUMBER_MAX = 30;

export interface DossierFormValues {
  lastName: string;
  birthName: string;
  /** Numéro de dossier i-milo, when known (the i-milo export matches the dossier with it). */
  imiloNumber: string;
  firstName: string;
  birthDate: string;
  gender: string;
  phone: string;
  email: string;
  address: string;
  communeInsee: string;
  qpvCode: string;
  educationLevel: string;
  /** 'obtenu', 'non-obtenu' or '' (not known): `diplomaObtained` true, false or absent. */
  diplomaObtained: string;
  /** How the young person came to the Mission Locale (ORIENTATIONS), '' when not known. */
  orientation: string;
  familySituation: string;
  dependentChildren: string;
  childcare: string;
  drivingLicence: string;
  hasVehicle: boolean;
  barriers: string[];
  rqth: boolean;
  ase: boolean;
  justice: boolean;
  notes: string;
  referentId: string;
  siteId: string;
  freeAdherence: boolean;
  rgpdInformed: boolean;
  rgpdInformedOn: string;
  recontactAgreed: boolean;
  status: string;
  exitReason: string;
  exitDate: string;
}

export type DossierField = keyof DossierFormValues;
export type DossierErrors = Partial<Record<DossierField, string>>;

/** Names of the fields in the error summary. */
export const FIELD_LABELS: Record<DossierField, string> = {
  lastName: "Nom d'usage",
  birthName: 'Nom de naissance',
  imiloNumber: 'N° de dossier i-milo',
  firstName: 'Prénom',
  birthDate: 'Date de naissance',
  gender: 'Genre',
  phone: 'Téléphone',
  email: 'E-mail',
  address: 'Adresse',
  communeInsee: 'Commune de résidence',
  qpvCode: 'QPV',
  educationLevel: 'Niveau de formation',
  diplomaObtained: 'Diplôme de ce niveau',
  orientation: 'Venu·e à la Mission Locale par',
  familySituation: 'Situation familiale',
  dependentChildren: 'Enfants à charge',
  childcare: 'Moyen de garde',
  drivingLicence: 'Permis de conduire',
  hasVehicle: 'Véhicule',
  barriers: 'Freins',
  rqth: 'RQTH',
  ase: 'ASE',
  justice: 'Sous main de justice',
  notes: 'Notes',
  referentId: 'Référent·e',
  siteId: 'Site de rattachement',
  freeAdherence: 'Libre adhésion',
  rgpdInformed: 'Information RGPD',
  rgpdInformedOn: "Date de l'information RGPD",
  recontactAgreed: 'Accord pour être recontacté·e',
  status: 'Statut',
  exitReason: 'Motif de sortie',
  exitDate: 'Date de sortie',
};

/** The fields the form manages; anything else of the document is kept as it is. */
const MANAGED_FIELDS: readonly (keyof Youth)[] = [
  'lastName',
  'birthName',
  'imiloNumber',
  'firstName',
  'birthDate',
  'gender',
  'phone',
  'email',
  'address',
  'communeInsee',
  'qpvCode',
  'educationLevel',
  'diplomaObtained',
  'orientation',
  'familySituation',
  'dependentChildren',
  'childcare',
  'drivingLicence',
  'hasVehicle',
  'barriers',
  'referentId',
  'siteId',
  'consent',
  'status',
  'exitReason',
  'exitDate',
];
const SENSITIVE_MANAGED: readonly (keyof Youth)[] = ['rqth', 'ase', 'justice', 'notes'];

export function emptyDossierForm(defaults: {
  siteId: string;
  referentId: string;
}): DossierFormValues {
  return {
    lastName: '',
    birthName: '',
    imiloNumber: '',
    firstName: '',
    birthDate: '',
    gender: '',
    phone: '',
    email: '',
    address: '',
    communeInsee: '',
    qpvCode: '',
    educationLevel: '',
    diplomaObtained: '',
    orientation: '',
    familySituation: '',
    dependentChildren: '',
    childcare: '',
    drivingLicence: '',
    hasVehicle: false,
    barriers: [],
    rqth: false,
    ase: false,
    justice: false,
    notes: '',
    referentId: defaults.referentId,
    siteId: defaults.siteId,
    freeAdherence: false,
    rgpdInformed: false,
    rgpdInformedOn: '',
    recontactAgreed: false,
    status: 'premier-accueil',
    exitReason: '',
    exitDate: '',
  };
}

export function dossierFormFrom(youth: Youth): DossierFormValues {
  return {
    lastName: youth.lastName,
    birthName: youth.birthName ?? '',
    imiloNumber: youth.imiloNumber ?? '',
    firstName: youth.firstName,
    // A year alone (aller vers) cannot be shown in a date field: the form asks to complete it.
    birthDate: youth.birthDate && youth.birthDate.length === 10 ? youth.birthDate : '',
    gender: youth.gender ?? '',
    phone: youth.phone ?? '',
    email: youth.email ?? '',
    address: youth.address ?? '',
    communeInsee: youth.communeInsee ?? '',
    qpvCode: youth.qpvCode ?? '',
    educationLevel: youth.educationLevel ?? '',
    diplomaObtained:
      youth.diplomaObtained === undefined ? '' : youth.diplomaObtained ? 'obtenu' : 'non-obtenu',
    orientation: youth.orientation ?? '',
    familySituation: youth.familySituation ?? '',
    dependentChildren: youth.dependentChildren === undefined ? '' : String(youth.dependentChildren),
    childcare: youth.childcare ?? '',
    drivingLicence: youth.drivingLicence ?? '',
    hasVehicle: youth.hasVehicle ?? false,
    barriers: [...(youth.barriers ?? [])],
    rqth: youth.rqth ?? false,
    ase: youth.ase ?? false,
    justice: youth.justice ?? false,
    notes: youth.notes ?? '',
    referentId: youth.referentId,
    siteId: youth.siteId,
    freeAdherence: youth.consent?.freeAdherence ?? false,
    rgpdInformed: Boolean(youth.consent?.rgpdInformedOn),
    rgpdInformedOn: youth.consent?.rgpdInformedOn ?? '',
    recontactAgreed: youth.consent?.recontactAgreed ?? false,
    status: youth.status,
    exitReason: youth.exitReason ?? '',
    exitDate: youth.exitDate ?? '',
  };
}

const PHONE = /^(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NAME_MAX = 100;

function checkDay(value: string, label: string, todayDay: string): string | undefined {
  if (!parseDay(value)) return `${label} n'est pas une date valide (jj/mm/aaaa).`;
  if (value > todayDay) return `${label} ne peut pas être dans le futur.`;
  return undefined;
}

/** Every problem of the form, by field, in French. Empty when the dossier can be saved. */
export function validateDossierForm(
  values: DossierFormValues,
  clock: Clock,
  options: {
    birthYearKnown?: boolean;
    creating?: boolean;
    /** The dossier's date of entry (`createdOn`); today for a new one. */
    entryDay?: string;
  } = {},
): DossierErrors {
  const errors: DossierErrors = {};
  const todayDay = today(clock);
  const outreach = values.status === 'contact-aller-vers';
  if (!values.lastName.trim() && !outreach) errors.lastName = "Indiquez le nom d'usage.";
  if (values.lastName.length > NAME_MAX) errors.lastName = '100 caractères au maximum.';
  if (values.birthName.length > NAME_MAX) errors.birthName = '100 caractères au maximum.';
  if (values.imiloNumber.trim().length > IMILO_NUMBER_MAX)
    errors.imiloNumber = `${IMILO_NUMBER_MAX} caractères au maximum.`;
  if (!values.firstName.trim()) errors.firstName = 'Indiquez le prénom.';
  if (values.firstName.length > NAME_MAX) errors.firstName = '100 caractères au maximum.';
  if (values.birthDate) {
    const problem = checkDay(values.birthDate, 'La date de naissance', todayDay);
    const ageProblem = entryAgeProblem(values.birthDate, options.entryDay ?? todayDay);
    if (problem) errors.birthDate = problem;
    else if (ageProblem) errors.birthDate = entryAgeText(ageProblem);
  } else if (!outreach && !options.birthYearKnown) {
    errors.birthDate = 'Indiquez la date de naissance.';
  }
  if (values.phone.trim() && !PHONE.test(values.phone.trim()))
    errors.phone = 'Le numéro doit compter 10 chiffres, par exemple 06 12 34 56 78.';
  if (values.email.trim() && !EMAIL.test(values.email.trim()))
    errors.email = "L'adresse e-mail n'est pas valide, par exemple prenom.nom@exemple.fr.";
  if (values.communeInsee && !findCommune(values.communeInsee))
    errors.communeInsee = 'Choisissez une commune dans la liste.';
  if (values.dependentChildren.trim()) {
    const n = Number(values.dependentChildren);
    if (!Number.isInteger(n) || n < 0 || n > 20)
      errors.dependentChildren = "Indiquez un nombre d'enfants entre 0 et 20.";
  }
  if (!values.siteId) errors.siteId = 'Choisissez le site de rattachement.';
  // A new dossier always needs consent (the server refuses it otherwise); an existing contact
  // aller-vers may be completed before its premier accueil.
  const missing =
    outreach && !options.creating
      ? []
      : missingConsent({
          freeAdherence: values.freeAdherence,
          ...(values.rgpdInformed && values.rgpdInformedOn
            ? { rgpdInformedOn: values.rgpdInformedOn }
            : {}),
        });
  if (missing.includes('free-adherence'))
    errors.freeAdherence = MISSING_CONSENT_TEXT['free-adherence'];
  if (values.rgpdInformed) {
    if (!values.rgpdInformedOn) errors.rgpdInformedOn = "Indiquez la date de l'information RGPD.";
    else {
      const problem = checkDay(values.rgpdInformedOn, "La date de l'information RGPD", todayDay);
      if (problem) errors.rgpdInformedOn = problem;
    }
  } else if (missing.includes('rgpd-information')) {
    errors.rgpdInformed = MISSING_CONSENT_TEXT['rgpd-information'];
  }
  if (values.status === 'sorti') {
    if (!values.exitReason) errors.exitReason = 'Indiquez le motif de sortie.';
    if (!values.exitDate) errors.exitDate = 'Indiquez la date de sortie.';
    else {
      const problem = checkDay(values.exitDate, 'La date de sortie', todayDay);
      if (problem) errors.exitDate = problem;
    }
  }
  return errors;
}

/** The age and its warning (16–25; CEJ up to 29 with an RQTH), for the identity section. */
export function ageInfo(
  birthDate: string,
  rqth: boolean,
  clock: Clock,
): { years?: number; approximate?: boolean; warning: AgeWarning } {
  const age = ageOf(birthDate || undefined, clock);
  return { years: age?.years, approximate: age?.approximate, warning: ageWarning(age, rqth) };
}

export const AGE_WARNING_TEXT: Record<Exclude<AgeWarning, undefined>, string> = {
  'too-young': 'Moins de 16 ans : la Mission Locale accompagne les jeunes de 16 à 25 ans.',
  'too-old':
    "Plus de 25 ans : hors du public de la Mission Locale, sauf CEJ jusqu'à 29 ans avec une RQTH.",
  'too-old-cej-rqth': 'Plus de 29 ans : au-delà de l’âge du CEJ, même avec une RQTH.',
};

type YouthFields = Omit<Youth, 'id' | 'rev' | 'updatedAt' | 'updatedBy'>;

/**
 * Whether a level that has a diploma is « obtenu »: true, false, or undefined when not known —
 * and always undefined without a level or « sans diplôme » (nothing to obtain).
 */
export function hasDiplomaQuestion(educationLevel: string): boolean {
  return educationLevel !== '' && educationLevel !== 'sans-diplome';
}

function diplomaOf(values: DossierFormValues): boolean | undefined {
  if (!hasDiplomaQuestion(values.educationLevel) || !values.diplomaObtained) return undefined;
  return values.diplomaObtained === 'obtenu';
}

function text(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * The document fields from the form. `base` is the stored dossier when editing: fields the form
 * does not manage (aller-vers details, merge redirect, date of premier accueil) are kept, and so
 * are the sensitive ones when the user may not see them.
 */
export function youthFieldsFrom(
  values: DossierFormValues,
  options: { base?: Youth; canSeeSensitive: boolean; clock: Clock },
): YouthFields {
  const kept: Record<string, unknown> = { ...(options.base ?? {}) };
  for (const field of ['id', 'rev', 'updatedAt', 'updatedBy', ...MANAGED_FIELDS])
    delete kept[field];
  if (options.canSeeSensitive) for (const field of SENSITIVE_MANAGED) delete kept[field];
  const sorti = values.status === 'sorti';
  const children = text(values.dependentChildren);
  const fields: Record<string, unknown> = {
    ...kept,
    lastName: values.lastName.trim(),
    birthName: text(values.birthName),
    imiloNumber: text(values.imiloNumber),
    firstName: values.firstName.trim(),
    birthDate: text(values.birthDate) ?? options.base?.birthDate,
    gender: text(values.gender),
    phone: text(values.phone),
    email: text(values.email),
    address: text(values.address),
    communeInsee: text(values.communeInsee),
    qpvCode: values.communeInsee === '61001' ? text(values.qpvCode) : undefined,
    educationLevel: text(values.educationLevel),
    diplomaObtained: diplomaOf(values),
    orientation: text(values.orientation),
    familySituation: text(values.familySituation),
    dependentChildren: children === undefined ? undefined : Number(children),
    childcare: text(values.childcare),
    drivingLicence: text(values.drivingLicence),
    hasVehicle: values.hasVehicle,
    barriers: values.barriers,
    referentId: values.referentId,
    siteId: values.siteId,
    consent: {
      freeAdherence: values.freeAdherence,
      ...(values.rgpdInformed && values.rgpdInformedOn
        ? { rgpdInformedOn: values.rgpdInformedOn }
        : {}),
      recontactAgreed: values.recontactAgreed,
    },
    status: values.status as YouthStatus,
    exitReason: sorti ? text(values.exitReason) : undefined,
    exitDate: sorti ? text(values.exitDate) : undefined,
    createdOn: options.base?.createdOn ?? today(options.clock),
  };
  if (options.canSeeSensitive) {
    fields.rqth = values.rqth;
    fields.ase = values.ase;
    fields.justice = values.justice;
    fields.notes = text(values.notes);
  }
  for (const key of Object.keys(fields)) if (fields[key] === undefined) delete fields[key];
  return fields as YouthFields;
}
