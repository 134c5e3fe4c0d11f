/**
 * Entries in situations (emploi, durable or not, full time or not, alternance, formation, PMSMP,
 * service civique) and entries in and exits from the CEJ and the PACEA with their exit reasons,
 * read from the parcours.
 */
import { DISPOSITIF_EXIT_REASON_LABELS } from '../labels';
import { DISPOSITIF_EXIT_REASONS, type PathwayRecord } from '../schemas/pathway';
import { addDays, addMonthsToDay } from '../time';
import type { Indicator, IndicatorContext, IndicatorValue } from './definitions';
import { inPeriod } from './period';

const count = (value: number): IndicatorValue => ({ value });

/** Situations of a type that began in the period (a situation only « prévue » is not an entry). */
function situationEntries(
  { data, period }: IndicatorContext,
  matches: (record: PathwayRecord) => boolean,
): number {
  return data.pathway.filter(
    (p) =>
      p.kind === 'situation' && p.phase !== 'prevu' && inPeriod(p.startDate, period) && matches(p),
  ).length;
}

/** A job of six months or more: a CDI, or a contract of six months or more (end day included). */
export function isDurableJob(record: PathwayRecord): boolean {
  if (record.situationType !== 'emploi') return false;
  if (record.situationSubtype === 'cdi') return true;
  return Boolean(
    record.startDate &&
    record.endDate &&
    addDays(record.endDate, 1) >= addMonthsToDay(record.startDate, 6),
  );
}

/**
 * The day a dispositif ended: the actual end recorded when it was closed, else (a dispositif
 * recorded before closings existed, or not closed) its planned end date.
 */
export function dispositifEnd(record: PathwayRecord): string | undefined {
  return record.endedOn ?? record.endDate;
}

type Programme = 'CEJ' | 'PACEA';
export const PROGRAMMES_COUNTED: readonly Programme[] = ['CEJ', 'PACEA'];
const UNKNOWN_REASON = 'non-renseigne';

/** One exit reason's row: the exits of each programme in the period for that reason. */
export interface ExitReasonRow {
  key: string;
  label: string;
  CEJ: number;
  PACEA: number;
}

/** The dispositifs of a programme that ended in the period (see dispositifEnd). */
function exitsOf(
  { data, period }: Pick<IndicatorContext, 'data' | 'period'>,
  programme: Programme,
) {
  return data.pathway.filter(
    (p) =>
      p.kind === 'dispositif' && p.programme === programme && inPeriod(dispositifEnd(p), period),
  );
}

/**
 * Exits of CEJ and PACEA in the period by exit reason, in the list's order; « Non renseigné »
 * last for the exits without one (a planned end passed without a closing). Each column sums
 * to the indicator « Sorties de … ». Reasons no exit had are left out.
 */
export function exitReasonRows(
  context: Pick<IndicatorContext, 'data' | 'period'>,
): ExitReasonRow[] {
  const keys = [...DISPOSITIF_EXIT_REASONS, UNKNOWN_REASON] as const;
  const rows = new Map<string, ExitReasonRow>(
    keys.map((key) => [
      key,
      {
        key,
        label: key === UNKNOWN_REASON ? 'Non renseigné' : DISPOSITIF_EXIT_REASON_LABELS[key],
        CEJ: 0,
        PACEA: 0,
      },
    ]),
  );
  for (const programme of PROGRAMMES_COUNTED) {
    for (const exit of exitsOf(context, programme)) {
      rows.get(exit.exitReason ?? UNKNOWN_REASON)![programme] += 1;
    }
  }
  return [...rows.values()].filter((row) => row.CEJ + row.PACEA > 0);
}

function dispositifs(context: IndicatorContext, programme: Programme, exits: boolean) {
  if (exits) return exitsOf(context, programme).length;
  return context.data.pathway.filter(
    (p) =>
      p.kind === 'dispositif' && p.programme === programme && inPeriod(p.startDate, context.period),
  ).length;
}

export function dispositifIndicators(): Indicator[] {
  return [
    ...PROGRAMMES_COUNTED.flatMap((programme) => [
      {
        id: `entrees-${programme.toLowerCase()}`,
        label: `Entrées en ${programme}`,
        definition: `Dispositifs ${programme} commencés dans la période.`,
        group: 'dispositifs' as const,
        kind: 'count' as const,
        compute: (context: IndicatorContext) => count(dispositifs(context, programme, false)),
      },
      {
        id: `sorties-${programme.toLowerCase()}`,
        label: `Sorties de ${programme}`,
        definition: `Dispositifs ${programme} clôturés dans la période (date de fin réelle), ou à défaut de clôture dont la date de fin prévue tombe dans la période.`,
        group: 'dispositifs' as const,
        kind: 'count' as const,
        compute: (context: IndicatorContext) => count(dispositifs(context, programme, true)),
      },
    ]),
  ];
}

export function situationIndicators(): Indicator[] {
  const entry = (
    id: string,
    label: string,
    definition: string,
    matches: (record: PathwayRecord) => boolean,
  ): Indicator => ({
    id,
    label,
    definition,
    group: 'parcours',
    kind: 'count',
    compute: (context) => count(situationEntries(context, matches)),
  });
  return [
    entry(
      'entrees-emploi',
      'Entrées en emploi',
      'Situations d’emploi (tous contrats) commencées dans la période.',
      (p) => p.situationType === 'emploi',
    ),
    entry(
      'entrees-emploi-durable',
      'dont emploi durable',
      'Emplois commencés dans la période en CDI, ou dont le contrat dure six mois ou plus.',
      isDurableJob,
    ),
    entry(
      'entrees-emploi-temps-plein',
      'dont temps plein',
      'Emplois commencés dans la période à temps plein (les emplois au temps de travail non renseigné n’y sont pas).',
      (p) => p.situationType === 'emploi' && p.workingTime === 'temps-plein',
    ),
    entry(
      'entrees-alternance',
      'Entrées en alternance',
      'Contrats d’apprentissage ou de professionnalisation commencés dans la période.',
      (p) => p.situationType === 'alternance',
    ),
    entry(
      'entrees-formation',
      'Entrées en formation',
      'Situations de formation commencées dans la période.',
      (p) => p.situationType === 'formation',
    ),
    entry(
      'entrees-pmsmp',
      'Immersions (PMSMP)',
      'Périodes de mise en situation en milieu professionnel commencées dans la période.',
      (p) => p.situationType === 'immersion',
    ),
    entry(
      'entrees-service-civique',
      'Entrées en service civique',
      'Contrats de volontariat en service civique commencés dans la période.',
      (p) => p.situationType === 'volontariat' && p.situationSubtype === 'service-civique',
    ),
  ];
}
