/**
 * Passation de dossiers (issue 18; rules in src/domain/rules/handover.ts): choose dossiers —
 * all of an adviser's, a site's, a filtered list (direction), or among one's own (adviser) — and
 * hand them to a colleague, temporarily (from a day to a day) or for good, with a motif. The
 * server makes the handover (it needs the network) and devices follow at their next sync.
 * Route `/passation`.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useClock } from '../../app/clock-context';
import { frenchMessage } from '../../domain/errors';
import { handoverProblem, type HandoverTarget } from '../../domain/rules/handover';
import type { HandoverKind } from '../../domain/schemas/youth';
import { today as todayOf } from '../../domain/time';
import { useAppStore } from '../../stores/store';
import { SelectField, TextField } from '../../ui/Field';
import { useCaseload } from '../caseload/useCaseload';
import { useSites, useStaff } from '../shared/useDirectory';
import { DossierChecklist, filterDossiers, type ChecklistFilters } from './DossierChecklist';
import { useHandover } from './useHandover';
import './passation.css';

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export function HandoverScreen() {
  const user = useAppStore((s) => s.user)!;
  const online = useAppStore((s) => s.sync.online);
  const clock = useClock();
  const today = todayOf(clock);
  const siege = user.role === 'direction' || user.role === 'admin';
  const caseload = useCaseload();
  const staff = useStaff();
  const sites = useSites();
  const { state, send } = useHandover();

  const [filters, setFilters] = useState<ChecklistFilters>({
    referentId: '',
    siteId: '',
    name: '',
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [toId, setToId] = useState('');
  const [kind, setKind] = useState<HandoverKind>('temporaire');
  const [startDate, setStartDate] = useState(today);
  const [endDate, setEndDate] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();

  const names = useMemo(
    () => new Map((staff.data ?? []).map((member) => [member.id, member.name])),
    [staff.data],
  );
  const nameOf = (id: string) => (id ? (names.get(id) ?? 'Inconnu·e') : 'À désigner');
  const siteNames = new Map((sites.data ?? []).map((site) => [site.id, site.name]));
  const own = (caseload.data ?? []).filter((youth) => siege || youth.referentId === user.id);
  const shown = filterDossiers(own, filters);
  const advisers = (staff.data ?? []).filter((m) => m.role === 'conseiller');
  const colleagues = advisers
    .filter((m) => m.active && m.id !== user.id)
    .map((m) => ({ value: m.id, label: m.name }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const member = (staff.data ?? []).find((m) => m.id === toId);
    const target: HandoverTarget | undefined = member && {
      id: member.id,
      role: member.role,
      active: member.active,
      siteIds: member.siteIds,
    };
    const chosen = own.filter((youth) => selected.has(youth.id));
    const draft = {
      kind,
      toId,
      reason,
      ...(kind === 'temporaire' ? { startDate, endDate } : {}),
    };
    const found = handoverProblem({
      actor: { id: user.id, role: user.role },
      dossiers: chosen,
      target,
      draft,
      today,
    });
    setProblem(found && frenchMessage(found));
    if (found) return;
    if (
      await send(
        chosen.map((youth) => youth.id),
        draft,
      )
    ) {
      setSelected(new Set());
      setReason('');
    }
  };

  return (
    <section aria-labelledby="passation-title" className="passation">
      <h1 id="passation-title">Passation de dossiers</h1>
      <p className="muted">
        {siege
          ? 'Confiez les dossiers d’un·e conseiller·ère, d’un site ou une sélection à un·e collègue.'
          : 'Confiez vos dossiers à un·e collègue pendant une absence, ou pour de bon.'}{' '}
        Les rendez-vous à venir suivent les dossiers ; les appareils de chacun les reçoivent à leur
        prochaine synchronisation.
      </p>
      {!online && (
        <p className="notice" role="alert">
          Hors ligne : une passation est faite par le serveur. Reconnectez-vous au réseau pour
          confier des dossiers.
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <DossierChecklist
          siege={siege}
          filters={filters}
          onFilters={setFilters}
          referents={advisers.map((m) => ({ value: m.id, label: m.name }))}
          sites={(sites.data ?? []).map((site) => ({ value: site.id, label: site.name }))}
          shown={shown}
          selected={selected}
          onSelected={setSelected}
          siteName={(id) => siteNames.get(id) ?? id}
          referentName={nameOf}
        />
        <fieldset className="handover-terms">
          <legend>Passation</legend>
          <SelectField
            label="Confier à"
            required
            value={toId}
            onChange={(e) => setToId(e.target.value)}
            options={colleagues}
            placeholder="Choisir un·e collègue"
          />
          <fieldset className="handover-kind">
            <legend>Durée</legend>
            {(['temporaire', 'definitive'] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name="handover-kind"
                  value={value}
                  checked={kind === value}
                  onChange={() => setKind(value)}
                />
                {value === 'temporaire'
                  ? 'Temporaire : le ou la référent·e revient à la fin'
                  : 'Définitive : le ou la collègue devient référent·e'}
              </label>
            ))}
          </fieldset>
          {kind === 'temporaire' && (
            <div className="handover-dates">
              <TextField
                label="Du"
                type="date"
                required
                min={today}
                value={startDate}
                onChange={(e) => setStartDate(e.target.value)}
              />
              <TextField
                label="Au (inclus)"
                type="date"
                required
                min={startDate || today}
                value={endDate}
                onChange={(e) => setEndDate(e.target.value)}
              />
            </div>
          )}
          <TextField
            label="Motif"
            required
            maxLength={200}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            hint="Visible dans les dossiers : congés, départ, changement de site…"
          />
        </fieldset>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <button
          type="submit"
          className="button-primary handover-submit"
          disabled={!online || state.status === 'sending'}
        >
          {state.status === 'sending'
            ? 'Passation en cours…'
            : `Confier ${plural(selected.size, 'dossier', 'dossiers')}`}
        </button>
      </form>
      <div role="status" className="handover-result">
        {state.status === 'done' &&
          `${plural(state.summary.dossiers, 'dossier confié', 'dossiers confiés')} à ${nameOf(state.toId)}, ${plural(state.summary.appointments, 'rendez-vous à venir', 'rendez-vous à venir')} avec. Les appareils les recevront à leur prochaine synchronisation.`}
      </div>
      {state.status === 'failed' && (
        <p className="notice" role="alert">
          {state.error.code === 'NETWORK'
            ? 'Serveur injoignable : rien n’a été confié. Réessayez avec le réseau.'
            : frenchMessage(state.error.code)}
        </p>
      )}
    </section>
  );
}
