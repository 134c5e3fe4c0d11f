/**
 * The indicators of the activity report, in one place (issue 17): each has an id, a French
 * label, one sentence a director can read on screen, and a pure compute function over a period
 * and plain documents. The device (an adviser's caseload) and the server (every site) call the
 * same functions, so their figures cannot drift apart.
 */
import { isLoanCancelled, isLoanHeld } from '../rules/mobility';
import { EPCIS, findCommune } from '../territory/territory';
import { countedYouths, isHeldSession, standingEvents, type StatisticsData } from './data';
import { dispositifIndicators, situationIndicators } from './entries';
import { inPeriod, type Period } from './period';
import {
  appointmentsInPeriod,
  collectiveAttendance,
  entretiensProposes,
  entretiensRealises,
} from './meetings';

export interface IndicatorContext {
  data: StatisticsData;
  period: Period;
  /** Young people accompanied in the period (accompanied.ts), by id. */
  accompanied: ReadonlyMap<string, readonly string[]>;
}

/** A count, or a rate with what it divides (value null when nothing to divide). */
export interface IndicatorValue {
  value: number | null;
  numerator?: number;
  denominator?: number;
}

export type IndicatorGroup =
  'public' | 'entretiens' | 'collectif' | 'parcours' | 'dispositifs' | 'autres';

export interface Indicator {
  id: string;
  label: string;
  definition: string;
  group: IndicatorGroup;
  kind: 'count' | 'rate';
  compute(context: IndicatorContext): IndicatorValue;
}

const count = (value: number): IndicatorValue => ({ value });

export function rate(numerator: number, denominator: number): IndicatorValue {
  return { value: denominator === 0 ? null : numerator / denominator, numerator, denominator };
}

/** Young people of each EPCI accompanied in the period (residence: the dossier's commune). */
export function accompaniedByEpci(context: IndicatorContext): Map<string, number> {
  const byEpci = new Map<string, number>();
  for (const youth of countedYouths(context.data.youths)) {
    if (!context.accompanied.has(youth.id)) continue;
    const epciId = findCommune(youth.communeInsee)?.epciId;
    if (epciId) byEpci.set(epciId, (byEpci.get(epciId) ?? 0) + 1);
  }
  return byEpci;
}

export const INDICATORS: readonly Indicator[] = [
  {
    id: 'jeunes-accompagnes',
    label: 'Jeunes accompagnés',
    definition:
      'Jeunes ayant eu au moins un entretien individuel, un atelier ou une information collective dans la période (émargement «\u00a0présent\u00a0» pour les actions collectives).',
    group: 'public',
    kind: 'count',
    compute: ({ accompanied }) => count(accompanied.size),
  },
  {
    id: 'premiers-accueils',
    label: 'Premiers accueils',
    definition:
      'Dossiers ouverts dans la période (date de premier accueil), hors contacts aller-vers pas encore reçus.',
    group: 'public',
    kind: 'count',
    compute: ({ data, period }) =>
      count(
        countedYouths(data.youths).filter(
          (y) => y.status !== 'contact-aller-vers' && inPeriod(y.createdOn, period),
        ).length,
      ),
  },
  {
    id: 'entretiens-proposes',
    label: 'Entretiens individuels proposés',
    definition:
      'Rendez-vous de la période (hors annulés et reportés), plus les entretiens individuels tenus sans rendez-vous.',
    group: 'entretiens',
    kind: 'count',
    compute: ({ data, period }) => count(entretiensProposes(data, period)),
  },
  {
    id: 'entretiens-realises',
    label: 'Entretiens individuels réalisés',
    definition:
      'Entretiens individuels enregistrés dans la période, plus les rendez-vous marqués «\u00a0présent\u00a0» sans entretien enregistré.',
    group: 'entretiens',
    kind: 'count',
    compute: ({ data, period }) => count(entretiensRealises(data, period)),
  },
  {
    id: 'taux-presence-rdv',
    label: 'Taux de présence aux rendez-vous',
    definition:
      'Rendez-vous de la période où le jeune est venu, sur ceux dont la présence ou l’absence a été notée.',
    group: 'entretiens',
    kind: 'rate',
    compute: ({ data, period }) => {
      const noted = appointmentsInPeriod(data, period).filter(
        (a) => a.status === 'present' || a.status === 'absent',
      );
      return rate(noted.filter((a) => a.status === 'present').length, noted.length);
    },
  },
  {
    id: 'actions-collectives',
    label: 'Actions collectives programmées',
    definition:
      'Séances d’ateliers, d’informations collectives et d’autres actions collectives tenues dans la période (hors séances annulées).',
    group: 'collectif',
    kind: 'count',
    compute: ({ data, period }) =>
      count(data.workshops.filter((w) => isHeldSession(w) && inPeriod(w.start, period)).length),
  },
  {
    id: 'taux-presence-collectif',
    label: 'Taux de présence aux actions collectives',
    definition:
      'Jeunes émargés «\u00a0présent\u00a0» sur les inscrits (excusés, absents et non émargés compris, refus exclus), pour les séances de la période.',
    group: 'collectif',
    kind: 'rate',
    compute: ({ data, period }) => {
      const { present, signUps } = collectiveAttendance(data, period);
      return rate(present, signUps);
    },
  },
  ...situationIndicators(),
  ...dispositifIndicators(),
  {
    id: 'prets-vehicules',
    label: 'Prêts de véhicules',
    definition:
      'Prêts de l’Atelier Mob commencés dans la période (hors réservations annulées ou en attente d’arbitrage du siège).',
    group: 'autres',
    kind: 'count',
    compute: ({ data, period }) =>
      count(
        data.mobility.filter(
          (m) =>
            m.kind === 'loan' &&
            !isLoanCancelled(m) &&
            !isLoanHeld(m) &&
            inPeriod(m.startDate, period),
        ).length,
      ),
  },
  {
    id: 'contacts-aller-vers',
    label: 'Rencontres aller-vers',
    definition:
      'Rencontres enregistrées hors des lieux de la Mission Locale (visites sans site) dans la période.',
    group: 'autres',
    kind: 'count',
    compute: ({ data, period }) =>
      count(
        standingEvents(data.events).filter(
          (e) => e.kind === 'visite' && !e.placeSiteId && inPeriod(e.at, period),
        ).length,
      ),
  },
  {
    id: 'nouveaux-contacts-aller-vers',
    label: 'Nouveaux contacts aller-vers',
    definition: 'Jeunes inconnus de la Mission Locale rencontrés en aller vers dans la période.',
    group: 'autres',
    kind: 'count',
    compute: ({ data, period }) =>
      count(
        countedYouths(data.youths).filter((y) => y.outreach && inPeriod(y.createdOn, period))
          .length,
      ),
  },
  {
    id: 'relances',
    label: 'Relances',
    definition: 'Relances (téléphone, SMS, courrier, courriel) enregistrées dans la période.',
    group: 'autres',
    kind: 'count',
    compute: ({ data, period }) =>
      count(
        standingEvents(data.events).filter((e) => e.kind === 'relance' && inPeriod(e.at, period))
          .length,
      ),
  },
  {
    id: 'couverture',
    label: 'Couverture du territoire',
    definition:
      'Jeunes accompagnés habitant les quatre EPCI, sur les jeunes de 15 à 29 ans qui y vivent (INSEE 2021).',
    group: 'public',
    kind: 'rate',
    compute: (context) => {
      const byEpci = accompaniedByEpci(context);
      const reached = [...byEpci.values()].reduce((a, b) => a + b, 0);
      return rate(
        reached,
        EPCIS.reduce((sum, e) => sum + e.youth15to29, 0),
      );
    },
  },
];
