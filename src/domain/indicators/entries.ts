/**
 * Entries in situations (emploi, durable or not, alternance, formation, PMSMP, service civique)
 * and entries in and exits from the CEJ and the PACEA, read from the parcours.
 */
import type { PathwayRecord } from '../schemas/pathway';
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
 * The day a dispositif ended. TODO(issue 17, item 4): prefer the actual end date once the
 * field exists; until then the planned end date stands for it.
 */
export function dispositifEnd(record: PathwayRecord): string | undefined {
  return record.endDate;
}

function dispositifs(
  { data, period }: IndicatorContext,
  programme: 'CEJ' | 'PACEA',
  exits: boolean,
) {
  return data.pathway.filter(
    (p) =>
      p.kind === 'dispositif' &&
      p.programme === programme &&
      inPeriod(exits ? dispositifEnd(p) : p.startDate, period),
  ).length;
}

export function dispositifIndicators(): Indicator[] {
  return [
    ...(['CEJ', 'PACEA'] as const).flatMap((programme) => [
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
        definition: `Dispositifs ${programme} dont la date de fin tombe dans la période.`,
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
