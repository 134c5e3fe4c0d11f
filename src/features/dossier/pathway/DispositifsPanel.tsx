/**
 * The dispositifs of a young person: the CEJ with its weekly activity chart (computed by
 * src/domain/rules/cej.ts from events, ateliers and propositions), the PACEA with its phases,
 * and the forms to open, extend, end or close them (« Clôturer » records the actual end and
 * the exit reason the statistics count).
 */
import {
  DISPOSITIF_EXIT_REASON_LABELS,
  PACEA_STEP_LABELS,
  PHASE_EVALUATION_LABELS,
} from '../../../domain/labels';
import { frenchMessage, RelaisError } from '../../../domain/errors';
import { CejWeekHours } from './CejWeekHours';
import { useMemo, useState } from 'react';
import { useClock } from '../../../app/clock-context';
import {
  cejWeeklyActivity,
  commitmentOf,
  DEFAULT_WORKSHOP_MINUTES,
  PERIOD_HOURS_PER_WORKING_DAY,
  PROPOSITION_STEP_HOURS,
  summariseCejWeeks,
} from '../../../domain/rules/cej';
import { dispositifOn, isExtendedCej } from '../../../domain/rules/dispositif';
import type { Attendance } from '../../../domain/schemas/attendance';
import type { YouthEvent } from '../../../domain/schemas/event';
import type { PathwayRecord } from '../../../domain/schemas/pathway';
import { formatDayShort, today } from '../../../domain/time';
import { PendingMarker } from '../../../ui/PendingMarker';
import { pendingEntry, usePendingState } from '../../../ui/usePending';
import { useWorkshops } from '../useDossier';
import { useDossierActions } from '../useDossierActions';
import { CejChart } from './CejChart';
import { DispositifClosing } from './DispositifClosing';
import { newClosing } from './dispositif-closing';
import { DispositifForm } from './DispositifForm';
import { dispositifFormFrom, dispositifFrom, newDispositifForm } from './dispositif-form';

interface Props {
  youthId: string;
  userId: string;
  dispositifs: readonly PathwayRecord[];
  propositions: readonly PathwayRecord[];
  events: readonly YouthEvent[];
  attendances: readonly Attendance[];
}

type Editing = { programme: 'CEJ' | 'PACEA' } | { record: PathwayRecord };

function CejActivity(
  props: { cej: PathwayRecord } & Omit<Props, 'youthId' | 'userId' | 'dispositifs'>,
) {
  const clock = useClock();
  const workshops = useWorkshops(props.attendances.map((a) => a.workshopId));
  const weeks = useMemo(
    () =>
      cejWeeklyActivity(
        props.cej,
        {
          events: props.events,
          propositions: props.propositions,
          attendances: props.attendances,
          workshops: workshops.data ?? [],
        },
        clock,
      ),
    [props.cej, props.events, props.propositions, props.attendances, workshops.data, clock],
  );
  if (weeks.length === 0) return <p className="muted">Le CEJ n&apos;a pas encore commencé.</p>;
  return (
    <>
      <CejChart
        weeks={weeks}
        summary={summariseCejWeeks(weeks)}
        commitment={commitmentOf(props.cej)}
      />
      <details className="weights">
        <summary>Comment les heures sont comptées</summary>
        <ul>
          <li>
            Événement : sa durée saisie (ou la durée habituelle de son type) ; une relance ne compte
            pas.
          </li>
          <li>
            Atelier ou information collective émargé présent : la durée de la séance (
            {DEFAULT_WORKSHOP_MINUTES / 60} h si elle n&apos;est pas connue).
          </li>
          <li>
            Proposition : {PROPOSITION_STEP_HOURS} h la semaine où elle est faite, sauf refus du
            jeune ; une PMSMP, formation, alternance ou un emploi accepté compte{' '}
            {PERIOD_HOURS_PER_WORKING_DAY} h par jour ouvré de la période.
          </li>
        </ul>
      </details>
    </>
  );
}

export function DispositifsPanel(props: Props) {
  const clock = useClock();
  const actions = useDossierActions();
  const pending = usePendingState();
  const [editing, setEditing] = useState<Editing>();
  const [closing, setClosing] = useState<string>();
  const [closingError, setClosingError] = useState<string>();
  const running = dispositifOn(props.dispositifs, today(clock));
  const context = { youthId: props.youthId, authorId: props.userId };

  return (
    <section aria-labelledby="dispositifs-title" className="panel">
      <div className="panel-header">
        <h2 id="dispositifs-title">Dispositifs</h2>
        {!editing && (
          <span className="button-row">
            <button
              type="button"
              className="button-secondary"
              onClick={() => setEditing({ programme: 'CEJ' })}
            >
              Ouvrir un CEJ
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => setEditing({ programme: 'PACEA' })}
            >
              Ouvrir un PACEA
            </button>
          </span>
        )}
      </div>
      {editing && (
        <DispositifForm
          key={'record' in editing ? editing.record.id : editing.programme}
          initial={
            'record' in editing
              ? dispositifFormFrom(editing.record)
              : newDispositifForm(editing.programme, clock)
          }
          editing={'record' in editing ? editing.record : undefined}
          others={props.dispositifs}
          onCancel={() => setEditing(undefined)}
          onEndOther={async (other, lastDay) => {
            await actions.endDispositif(other.id, lastDay);
          }}
          onSave={async (values) => {
            const base = 'record' in editing ? editing.record : undefined;
            const record = dispositifFrom(values, { ...context, base });
            if (base) await actions.replacePathway(base.id, record);
            else await actions.addPathway(record);
            setEditing(undefined);
          }}
        />
      )}
      {props.dispositifs.length === 0 && (
        <p className="muted">Ni CEJ ni PACEA pour l&apos;instant.</p>
      )}
      {props.dispositifs.map((dispositif) => (
        <article
          key={dispositif.id}
          className={`card dispositif${dispositif === running ? ' is-running' : ''}`}
          aria-label={`${dispositif.programme ?? 'Dispositif'} du ${formatDayShort(dispositif.startDate ?? '')}`}
        >
          <header className="panel-header">
            <h3>
              {dispositif.programme === 'CEJ' ? "CEJ — Contrat d'engagement jeune" : 'PACEA'}
              {dispositif === running && <span className="tag tag-running">en cours</span>}
              {isExtendedCej({ ...dispositif, id: dispositif.id }) && (
                <span className="tag">prolongé</span>
              )}
              <PendingMarker entry={pendingEntry(pending, 'pathway', dispositif.id)} />
            </h3>
            <span className="button-row">
              {!dispositif.endedOn && closing !== dispositif.id && (
                <button
                  type="button"
                  className="button-link"
                  onClick={() => {
                    setClosingError(undefined);
                    setClosing(dispositif.id);
                  }}
                >
                  Clôturer le dispositif
                </button>
              )}
              <button
                type="button"
                className="button-link"
                onClick={() => setEditing({ record: dispositif })}
              >
                Modifier
              </button>
            </span>
          </header>
          <p>
            Du {formatDayShort(dispositif.startDate ?? '')} au{' '}
            {dispositif.endDate ? formatDayShort(dispositif.endDate) : '—'}
            {dispositif.endedOn ? ' (prévu)' : ''}
            {dispositif.programme === 'CEJ' &&
              ` · engagement ${commitmentOf(dispositif)} h par semaine`}
          </p>
          {dispositif.endedOn && (
            <p>
              Clôturé le {formatDayShort(dispositif.endedOn)}
              {dispositif.exitReason &&
                ` — motif : ${DISPOSITIF_EXIT_REASON_LABELS[dispositif.exitReason]}`}
            </p>
          )}
          {closing === dispositif.id && (
            <>
              {closingError && (
                <p className="form-error" role="alert">
                  {closingError}
                </p>
              )}
              <DispositifClosing
                dispositif={dispositif}
                initial={newClosing(clock)}
                onCancel={() => setClosing(undefined)}
                onSave={async ({ endedOn, exitReason }) => {
                  try {
                    await actions.closeDispositif(dispositif, endedOn, exitReason);
                    setClosing(undefined);
                  } catch (error) {
                    setClosingError(
                      error instanceof RelaisError
                        ? frenchMessage(error.code)
                        : 'La clôture n’a pas pu être enregistrée sur cet appareil.',
                    );
                  }
                }}
              />
            </>
          )}
          {dispositif.programme === 'PACEA' && (dispositif.phases ?? []).length > 0 && (
            <ol className="pacea-phases">
              {(dispositif.phases ?? []).map((phase, index) => (
                <li key={index}>
                  <strong>{phase.label}</strong>{' '}
                  <span className="muted">
                    du {formatDayShort(phase.startDate)}
                    {phase.endDate ? ` au ${formatDayShort(phase.endDate)}` : ''}
                  </span>
                  {phase.objectives && <p>Objectifs : {phase.objectives}</p>}
                  {phase.step && <p className="muted">{PACEA_STEP_LABELS[phase.step]}</p>}
                  {phase.evaluation && (
                    <p>Évaluation : {PHASE_EVALUATION_LABELS[phase.evaluation]}</p>
                  )}
                </li>
              ))}
            </ol>
          )}
          {dispositif.programme === 'CEJ' && <CejWeekHours cej={dispositif} />}
          {dispositif.programme === 'CEJ' && (
            <CejActivity
              cej={dispositif}
              events={props.events}
              propositions={props.propositions}
              attendances={props.attendances}
            />
          )}
        </article>
      ))}
    </section>
  );
}
