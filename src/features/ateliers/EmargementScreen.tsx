/**
 * Émargement on a tablet (issue 15, item 4), `/ateliers/:id/emargement`: those signed up (the
 * waiting list after them), one tap for présent / absent / excusé, a walk-in found by the fuzzy
 * matcher or opened as a new dossier with consent, the signature drawn with a finger when the
 * session requires one, then « Clôturer la session ». Every write is on the tablet's database:
 * it all works with the network cut, and two devices taking the same session merge (present if
 * either says so). Touch targets are 48 px or more.
 */
import { useMemo, useState } from 'react';
import { Link, useParams } from 'wouter';
import { useClock } from '../../app/clock-context';
import { ERROR_CODES } from '../../domain/errors';
import { counted } from '../../domain/plural';
import {
  attendanceStatus,
  closingProblem,
  isClosed,
  lateChangeProblem,
  statusFields,
} from '../../domain/rules/attendance';
import { fullName } from '../../domain/rules/names';
import {
  closingStatuses,
  serverOrder,
  sessionPlaces,
  standingOf,
} from '../../domain/rules/waiting-list';
import type { Attendance, AttendanceStatus } from '../../domain/schemas/attendance';

const REFUSALS: readonly AttendanceStatus[] = ['refus-jeune', 'refus-tiers'];
import type { Youth } from '../../domain/schemas/youth';
import { dayOf, formatDateTime, formatDayFull } from '../../domain/time';
import { useAppStore } from '../../stores/store';
import { pendingEntry, usePendingState } from '../../ui/usePending';
import { useDeviceDossiers } from '../aller-vers/useAllerVers';
import { useSites, useStaff } from '../shared/useDirectory';
import { useDatabase } from '../../app/DatabaseProvider';
import { insertDocument } from '../../db/writes';
import { EmargementRow } from './EmargementRow';
import { sessionTimes } from './SessionItem';
import {
  useAttendanceActions,
  useSession,
  useSessionAttendances,
  useYouthsById,
} from './useAttendances';
import { walkInDossier } from './walk-in';
import { WalkInPanel } from './WalkInPanel';
import './ateliers.css';
import './emargement.css';

function birthYear(youth: Youth | undefined): string | undefined {
  return youth?.birthDate ? `né·e en ${youth.birthDate.slice(0, 4)}` : undefined;
}

export function EmargementScreen() {
  const { id = '' } = useParams<{ id: string }>();
  const clock = useClock();
  const db = useDatabase();
  const user = useAppStore((s) => s.user)!;
  const session = useSession(id);
  const attendances = useSessionAttendances(id);
  const list = useMemo(() => attendances.data ?? [], [attendances.data]);
  const youths = useYouthsById(list.map((a) => a.youthId));
  const dossiers = useDeviceDossiers();
  const sites = useSites();
  const staff = useStaff();
  const actions = useAttendanceActions();
  const pending = usePendingState();
  const [walkIn, setWalkIn] = useState(false);
  const [closing, setClosing] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [problem, setProblem] = useState<string>();

  const siteNames = useMemo(
    () => new Map((sites.data ?? []).map((s) => [s.id, s.name])),
    [sites.data],
  );
  const placement = useMemo(
    () => sessionPlaces(session.data?.capacity, list),
    [session.data?.capacity, list],
  );

  if (session.error || attendances.error) {
    return <p role="alert">Impossible de lire cette session sur cet appareil.</p>;
  }
  if (session.data === undefined || attendances.isLoading) {
    return (
      <p role="status" className="muted">
        Ouverture de l’émargement…
      </p>
    );
  }
  if (session.data === null || session.data.kind === 'action') {
    return (
      <section className="emargement">
        <h1>Session introuvable</h1>
        <p>Cette session n’est pas sur cet appareil.</p>
        <Link href="/ateliers">Retour aux ateliers</Link>
      </section>
    );
  }
  const s = session.data;
  const closed = isClosed(s);
  const requiresSignature = s.requiresSignature === true;
  const names = youths.data ?? new Map<string, Youth>();
  const nameOf = (a: Attendance) => {
    const youth = names.get(a.youthId);
    return youth ? fullName(youth) : 'Dossier absent de cet appareil';
  };
  // One list in the order of the room: those with a place (an excusé stays where they were,
  // so a tap is undone where it was made), then the waiting list, then the walk-ins; the
  // refusals apart.
  const group = (a: Attendance) => (a.walkIn ? 2 : placement.waiting.includes(a) ? 1 : 0);
  const refused = list.filter((a) => REFUSALS.includes(attendanceStatus(a)));
  const shown = list
    .filter((a) => !refused.includes(a))
    .sort((a, b) => group(a) - group(b) || serverOrder(a, b));
  const counts = { realise: 0, absent: 0, excuse: 0, prescrit: 0 } as Record<string, number>;
  for (const a of shown) counts[attendanceStatus(a)] = (counts[attendanceStatus(a)] ?? 0) + 1;
  const pendingChanges = list.filter((a) => pendingEntry(pending, 'attendances', a.id)).length;
  const unsignedPresent = shown.filter(
    (a) => attendanceStatus(a) === 'realise' && !a.signature,
  ).length;
  const closingChanges = closingStatuses(s.capacity, list);
  const closeProblem = closingProblem(s, clock);
  const closer = staff.data?.find((m) => m.id === s.closedBy)?.name;

  async function mark(attendance: Attendance, status: AttendanceStatus) {
    const refused = lateChangeProblem(s, attendance, { ...attendance, ...statusFields(status) });
    if (refused) {
      setProblem(ERROR_CODES[refused].fr);
      return;
    }
    await actions.setStatus(attendance.id, status);
    setAnnounce(
      `${nameOf(attendance)} : ${status === 'prescrit' ? 'non pointé·e' : status === 'realise' ? 'présent·e' : status === 'absent' ? 'absent·e' : 'excusé·e'}.`,
    );
  }

  async function addExisting(youth: Youth) {
    const existing = list.find((a) => a.youthId === youth.id);
    if (existing && !placement.released.includes(existing)) {
      await actions.setStatus(existing.id, 'realise');
    } else {
      await actions.signUp(s.id, youth.id, { walkIn: true, status: 'realise' });
    }
    setWalkIn(false);
    setAnnounce(`${fullName(youth)} ajouté·e, présent·e.`);
  }

  const rows = (items: readonly Attendance[]) =>
    items.map((attendance) => (
      <EmargementRow
        key={attendance.id}
        attendance={attendance}
        name={nameOf(attendance)}
        detail={birthYear(names.get(attendance.youthId))}
        standing={standingOf(placement, attendance.id)}
        closed={closed}
        requiresSignature={requiresSignature}
        pending={pendingEntry(pending, 'attendances', attendance.id)}
        onMark={(status) => mark(attendance, status)}
        onSign={async (strokes) => {
          await actions.sign(attendance.id, strokes);
          setAnnounce(`Signature de ${nameOf(attendance)} enregistrée.`);
        }}
        onCorrect={async (status, reason) => {
          await actions.correct(attendance, status, reason);
          setAnnounce(`Présence de ${nameOf(attendance)} corrigée.`);
        }}
      />
    ));

  return (
    <section className="emargement" aria-labelledby="emargement-title">
      <p className="breadcrumb">
        <Link href={`/ateliers?session=${s.id}${s.start ? `&date=${dayOf(s.start)}` : ''}`}>
          ← Session
        </Link>
      </p>
      <h1 id="emargement-title">Émargement — {s.title}</h1>
      <p className="emargement-when">
        {s.start ? `${formatDayFull(dayOf(s.start))}, ${sessionTimes(s)}` : ''}
        {s.siteId && siteNames.get(s.siteId) ? ` · ${siteNames.get(s.siteId)}` : ''}
        {s.place ? ` · ${s.place}` : ''}
      </p>
      <p className="emargement-counts" aria-live="polite">
        <span>
          {counted(
            placement.placed.length + placement.walkIns.length,
            'participant·e attendu·e',
            'participant·es attendu·es',
          )}
        </span>
        <span className="count-realise">
          {counted(counts.realise ?? 0, 'présent·e', 'présent·es')}
        </span>
        <span>{counted(counts.absent ?? 0, 'absent·e', 'absent·es')}</span>
        <span>{counted(counts.excuse ?? 0, 'excusé·e', 'excusé·es')}</span>
        <span>{counted(counts.prescrit ?? 0, 'non pointé·e', 'non pointé·es')}</span>
        {pendingChanges > 0 && (
          <span className="muted">
            {counted(pendingChanges, 'changement non envoyé', 'changements non envoyés')}
          </span>
        )}
      </p>
      <p className="visually-hidden" role="status">
        {announce}
      </p>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {closed && (
        <p className="notice" role="note">
          Session clôturée le {formatDateTime(s.closedAt!)}
          {closer ? ` par ${closer}` : ''} : la présence ne change plus que par une correction, avec
          son motif. Les heures CEJ des présent·es sont comptées.
        </p>
      )}

      {list.length === 0 ? (
        <p className="muted">Personne n’est inscrit à cette session sur cet appareil.</p>
      ) : (
        <>
          <ul className="emargement-list" aria-label="Inscrit·es">
            {rows(shown)}
          </ul>
          {refused.length > 0 && (
            <details className="emargement-released">
              <summary>Refus ({refused.length})</summary>
              <ul className="emargement-list" aria-label="Refus">
                {rows(refused)}
              </ul>
            </details>
          )}
        </>
      )}

      {!closed && (
        <div className="emargement-actions">
          {walkIn ? (
            <WalkInPanel
              people={dossiers.people}
              siteNames={siteNames}
              onClose={() => setWalkIn(false)}
              onChooseExisting={addExisting}
              onCreate={async (values) => {
                const youth = await insertDocument(
                  db,
                  'youths',
                  walkInDossier(values, {
                    siteId: s.siteId ?? user.siteIds[0] ?? '',
                    referentId: user.id,
                    clock,
                  }),
                );
                await actions.signUp(s.id, youth.id, { walkIn: true, status: 'realise' });
                setWalkIn(false);
                setAnnounce(`Dossier de ${fullName(youth)} ouvert, présent·e.`);
              }}
            />
          ) : (
            <button
              type="button"
              className="button-secondary button-large"
              onClick={() => {
                setWalkIn(true);
                setClosing(false);
              }}
            >
              Ajouter une personne venue sans inscription
            </button>
          )}
          {closing ? (
            <section className="close-panel card" aria-labelledby="close-title">
              <h2 id="close-title">Clôturer la session</h2>
              <ul>
                <li>
                  {counted(counts.realise ?? 0, 'présent·e', 'présent·es')} : leurs heures comptent
                  pour le CEJ.
                </li>
                {closingChanges.filter((c) => c.status === 'absent').length > 0 && (
                  <li>
                    {counted(
                      closingChanges.filter((c) => c.status === 'absent').length,
                      'personne non pointée sera notée absente',
                      'personnes non pointées seront notées absentes',
                    )}
                    .
                  </li>
                )}
                {closingChanges.filter((c) => c.status === 'refus-tiers').length > 0 && (
                  <li>
                    {counted(
                      closingChanges.filter((c) => c.status === 'refus-tiers').length,
                      'personne restée en liste d’attente sera notée « refus tiers » (pas de place)',
                      'personnes restées en liste d’attente seront notées « refus tiers » (pas de place)',
                    )}
                    .
                  </li>
                )}
                {requiresSignature && unsignedPresent > 0 && (
                  <li className="warning-text">
                    {counted(
                      unsignedPresent,
                      'présent·e n’a pas signé',
                      'présent·es n’ont pas signé',
                    )}
                    .
                  </li>
                )}
              </ul>
              <p>Ensuite, la présence ne se modifie plus que par une correction motivée.</p>
              {closeProblem && (
                <p className="form-error" role="alert">
                  {ERROR_CODES[closeProblem].fr}
                </p>
              )}
              <div className="form-actions">
                <button
                  type="button"
                  className="button-primary button-large"
                  disabled={Boolean(closeProblem)}
                  onClick={async () => {
                    await actions.close(s, list);
                    setClosing(false);
                    setAnnounce('Session clôturée.');
                  }}
                >
                  Clôturer définitivement
                </button>
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => setClosing(false)}
                >
                  Revenir à l’émargement
                </button>
              </div>
            </section>
          ) : (
            <button
              type="button"
              className="button-primary button-large"
              onClick={() => {
                setClosing(true);
                setWalkIn(false);
              }}
            >
              Clôturer la session
            </button>
          )}
        </div>
      )}
    </section>
  );
}
