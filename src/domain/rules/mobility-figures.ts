/**
 * Atelier Mob's figures for a period (issue 16, item 5), for the statistics: loans that started
 * in the period, days lent within it, the purposes, the vehicle kinds, and the outcome of the
 * purpose when the loan names the situation or proposition it served — reached (a situation
 * that began, a proposition accepted or carried out), not reached (refused, abandoned), or not
 * known. Cancelled and held loans lend nothing. Pure: the server and the screens count alike.
 */
import type { LoanPurpose, MobilityRecord, VehicleKind } from '../schemas/mobility';
import type { PathwayRecord } from '../schemas/pathway';
import { daysInPeriod, isLoanCancelled, isLoanHeld, occupiedPeriod, type Period } from './mobility';

export type LoanOutcome = 'atteint' | 'non-atteint' | 'inconnu';

export interface LoanFigures {
  loans: number;
  /** Days the vehicles were out within the period (each loan's days, early returns cut). */
  daysLent: number;
  youths: number;
  byPurpose: Partial<Record<LoanPurpose, number>>;
  byVehicleKind: Partial<Record<VehicleKind, number>>;
  byOutcome: Record<LoanOutcome, number>;
  lateReturns: number;
}

/** Whether the situation or proposition a loan served was reached. */
export function outcomeOf(
  related: Pick<PathwayRecord, 'kind' | 'phase' | 'result'> | undefined,
): LoanOutcome {
  if (!related) return 'inconnu';
  if (related.kind === 'situation') {
    if (related.phase === 'en-cours' || related.phase === 'termine') return 'atteint';
    return 'inconnu';
  }
  if (related.kind === 'proposition') {
    if (related.result === 'acceptee' || related.result === 'realisee') return 'atteint';
    if (
      related.result === 'refusee-jeune' ||
      related.result === 'refusee-tiers' ||
      related.result === 'abandonnee'
    ) {
      return 'non-atteint';
    }
  }
  return 'inconnu';
}

export function loanFigures(
  loans: readonly MobilityRecord[],
  vehicles: readonly MobilityRecord[],
  parcours: readonly PathwayRecord[],
  period: Period,
): LoanFigures {
  const kinds = new Map(vehicles.map((v) => [v.id, v.vehicleType]));
  const related = new Map(parcours.map((p) => [p.id, p]));
  const figures: LoanFigures = {
    loans: 0,
    daysLent: 0,
    youths: 0,
    byPurpose: {},
    byVehicleKind: {},
    byOutcome: { atteint: 0, 'non-atteint': 0, inconnu: 0 },
    lateReturns: 0,
  };
  const youths = new Set<string>();
  for (const loan of loans) {
    if (loan.kind !== 'loan' || isLoanCancelled(loan) || isLoanHeld(loan)) continue;
    const taken = occupiedPeriod(loan);
    if (!taken) continue;
    const from = taken.startDate > period.startDate ? taken.startDate : period.startDate;
    const to = taken.endDate < period.endDate ? taken.endDate : period.endDate;
    if (from <= to) figures.daysLent += daysInPeriod({ startDate: from, endDate: to });
    if (taken.startDate < period.startDate || taken.startDate > period.endDate) continue;
    figures.loans += 1;
    if (loan.youthId) youths.add(loan.youthId);
    if (loan.purpose) figures.byPurpose[loan.purpose] = (figures.byPurpose[loan.purpose] ?? 0) + 1;
    const kind = loan.vehicleId ? kinds.get(loan.vehicleId) : undefined;
    if (kind) figures.byVehicleKind[kind] = (figures.byVehicleKind[kind] ?? 0) + 1;
    figures.byOutcome[outcomeOf(loan.relatedId ? related.get(loan.relatedId) : undefined)] += 1;
    if (loan.returnedOn && loan.endDate && loan.returnedOn > loan.endDate) figures.lateReturns += 1;
  }
  figures.youths = youths.size;
  return figures;
}
