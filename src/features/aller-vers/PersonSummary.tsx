/** One young person in a line or two: enough to recognise them in the street. */
import { ageOf } from '../../domain/rules/age';
import type { Youth } from '../../domain/schemas/youth';
import { formatDayShort, type Clock } from '../../domain/time';
import { STATUS_LABELS } from '../../domain/labels';
import { NEED_LABELS } from './labels';
import { fullName } from '../../domain/rules/names';
import { useClock } from '../../app/clock-context';

export function birthText(birthDate: string | undefined, clock: Clock): string {
  if (!birthDate) return 'naissance inconnue';
  const age = ageOf(birthDate, clock);
  const born =
    birthDate.length === 4 ? `né·e en ${birthDate}` : `né·e le ${formatDayShort(birthDate)}`;
  return age ? `${born} (${age.approximate ? '~' : ''}${age.years} ans)` : born;
}

export function PersonSummary({ youth, siteName }: { youth: Youth; siteName?: string }) {
  const clock = useClock();
  const details = [
    birthText(youth.birthDate, clock),
    youth.birthName ? `nom de naissance ${youth.birthName}` : undefined,
    STATUS_LABELS[youth.status],
    siteName,
    youth.outreach?.place ? `rencontré·e à ${youth.outreach.place}` : undefined,
    youth.outreach?.need ? `besoin : ${NEED_LABELS[youth.outreach.need].toLowerCase()}` : undefined,
  ].filter(Boolean);
  return (
    <div className="person-summary">
      <strong className="person-name">{fullName(youth)}</strong>
      <span className="person-details">{details.join(' · ')}</span>
    </div>
  );
}
