/**
 * The dispositif form (CEJ or PACEA) as typed, with the French messages of the domain rules:
 * durations, PACEA phases, and the refusal of a second dispositif at the same time.
 */
import {
  CEJ_MAX_WEEKLY_HOURS,
  CEJ_MIN_WEEKLY_HOURS,
  dispositifDateProblem,
  findOverlappingDispositif,
  lastDayAfterMonths,
  phaseProblems,
  type DispositifDateProblem,
  type PhaseProblem,
} from '../../../domain/rules/dispositif';
import type { PaceaPhase, PathwayRecord } from '../../../domain/schemas/pathway';
import { formatDayShort, today, type Clock } from '../../../domain/time';

type PathwayFields = Omit<PathwayRecord, 'id' | 'rev' | 'updatedAt' | 'updatedBy'>;

export interface PhaseValues {
  label: string;
  /** The phase of the national framework (PACEA_STEPS), '' when not said. */
  step: string;
  objectives: string;
  startDate: string;
  endDate: string;
  /** The end evaluation (PHASE_EVALUATIONS) and its comment, '' when not done. */
  evaluation: string;
  evaluationComment: string;
}

export interface DispositifFormValues {
  programme: 'CEJ' | 'PACEA';
  startDate: string;
  endDate: string;
  weeklyHoursCommitment: string;
  phases: PhaseValues[];
}

export interface DispositifErrors {
  startDate?: string;
  endDate?: string;
  weeklyHoursCommitment?: string;
  overlap?: string;
  phases?: Record<number, string>;
}

const DATE_MESSAGES: Record<
  DispositifDateProblem,
  { field: 'startDate' | 'endDate'; text: string }
> = {
  'start-missing': { field: 'startDate', text: 'Indiquez la date de début.' },
  'end-missing': { field: 'endDate', text: 'Indiquez la date de fin prévue.' },
  'end-before-start': {
    field: 'endDate',
    text: 'La date de fin ne peut pas précéder la date de début.',
  },
  'cej-too-short': { field: 'endDate', text: 'Un CEJ dure au moins 6 mois.' },
  'cej-too-long': {
    field: 'endDate',
    text: 'Un CEJ dure 12 mois au plus, 18 mois avec une prolongation.',
  },
  'pacea-too-long': { field: 'endDate', text: 'Un PACEA dure 24 mois au plus.' },
};

const PHASE_MESSAGES: Record<PhaseProblem, string> = {
  'label-missing': 'Donnez un intitulé à la phase.',
  'start-missing': 'Indiquez la date de début de la phase.',
  'end-before-start': 'La fin de la phase précède son début.',
  'outside-dispositif': 'La phase doit se dérouler pendant le PACEA.',
};

export function newDispositifForm(programme: 'CEJ' | 'PACEA', clock: Clock): DispositifFormValues {
  const start = today(clock);
  return {
    programme,
    startDate: start,
    endDate: lastDayAfterMonths(start, 12),
    weeklyHoursCommitment: programme === 'CEJ' ? String(CEJ_MAX_WEEKLY_HOURS) : '',
    phases:
      programme === 'PACEA'
        ? [
            {
              label: 'Phase 1 — diagnostic',
              step: 'definir-projet',
              objectives: '',
              startDate: start,
              endDate: '',
              evaluation: '',
              evaluationComment: '',
            },
          ]
        : [],
  };
}

export function dispositifFormFrom(record: PathwayRecord): DispositifFormValues {
  return {
    programme: record.programme ?? 'CEJ',
    startDate: record.startDate ?? '',
    endDate: record.endDate ?? '',
    weeklyHoursCommitment:
      record.weeklyHoursCommitment === undefined ? '' : String(record.weeklyHoursCommitment),
    phases: (record.phases ?? []).map((phase) => ({
      label: phase.label,
      step: phase.step ?? '',
      objectives: phase.objectives ?? '',
      startDate: phase.startDate,
      endDate: phase.endDate ?? '',
      evaluation: phase.evaluation ?? '',
      evaluationComment: phase.evaluationComment ?? '',
    })),
  };
}

function programmeName(record: PathwayRecord): string {
  return record.programme ?? 'dispositif';
}

export function validateDispositifForm(
  values: DispositifFormValues,
  others: readonly PathwayRecord[],
  editingId?: string,
  /** The edited dispositif's actual end, when it was closed: it runs until that day. */
  endedOn?: string,
): DispositifErrors {
  const errors: DispositifErrors = {};
  const dates = {
    id: editingId ?? '',
    ...(endedOn ? { endedOn } : {}),
    programme: values.programme,
    startDate: values.startDate || undefined,
    endDate: values.endDate || undefined,
    phases: values.phases.map((p) => ({
      label: p.label,
      startDate: p.startDate,
      endDate: p.endDate || undefined,
    })),
  };
  const problem = dispositifDateProblem(dates);
  if (problem) errors[DATE_MESSAGES[problem].field] = DATE_MESSAGES[problem].text;
  if (values.programme === 'CEJ') {
    const hours = Number(values.weeklyHoursCommitment);
    if (!Number.isFinite(hours) || hours < CEJ_MIN_WEEKLY_HOURS || hours > CEJ_MAX_WEEKLY_HOURS)
      errors.weeklyHoursCommitment = "L'engagement d'un CEJ est de 15 à 20 heures par semaine.";
  }
  if (values.programme === 'PACEA') {
    const phases = phaseProblems(dates);
    if (phases.size > 0)
      errors.phases = Object.fromEntries([...phases].map(([i, p]) => [i, PHASE_MESSAGES[p]]));
  }
  if (!problem) {
    const overlap = findOverlappingDispositif(dates, others);
    if (overlap) {
      errors.overlap =
        `Ce jeune est déjà en ${programmeName(overlap)} du ${formatDayShort(overlap.startDate ?? '')}` +
        (overlap.endDate ? ` au ${formatDayShort(overlap.endDate)}` : '') +
        ' : un jeune ne peut pas être en CEJ et en PACEA en même temps.';
    }
  }
  return errors;
}

export function hasDispositifErrors(errors: DispositifErrors): boolean {
  return Object.keys(errors).length > 0;
}

export function dispositifFrom(
  values: DispositifFormValues,
  context: { youthId: string; authorId: string; base?: PathwayRecord },
): PathwayFields {
  const record: PathwayFields = {
    ...(context.base
      ? Object.fromEntries(
          Object.entries(context.base).filter(
            ([key]) => !['id', 'rev', 'updatedAt', 'updatedBy'].includes(key),
          ),
        )
      : {}),
    youthId: context.youthId,
    authorId: context.base?.authorId ?? context.authorId,
    kind: 'dispositif',
    programme: values.programme,
    label: values.programme === 'CEJ' ? "Contrat d'engagement jeune" : 'PACEA',
    startDate: values.startDate,
    endDate: values.endDate,
  } as PathwayFields;
  delete record.weeklyHoursCommitment;
  delete record.phases;
  if (values.programme === 'CEJ')
    record.weeklyHoursCommitment = Number(values.weeklyHoursCommitment);
  if (values.programme === 'PACEA') {
    record.phases = values.phases.map((phase) => ({
      label: phase.label.trim(),
      ...(phase.step ? { step: phase.step as PaceaPhase['step'] } : {}),
      startDate: phase.startDate,
      ...(phase.objectives.trim() ? { objectives: phase.objectives.trim() } : {}),
      ...(phase.endDate ? { endDate: phase.endDate } : {}),
      ...(phase.evaluation ? { evaluation: phase.evaluation as PaceaPhase['evaluation'] } : {}),
      ...(phase.evaluationComment.trim()
        ? { evaluationComment: phase.evaluationComment.trim() }
        : {}),
    }));
  }
  return record;
}
