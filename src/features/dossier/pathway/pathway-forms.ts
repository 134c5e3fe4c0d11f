/**
 * The forms of the parcours — situation, demande, proposition — as typed, their French
 * validation and the `pathway` records they make. A new proposition always starts en attente
 * (the state machine of src/domain/rules/proposition.ts).
 */
import { INITIAL_PROPOSITION_RESULT } from '../../../domain/rules/proposition';
import type { PathwayRecord } from '../../../domain/schemas/pathway';
import { parseDay, today, type Clock } from '../../../domain/time';

type PathwayFields = Omit<PathwayRecord, 'id' | 'rev' | 'updatedAt' | 'updatedBy'>;
export type FormErrors<T> = Partial<Record<keyof T, string>>;

/** Which contract or programme details each situation offers. */
export const SUBTYPES_BY_SITUATION: Partial<Record<string, readonly string[]>> = {
  // A v0 « contrat aidé » keeps its value; a new one says CIE or CAE (i-milo tells them apart).
  emploi: ['cdd', 'cdi', 'interim', 'saisonnier', 'cie', 'cae', 'iae'],
  alternance: ['apprentissage', 'professionnalisation'],
  volontariat: ['service-civique', 'volontariat-autre', 'benevolat'],
};

function text(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

function checkDates(
  start: string,
  end: string,
  errors: Record<string, string>,
  labels = { start: 'startDate', end: 'endDate' },
) {
  if (!parseDay(start)) errors[labels.start] = 'Indiquez la date de début.';
  if (end && !parseDay(end)) errors[labels.end] = "La date de fin n'est pas valide.";
  else if (end && start && end < start)
    errors[labels.end] = 'La date de fin ne peut pas précéder la date de début.';
}

/** The contracts i-milo records as temps plein or temps partiel. */
export const WITH_WORKING_TIME: readonly string[] = ['cdd', 'cdi'];

export interface SituationFormValues {
  situationType: string;
  situationSubtype: string;
  workingTime: string;
  phase: string;
  startDate: string;
  endDate: string;
  label: string;
}

export function newSituationForm(clock: Clock): SituationFormValues {
  return {
    situationType: '',
    situationSubtype: '',
    workingTime: '',
    phase: 'en-cours',
    startDate: today(clock),
    endDate: '',
    label: '',
  };
}

export function validateSituationForm(
  values: SituationFormValues,
  clock: Clock,
): FormErrors<SituationFormValues> {
  const errors: Record<string, string> = {};
  if (!values.situationType) errors.situationType = 'Choisissez la situation.';
  checkDates(values.startDate, values.endDate, errors);
  if (!errors.startDate && values.phase === 'en-cours' && values.startDate > today(clock))
    errors.startDate = 'Une situation en cours a déjà commencé : la date est dans le futur.';
  if (values.phase === 'termine' && !values.endDate)
    errors.endDate = "Indiquez la date de fin d'une situation terminée.";
  return errors;
}

export function situationFrom(
  values: SituationFormValues,
  context: { youthId: string; authorId: string },
): PathwayFields {
  const subtypes = SUBTYPES_BY_SITUATION[values.situationType] ?? [];
  return {
    youthId: context.youthId,
    authorId: context.authorId,
    kind: 'situation',
    situationType: values.situationType as PathwayRecord['situationType'],
    ...(subtypes.includes(values.situationSubtype)
      ? { situationSubtype: values.situationSubtype as PathwayRecord['situationSubtype'] }
      : {}),
    ...(subtypes.includes(values.situationSubtype) &&
    WITH_WORKING_TIME.includes(values.situationSubtype) &&
    values.workingTime
      ? { workingTime: values.workingTime as PathwayRecord['workingTime'] }
      : {}),
    phase: values.phase as PathwayRecord['phase'],
    startDate: values.startDate,
    ...(values.endDate ? { endDate: values.endDate } : {}),
    ...(text(values.label) ? { label: text(values.label) } : {}),
  };
}

export interface DemandeFormValues {
  theme: string;
  label: string;
  startDate: string;
}

export function validateDemandeForm(values: DemandeFormValues): FormErrors<DemandeFormValues> {
  const errors: Record<string, string> = {};
  if (!values.theme) errors.theme = 'Choisissez le thème de la demande.';
  if (!parseDay(values.startDate)) errors.startDate = 'Indiquez la date de la demande.';
  return errors;
}

export function demandeFrom(
  values: DemandeFormValues,
  context: { youthId: string; authorId: string },
): PathwayFields {
  return {
    youthId: context.youthId,
    authorId: context.authorId,
    kind: 'demande',
    theme: values.theme as PathwayRecord['theme'],
    startDate: values.startDate,
    ...(text(values.label) ? { label: text(values.label) } : {}),
  };
}

export interface PropositionFormValues {
  theme: string;
  propositionType: string;
  partner: string;
  label: string;
  startDate: string;
  endDate: string;
  comment: string;
}

export function newPropositionForm(clock: Clock): PropositionFormValues {
  return {
    theme: 'emploi',
    propositionType: '',
    partner: '',
    label: '',
    startDate: today(clock),
    endDate: '',
    comment: '',
  };
}

export function validatePropositionForm(
  values: PropositionFormValues,
): FormErrors<PropositionFormValues> {
  const errors: Record<string, string> = {};
  if (!values.theme) errors.theme = 'Choisissez le thème.';
  if (!values.propositionType) errors.propositionType = 'Choisissez le type de proposition.';
  checkDates(values.startDate, values.endDate, errors);
  if (values.partner.length > 200) errors.partner = '200 caractères au maximum.';
  return errors;
}

export function propositionFrom(
  values: PropositionFormValues,
  context: { youthId: string; authorId: string },
): PathwayFields {
  return {
    youthId: context.youthId,
    authorId: context.authorId,
    kind: 'proposition',
    theme: values.theme as PathwayRecord['theme'],
    propositionType: values.propositionType as PathwayRecord['propositionType'],
    result: INITIAL_PROPOSITION_RESULT,
    startDate: values.startDate,
    ...(values.endDate ? { endDate: values.endDate } : {}),
    ...(text(values.partner) ? { partner: text(values.partner) } : {}),
    ...(text(values.label) ? { label: text(values.label) } : {}),
    ...(text(values.comment) ? { comment: text(values.comment) } : {}),
  };
}
