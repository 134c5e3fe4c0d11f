/**
 * Relances: the young people at risk of losing contact (no news for 30 / 60 / 90 days, missed
 * rendez-vous in a row, CEJ hours short two weeks running), most urgent first, each with one
 * action that logs the relance and its follow-up day. Works offline on the device's dossiers.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'wouter';
import { defaultFollowUp, normaliseThresholds } from '../../domain/rules/relances';
import { formatDayShort } from '../../domain/time';
import { useAppStore } from '../../stores/store';
import { SelectField } from '../../ui/Field';
import { RELANCE_CHANNEL_LABELS } from '../../domain/labels';
import { useSites } from '../shared/useDirectory';
import { useDossierScope } from '../shared/useDossierScope';
import { DOWNLOADING_TEXT, useDownloading } from '../../ui/useFirstDownload';
import type { DossierScope } from '../../stores/dossier-scope-slice';
import { RelanceChart, relanceBars } from './RelanceChart';
import { RelanceRow } from './RelanceRow';
import { useRelanceActions } from './useRelanceActions';
import { useRelances, type RelanceScope } from './useRelances';
import '../agenda/agenda.css';
import './relances.css';
import { fullName } from '../../domain/rules/names';
import { useClock } from '../../app/clock-context';
import { counted } from '../../domain/plural';

const PAGE = 60;

/** The address names the scope in French (`mes`, `tous`, a site id). */
function relanceParamOf(scope: DossierScope): string {
  if (scope === 'mine') return 'mes';
  if (scope === 'all') return 'tous';
  return scope.slice('site:'.length);
}

function scopeOfRelanceParam(param: string): DossierScope {
  if (param === 'mes') return 'mine';
  if (param === 'tous') return 'all';
  return `site:${param}`;
}

function ThresholdsForm() {
  const thresholds = useAppStore((s) => s.relanceThresholds);
  const setThresholds = useAppStore((s) => s.setRelanceThresholds);
  const [text, setText] = useState(thresholds.join(', '));
  const [error, setError] = useState<string | null>(null);
  function submit(event: FormEvent) {
    event.preventDefault();
    const values = text
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map(Number);
    const clean = normaliseThresholds(values);
    if (clean.length === 0 || clean.length !== values.length) {
      setError('Écrivez des nombres de jours entiers, par exemple « 30, 60, 90 ».');
      return;
    }
    setError(null);
    setThresholds(clean);
    setText(clean.join(', '));
  }
  return (
    <form autoComplete="off" className="thresholds-form" noValidate onSubmit={submit}>
      <label htmlFor="relance-thresholds">Seuils sans nouvelles (jours)</label>
      <input
        autoComplete="off"
        id="relance-thresholds"
        value={text}
        inputMode="numeric"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'relance-thresholds-error' : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="button-secondary">
        Appliquer
      </button>
      {error && (
        <p id="relance-thresholds-error" className="field-error">
          {error}
        </p>
      )}
    </form>
  );
}

export function RelancesScreen() {
  const clock = useClock();
  const user = useAppStore((s) => s.user);
  const thresholds = useAppStore((s) => s.relanceThresholds);
  const [params, setParams] = useSearchParams();
  const sites = useSites();
  // A shared link names its scope; otherwise the user's preference, as in the Portefeuille.
  const [preferred, setPreferred] = useDossierScope();
  const scopeParam = params.get('dossiers') ?? relanceParamOf(preferred);
  const scope: RelanceScope =
    scopeParam === 'mes' && user
      ? { kind: 'mine', userId: user.id }
      : scopeParam !== 'tous' && scopeParam !== 'mes'
        ? { kind: 'site', siteId: scopeParam }
        : { kind: 'all' };
  const list = useRelances(scope, thresholds, clock);
  // The signals read every kind of activity: until it has all arrived, the list is partial.
  const downloading = useDownloading(
    'youths',
    'events',
    'appointments',
    'pathway',
    'attendances',
    'workshops',
  );
  const actions = useRelanceActions(clock);
  const [notice, setNotice] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);

  const assessments = useMemo(() => list.data?.assessments ?? [], [list.data]);
  const toDo = assessments.filter((a) => a.state !== 'en-attente');
  const waiting = assessments.filter((a) => a.state === 'en-attente');
  const bars = useMemo(() => relanceBars(assessments, thresholds), [assessments, thresholds]);
  const followUp = defaultFollowUp(clock);

  const rows = (items: typeof assessments) =>
    items.map((assessment) => (
      <RelanceRow
        key={assessment.youthId}
        assessment={assessment}
        youth={list.data?.youths.get(assessment.youthId)}
        defaultFollowUp={followUp}
        onLog={async (input) => {
          await actions.logRelance(input);
          const youth = list.data?.youths.get(input.youthId);
          setNotice(
            `Relance enregistrée pour ${youth ? fullName(youth) : 'le jeune'} : ${RELANCE_CHANNEL_LABELS[input.channel]}, à revoir le ${formatDayShort(input.followUpOn)}.`,
          );
        }}
      />
    ));

  return (
    <section className="relances" aria-labelledby="relances-title">
      <div className="section-header">
        <h1 id="relances-title">Relances</h1>
        <p className="muted" aria-live="polite">
          {list.isLoading
            ? 'Analyse des dossiers…'
            : `${counted(assessments.length, 'jeune')} à suivre sur ${counted(list.data?.followed ?? 0, 'dossier accompagné', 'dossiers accompagnés')}${downloading ? ` — liste incomplète, ${DOWNLOADING_TEXT}` : ''}`}
        </p>
      </div>
      <div className="relances-toolbar">
        <SelectField
          label="Dossiers"
          value={scopeParam}
          options={[
            { value: 'mes', label: 'Mes dossiers (référent)' },
            { value: 'tous', label: 'Tous les dossiers de cet appareil' },
            ...(sites.data ?? []).map((s) => ({ value: s.id, label: s.name })),
          ]}
          onChange={(e) => {
            setShown(PAGE);
            setPreferred(scopeOfRelanceParam(e.target.value));
            setParams({ dossiers: e.target.value });
          }}
        />
        <ThresholdsForm />
      </div>
      {list.error && <p role="alert">Impossible de lire les dossiers : {list.error.message}</p>}
      <RelanceChart bars={bars} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <section aria-labelledby="relances-todo">
        <h2 id="relances-todo">À relancer ({toDo.length})</h2>
        {toDo.length === 0 && !list.isLoading && !downloading && (
          <p className="empty">
            Personne à relancer : tous les jeunes suivis ont des nouvelles récentes.
          </p>
        )}
        <ul className="relance-list">{rows(toDo.slice(0, shown))}</ul>
        {toDo.length > shown && (
          <button type="button" className="button-secondary" onClick={() => setShown(shown + PAGE)}>
            Afficher {Math.min(PAGE, toDo.length - shown)} de plus
          </button>
        )}
      </section>
      <section aria-labelledby="relances-waiting">
        <h2 id="relances-waiting">Relancés, en attente du suivi ({waiting.length})</h2>
        <ul className="relance-list">{rows(waiting.slice(0, PAGE))}</ul>
        {waiting.length > PAGE && (
          <p className="muted">
            Et {waiting.length - PAGE} autres, qui reviendront dans la liste à leur date de suivi.
          </p>
        )}
      </section>
    </section>
  );
}
