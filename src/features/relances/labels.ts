/** French text of the relance signals. */
import type { RelanceReason } from '../../domain/rules/relances';
import { formatDayShort, formatHours } from '../../domain/time';

export function reasonText(reason: RelanceReason): string {
  switch (reason.code) {
    case 'silence':
      return `Sans nouvelles depuis ${reason.days} jours (seuil ${reason.threshold} j)`;
    case 'missed-in-a-row':
      return `${reason.count} rendez-vous manqués de suite (dernier le ${formatDayShort(reason.lastMissedOn)})`;
    case 'cej-hours-short':
      return `Heures CEJ sous l'engagement deux semaines de suite : ${reason.weeks
        .map((w) => formatHours(w.hours))
        .join(' puis ')} (engagement ${formatHours(reason.weeks[0]!.commitment)})`;
  }
}

export function reasonClass(reason: RelanceReason): string {
  if (reason.code !== 'silence') return `reason-${reason.code}`;
  return reason.threshold >= 90 ? 'reason-silence-high' : 'reason-silence';
}
