/**
 * The printable day sheet of a permanence (only visible when printing, see print.css): the
 * rendez-vous of the day with what the adviser needs on paper and boxes for the émargement.
 */
import { ageOf } from '../../domain/rules/age';
import { formatOpenings, openingsOn } from '../../domain/rules/schedule';
import type { Site } from '../../domain/schemas/site';
import type { StaffMember } from '../../domain/schemas/staff';
import {
  formatDateTime,
  formatDayFull,
  formatHours,
  nowLocal,
  type Clock,
} from '../../domain/time';
import { APPOINTMENT_STATUS_LABELS } from '../../domain/labels';
import { formatSlot } from '../agenda/labels';
import { propositionText } from './labels';
import type { PermanenceDay } from './usePermanenceDay';

interface PrintDaySheetProps {
  site: Site;
  day: string;
  data: PermanenceDay;
  staff: readonly StaffMember[];
  clock: Clock;
}

export function PrintDaySheet({ site, day, data, staff, clock }: PrintDaySheetProps) {
  const openings = openingsOn(site, day);
  const advisers = [...new Set(data.appointments.map((a) => a.staffId))]
    .map((id) => staff.find((s) => s.id === id)?.name)
    .filter(Boolean);
  return (
    <section className="print-only print-sheet">
      <h1>
        Feuille de permanence — {site.name} — {formatDayFull(day)}
      </h1>
      <p>
        {openings.intervals.length > 0
          ? `Ouvert ${formatOpenings(openings.intervals)}`
          : 'Fermé ce jour'}
        {site.address ? ` · ${site.address}` : ''}
        {advisers.length > 0 ? ` · ${advisers.join(', ')}` : ''}
      </p>
      <table>
        <thead>
          <tr>
            <th>Heure</th>
            <th>Jeune</th>
            <th>Objet</th>
            <th>Dispositif</th>
            <th>Propositions en cours</th>
            <th>Venu·e</th>
            <th>Notes</th>
          </tr>
        </thead>
        <tbody>
          {data.appointments.map((a) => {
            const youth = data.youths.get(a.youthId);
            const summary = data.summaries.get(a.youthId);
            const age = youth ? ageOf(youth.birthDate, clock) : undefined;
            const freed = a.status === 'annule' || a.status === 'reporte';
            return (
              <tr key={a.id} className={freed ? 'is-freed' : undefined}>
                <td>{formatSlot(a)}</td>
                <td>
                  <strong>{youth ? `${youth.lastName} ${youth.firstName}` : '—'}</strong>
                  {age && ` (${age.years} ans)`}
                  {a.walkIn && ' · sans rdv'}
                </td>
                <td>{freed ? APPOINTMENT_STATUS_LABELS[a.status] : (a.subject ?? '')}</td>
                <td>
                  {summary?.dispositif?.programme ?? '—'}
                  {summary?.cejWeek &&
                    ` · ${formatHours(summary.cejWeek.hours)} / ${formatHours(summary.cejWeek.commitment)} cette semaine`}
                </td>
                <td>{summary?.openPropositions.slice(0, 2).map(propositionText).join(' ; ')}</td>
                <td className="tick-boxes">☐ oui ☐ non</td>
                <td className="notes-cell" />
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="print-footer">
        Imprimé le {formatDateTime(nowLocal(clock))} depuis Relais — document confidentiel, à
        détruire après saisie.
      </p>
    </section>
  );
}
