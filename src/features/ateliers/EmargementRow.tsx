/**
 * One young person of the émargement: who, where they stand (waiting list, walk-in), one tap
 * for présent / absent / excusé, the signature when the session requires one; once the session
 * is closed, the status and « Corriger » (a correction with its reason).
 */
import { useState, type FormEvent } from 'react';
import { ERROR_CODES } from '../../domain/errors';
import { ATTENDANCE_STATUS_LABELS } from '../../domain/labels';
import { attendanceStatus, MARKS } from '../../domain/rules/attendance';
import type { Standing } from '../../domain/rules/waiting-list';
import {
  ATTENDANCE_STATUSES,
  type Attendance,
  type AttendanceStatus,
} from '../../domain/schemas/attendance';
import type { Stroke } from '../../domain/signature';
import { formatDateTime } from '../../domain/time';
import { SelectField, TextField } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { PendingMarker } from '../../ui/PendingMarker';
import type { PendingEntry } from '../../sync/pending';
import { SignaturePad, SignatureView } from './SignaturePad';

/** The tap labels, inclusive as the rest of the screens. */
export const MARK_LABELS: Record<AttendanceStatus, string> = {
  prescrit: 'Non pointé·e',
  realise: 'Présent·e',
  absent: 'Absent·e',
  excuse: 'Excusé·e',
  'refus-jeune': 'Refus jeune',
  'refus-tiers': 'Refus tiers',
};

export function standingText(standing: Standing | undefined): string | undefined {
  if (!standing) return undefined;
  if (standing.kind === 'waiting') return `liste d’attente n° ${standing.rank}`;
  if (standing.kind === 'walk-in') return 'venu·e sans inscription';
  if (standing.kind === 'released') return 'place rendue';
  return undefined;
}

function CorrectionForm(props: {
  attendance: Attendance;
  name: string;
  onSave(status: AttendanceStatus, reason: string): Promise<void>;
  onCancel(): void;
}) {
  const current = attendanceStatus(props.attendance);
  const [status, setStatus] = useState<AttendanceStatus>(current);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setError(ERROR_CODES.CORRECTION_REASON_REQUIRED.fr);
      return;
    }
    setBusy(true);
    try {
      await props.onSave(status, reason);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="correction-form" noValidate onSubmit={(e) => void submit(e)}>
      <SelectField
        label={`Statut corrigé de ${props.name}`}
        value={status}
        options={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: ATTENDANCE_STATUS_LABELS[s] }))}
        onChange={(e) => setStatus(e.target.value as AttendanceStatus)}
      />
      <TextField
        label="Motif de la correction"
        required
        maxLength={200}
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
          setError(undefined);
        }}
        error={error}
      />
      <FormActions submitLabel="Enregistrer la correction" busy={busy} onCancel={props.onCancel} />
    </form>
  );
}

export function EmargementRow(props: {
  attendance: Attendance;
  name: string;
  detail?: string;
  standing?: Standing;
  closed: boolean;
  requiresSignature: boolean;
  pending?: PendingEntry;
  onMark(status: AttendanceStatus): Promise<void>;
  onSign(strokes: Stroke[]): Promise<void>;
  onCorrect(status: AttendanceStatus, reason: string): Promise<void>;
}) {
  const { attendance, name } = props;
  const status = attendanceStatus(attendance);
  const [signing, setSigning] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const where = standingText(props.standing);
  const lastCorrection = attendance.corrections?.at(-1);

  return (
    <li className={`emargement-row is-${status}`}>
      <div className="emargement-who">
        <strong className="emargement-name">{name}</strong>
        <span className="muted">
          {[props.detail, where, props.closed ? ATTENDANCE_STATUS_LABELS[status] : undefined]
            .filter(Boolean)
            .join(' · ')}
        </span>
        <PendingMarker entry={props.pending} />
        {lastCorrection && (
          <span className="muted correction-note">
            Corrigé le {formatDateTime(lastCorrection.at)} : {lastCorrection.reason}
          </span>
        )}
      </div>
      {!props.closed && (
        <div className="emargement-marks" role="group" aria-label={`Présence de ${name}`}>
          {MARKS.map((mark) => (
            <button
              key={mark}
              type="button"
              className={`mark mark-${mark}`}
              aria-pressed={status === mark}
              onClick={() => void props.onMark(status === mark ? 'prescrit' : mark)}
            >
              {MARK_LABELS[mark]}
              <span className="visually-hidden"> : {name}</span>
            </button>
          ))}
        </div>
      )}
      {props.closed && !correcting && (
        <button
          type="button"
          className="button-secondary emargement-correct"
          onClick={() => setCorrecting(true)}
        >
          Corriger<span className="visually-hidden"> la présence de {name}</span>
        </button>
      )}
      {props.requiresSignature && status === 'realise' && (
        <div className="emargement-signature">
          {attendance.signature ? (
            <SignatureView signature={attendance.signature} name={name} />
          ) : (
            !props.closed &&
            !signing && (
              <button type="button" className="button-primary" onClick={() => setSigning(true)}>
                Faire signer<span className="visually-hidden"> {name}</span>
              </button>
            )
          )}
        </div>
      )}
      {signing && (
        <SignaturePad
          name={name}
          onCancel={() => setSigning(false)}
          onSave={async (strokes) => {
            await props.onSign(strokes);
            setSigning(false);
          }}
        />
      )}
      {correcting && (
        <CorrectionForm
          attendance={attendance}
          name={name}
          onCancel={() => setCorrecting(false)}
          onSave={async (next, reason) => {
            await props.onCorrect(next, reason);
            setCorrecting(false);
          }}
        />
      )}
    </li>
  );
}
