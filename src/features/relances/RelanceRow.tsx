/** One young person of the relance list: why, since when, the last relance, and "Relancer". */
import { useState } from 'react';
import { Link } from 'wouter';
import type { RelanceAssessment } from '../../domain/rules/relances';
import type { Youth } from '../../domain/schemas/youth';
import { formatDateTime, formatDayShort } from '../../domain/time';
import { RELANCE_CHANNEL_LABELS } from '../../domain/labels';
import { reasonClass, reasonText } from './labels';
import { RelanceForm } from './RelanceForm';
import type { RelanceInput } from './useRelanceActions';
import { fullName } from '../../domain/rules/names';

interface RelanceRowProps {
  assessment: RelanceAssessment;
  youth: Youth | undefined;
  defaultFollowUp: string;
  onLog(input: RelanceInput): Promise<void>;
}

export function RelanceRow({ assessment, youth, defaultFollowUp, onLog }: RelanceRowProps) {
  const [open, setOpen] = useState(false);
  const name = youth ? fullName(youth) : 'Dossier';
  const last = assessment.lastRelance;
  return (
    <li className={`relance-row state-${assessment.state}`}>
      <div className="relance-head">
        <h3>
          <Link href={`/dossiers/${assessment.youthId}`}>{name}</Link>
        </h3>
        {assessment.state === 'suivi-du' && <span className="tag">Suivi à faire</span>}
        {!open && (
          <button
            type="button"
            className="button-secondary relance-button"
            onClick={() => setOpen(true)}
            aria-label={`Relancer ${name}`}
          >
            Relancer
          </button>
        )}
      </div>
      <ul className="reasons" aria-label="Signaux">
        {assessment.reasons.map((reason) => (
          <li key={reason.code} className={`reason ${reasonClass(reason)}`}>
            {reasonText(reason)}
          </li>
        ))}
      </ul>
      <p className="muted relance-facts">
        {last
          ? `Dernière relance : ${last.channel ? RELANCE_CHANNEL_LABELS[last.channel] : 'relance'} le ${formatDayShort(last.at.slice(0, 10))}${assessment.followUpOn ? `, à revoir le ${formatDayShort(assessment.followUpOn)}` : ''}.`
          : 'Jamais relancé·e.'}
        {assessment.nextAppointment &&
          ` Prochain rendez-vous : ${formatDateTime(assessment.nextAppointment.start)}.`}
      </p>
      {open && (
        <RelanceForm
          youthId={assessment.youthId}
          youthName={name}
          defaultFollowUp={defaultFollowUp}
          onCancel={() => setOpen(false)}
          onSubmit={async (input) => {
            await onLog(input);
            setOpen(false);
          }}
        />
      )}
    </li>
  );
}
