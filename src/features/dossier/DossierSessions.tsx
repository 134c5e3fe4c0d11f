/**
 * The young person's collective actions in the dossier (issue 15, item 3): every session they
 * are signed up for, with its status in i-milo's words and their place (waiting list…), and
 * signing them up to a session to come — written on the device, as from the session itself.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useClock } from '../../app/clock-context';
import { ATTENDANCE_STATUS_LABELS } from '../../domain/labels';
import { attendanceStatus, isClosed, releasesPlace } from '../../domain/rules/attendance';
import type { Attendance } from '../../domain/schemas/attendance';
import type { Workshop } from '../../domain/schemas/workshop';
import { dayOf, formatDateTime, today } from '../../domain/time';
import { SelectField } from '../../ui/Field';
import { useAttendanceActions } from '../ateliers/useAttendances';
import { useSessions } from '../ateliers/useWorkshops';
import { useWorkshops } from './useDossier';

/** How far ahead sessions are offered to sign up to. */
const SIGN_UP_DAYS = 56;

export function DossierSessions(props: { youthId: string; attendances: readonly Attendance[] }) {
  const clock = useClock();
  const actions = useAttendanceActions();
  const workshops = useWorkshops(props.attendances.map((a) => a.workshopId));
  const upcoming = useSessions(today(clock), SIGN_UP_DAYS);
  const [sessionId, setSessionId] = useState('');
  const [announce, setAnnounce] = useState('');
  const byId = useMemo(
    () => new Map((workshops.data ?? []).map((w) => [w.id, w])),
    [workshops.data],
  );
  const signedUp = new Set(
    props.attendances.filter((a) => !releasesPlace(a)).map((a) => a.workshopId),
  );
  const offered = (upcoming.data ?? []).filter(
    (s) => !s.cancelled && !isClosed(s) && !signedUp.has(s.id),
  );
  const rows = props.attendances
    .map((attendance) => ({ attendance, session: byId.get(attendance.workshopId) }))
    .sort((a, b) => (b.session?.start ?? '').localeCompare(a.session?.start ?? ''));

  async function signUp(event: FormEvent) {
    event.preventDefault();
    const session = offered.find((s) => s.id === sessionId);
    if (!session) return;
    await actions.signUp(session.id, props.youthId);
    setSessionId('');
    setAnnounce(`Inscrit·e à « ${session.title} » sur cet appareil.`);
  }

  const label = (s: Workshop) => `${formatDateTime(s.start ?? '')} — ${s.title}`;
  return (
    <section className="panel dossier-sessions" aria-labelledby="dossier-sessions-title">
      <h2 id="dossier-sessions-title">Ateliers et informations collectives</h2>
      <p className="visually-hidden" role="status">
        {announce}
      </p>
      {rows.length === 0 ? (
        <p className="muted">Aucune inscription à une session.</p>
      ) : (
        <ul className="dossier-session-list">
          {rows.map(({ attendance, session }) => (
            <li key={attendance.id}>
              {session?.start ? (
                <Link href={`/ateliers?session=${session.id}&date=${dayOf(session.start)}`}>
                  {label(session)}
                </Link>
              ) : (
                'Session absente de cet appareil'
              )}{' '}
              <span className="tag">{ATTENDANCE_STATUS_LABELS[attendanceStatus(attendance)]}</span>
              {attendance.walkIn && <span className="muted"> · venu·e sans inscription</span>}
            </li>
          ))}
        </ul>
      )}
      <form
        className="dossier-sign-up"
        autoComplete="off"
        noValidate
        onSubmit={(e) => void signUp(e)}
      >
        <SelectField
          label="Inscrire à une session"
          value={sessionId}
          placeholder={offered.length ? 'Choisir une session à venir' : 'Aucune session à venir'}
          options={offered.map((s) => ({ value: s.id, label: label(s) }))}
          onChange={(e) => setSessionId(e.target.value)}
        />
        <button type="submit" className="button-secondary" disabled={!sessionId}>
          Inscrire
        </button>
      </form>
    </section>
  );
}
