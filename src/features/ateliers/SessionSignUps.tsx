/**
 * The sign-ups of a session in its panel (issue 15, item 3): who has a place, the waiting list
 * in the server's order (sign-ups not yet sent come last), the places given back; sign a young
 * person up, cancel a sign-up (the first waiting moves up), a convocation to print or to copy as
 * an SMS, and the way to the émargement.
 */
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { ATTENDANCE_STATUS_LABELS } from '../../domain/labels';
import { counted } from '../../domain/plural';
import { attendanceStatus, isClosed } from '../../domain/rules/attendance';
import { fullName } from '../../domain/rules/names';
import { sessionPlaces, standingOf, type Standing } from '../../domain/rules/waiting-list';
import type { Attendance } from '../../domain/schemas/attendance';
import type { Site } from '../../domain/schemas/site';
import type { Workshop } from '../../domain/schemas/workshop';
import type { Youth } from '../../domain/schemas/youth';
import { CheckboxField } from '../../ui/Field';
import { YouthPicker } from '../agenda/YouthPicker';
import { convocationSms, sessionAddress, sessionMoment, MISSION_LOCALE } from './convocation';
import { standingText } from './EmargementRow';
import { useAttendanceActions, useSessionAttendances, useYouthsById } from './useAttendances';
import './convocation.css';

/** Prints the open convocation's letter alone (convocation.css). */
function printConvocation() {
  document.body.classList.add('print-convocation');
  window.addEventListener('afterprint', () => document.body.classList.remove('print-convocation'), {
    once: true,
  });
  window.print();
}

function Convocation(props: {
  youth: Youth;
  session: Workshop;
  site?: Site;
  standing?: Standing;
  onClose(): void;
}) {
  const place = { siteName: props.site?.name, siteAddress: props.site?.address };
  const sms = convocationSms(props.youth.firstName, props.session, place, props.standing);
  const [copied, setCopied] = useState('');
  const waiting = props.standing?.kind === 'waiting';
  return (
    <div className="convocation card">
      <h3>Convocation de {fullName(props.youth)}</h3>
      <p className="convocation-sms">{sms}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button-secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(sms);
              setCopied('Texte copié : collez-le dans votre SMS.');
            } catch {
              setCopied('Copie impossible ici : sélectionnez le texte ci-dessus.');
            }
          }}
        >
          Copier le texte SMS
        </button>
        {!waiting && (
          <button type="button" className="button-secondary" onClick={printConvocation}>
            Imprimer la convocation
          </button>
        )}
        <button type="button" className="button-link" onClick={props.onClose}>
          Fermer
        </button>
      </div>
      <p role="status" className="muted">
        {copied}
      </p>
      {!waiting && (
        <section className="convocation-letter" aria-label="Convocation à imprimer">
          <p className="convocation-from">{MISSION_LOCALE}</p>
          <p className="convocation-to">
            {fullName(props.youth)}
            {props.youth.address ? <br /> : null}
            {props.youth.address}
          </p>
          <h4>Convocation</h4>
          <p>Bonjour {props.youth.firstName},</p>
          <p>
            Vous êtes inscrit·e à <strong>« {props.session.title} »</strong> le{' '}
            <strong>{sessionMoment(props.session)}</strong>
            {sessionAddress(props.session, place)
              ? `, ${sessionAddress(props.session, place)}`
              : ''}
            .
          </p>
          <p>
            Merci d’arriver quelques minutes avant le début. En cas d’empêchement, prévenez la
            Mission Locale : votre place sera proposée à une personne en liste d’attente.
          </p>
          <p>L’équipe de la {MISSION_LOCALE}</p>
        </section>
      )}
    </div>
  );
}

export function SessionSignUps(props: { session: Workshop; site?: Site; held: boolean }) {
  const { session } = props;
  const attendances = useSessionAttendances(session.id);
  const list = useMemo(() => attendances.data ?? [], [attendances.data]);
  const youths = useYouthsById(list.map((a) => a.youthId));
  const actions = useAttendanceActions();
  const [youthId, setYouthId] = useState('');
  const [convocation, setConvocation] = useState<string>();
  const [announce, setAnnounce] = useState('');
  const placement = useMemo(() => sessionPlaces(session.capacity, list), [session.capacity, list]);
  const closed = isClosed(session);
  const open = !session.cancelled && !closed;
  const names = youths.data ?? new Map<string, Youth>();
  const nameOf = (a: Attendance) => {
    const youth = names.get(a.youthId);
    return youth ? fullName(youth) : 'Dossier absent de cet appareil';
  };

  const item = (attendance: Attendance) => {
    const youth = names.get(attendance.youthId);
    const standing = standingOf(placement, attendance.id);
    const status = attendanceStatus(attendance);
    return (
      <li key={attendance.id} className="signup-item">
        <span>
          {youth ? (
            <Link href={`/dossiers/${youth.id}`}>{nameOf(attendance)}</Link>
          ) : (
            nameOf(attendance)
          )}
          <span className="muted">
            {' '}
            ·{' '}
            {[standingText(standing), ATTENDANCE_STATUS_LABELS[status]].filter(Boolean).join(' · ')}
          </span>
        </span>
        {youth && status === 'prescrit' && (
          <span className="signup-actions">
            <button
              type="button"
              className="button-link"
              onClick={() =>
                setConvocation(convocation === attendance.id ? undefined : attendance.id)
              }
            >
              Convocation<span className="visually-hidden"> de {nameOf(attendance)}</span>
            </button>
            {open && !props.held && (
              <button
                type="button"
                className="button-link"
                onClick={async () => {
                  await actions.cancel(attendance.id);
                  setAnnounce(`Inscription de ${nameOf(attendance)} annulée (excusé·e).`);
                }}
              >
                Désinscrire<span className="visually-hidden"> {nameOf(attendance)}</span>
              </button>
            )}
          </span>
        )}
        {youth && convocation === attendance.id && (
          <Convocation
            youth={youth}
            session={session}
            site={props.site}
            standing={standing}
            onClose={() => setConvocation(undefined)}
          />
        )}
      </li>
    );
  };

  return (
    <section className="session-signups" aria-labelledby="signups-title">
      <h3 id="signups-title">Inscriptions</h3>
      <p aria-live="polite">
        {counted(placement.placed.length, 'inscrit·e', 'inscrit·es')}
        {session.capacity !== undefined ? ` sur ${session.capacity} places` : ''}
        {placement.waiting.length > 0 ? ` · ${placement.waiting.length} en liste d’attente` : ''}
        {placement.walkIns.length > 0
          ? ` · ${counted(placement.walkIns.length, 'venu·e sans inscription', 'venu·es sans inscription')}`
          : ''}
      </p>
      <p className="visually-hidden" role="status">
        {announce}
      </p>
      {!session.cancelled && (
        <p>
          <Link className="button-primary" href={`/ateliers/${session.id}/emargement`}>
            {closed ? 'Voir l’émargement' : 'Ouvrir l’émargement'}
          </Link>
        </p>
      )}
      {open && (
        <CheckboxField
          label="Les jeunes signent l’émargement"
          checked={session.requiresSignature === true}
          onChange={(e) => void actions.setRequiresSignature(session.id, e.target.checked)}
        />
      )}
      {list.length > 0 && (
        <ul className="signup-list" aria-label="Inscrit·es">
          {[...placement.placed, ...placement.walkIns].map(item)}
        </ul>
      )}
      {placement.waiting.length > 0 && (
        <>
          <h4>Liste d’attente</h4>
          <ul className="signup-list" aria-label="Liste d’attente">
            {placement.waiting.map(item)}
          </ul>
        </>
      )}
      {placement.released.length > 0 && (
        <>
          <h4>Places rendues</h4>
          <ul className="signup-list" aria-label="Places rendues">
            {placement.released.map(item)}
          </ul>
        </>
      )}
      {open && (
        <form
          className="signup-form"
          autoComplete="off"
          noValidate
          onSubmit={async (event) => {
            event.preventDefault();
            if (!youthId) return;
            await actions.signUp(session.id, youthId);
            setYouthId('');
            setAnnounce('Inscription enregistrée sur cet appareil.');
          }}
        >
          <YouthPicker label="Inscrire un jeune" value={youthId} onChange={setYouthId} />
          {youthId && (
            <button type="submit" className="button-primary">
              Inscrire
            </button>
          )}
        </form>
      )}
    </section>
  );
}
