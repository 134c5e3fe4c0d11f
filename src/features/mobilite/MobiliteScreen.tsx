/**
 * Atelier Mob (issue 16): the fleet's month per vehicle, « qui est disponible du … au … ? »
 * answered offline with what this device knows (and how fresh that is), the loans with the late
 * returns first, the fleet itself, kept by the direction and the Atelier Mob, and the year's
 * figures. What is shown lives in the address (vue, mois, du, au, vehicule, annee).
 */
import { useCallback, useMemo, useState } from 'react';
import { map } from 'rxjs';
import { useSearchParams } from 'wouter';
import { useClock } from '../../app/clock-context';
import { useDatabase } from '../../app/database-context';
import { useLiveQuery } from '../../db/useLiveQuery';
import {
  availableVehicles,
  lateLoans,
  loanStatus,
  mayKeepFleet,
  periodProblem,
} from '../../domain/rules/mobility';
import { fullName } from '../../domain/rules/names';
import { ERROR_CODES } from '../../domain/errors';
import type { Youth } from '../../domain/schemas/youth';
import { addDays, fixedClock, formatDayShort, formatSince, today } from '../../domain/time';
import { useAppStore } from '../../stores/store';
import { TextField } from '../../ui/Field';
import { useNow } from '../../ui/useNow';
import { useSites } from '../shared/useDirectory';
import { FleetCalendar, monthTitle } from './FleetCalendar';
import { CONDITION_LABELS, LICENCE_LABELS, VEHICLE_KIND_LABELS } from './labels';
import { LoanCard } from './LoanCard';
import { LoanContract } from './LoanContract';
import { LoanFiguresView } from './LoanFiguresView';
import { requiredLicence } from '../../domain/rules/mobility';
import { useKnownSpans, useLoans, useMobilityActions, useVehicles } from './useMobility';
import { VehicleForm } from './VehicleForm';
import '../agenda/agenda.css';
import './mobilite.css';

type View = 'planning' | 'disponibles' | 'prets' | 'flotte' | 'chiffres';
const VIEWS: { value: View; label: string }[] = [
  { value: 'planning', label: 'Planning' },
  { value: 'disponibles', label: 'Qui est disponible ?' },
  { value: 'prets', label: 'Prêts' },
  { value: 'flotte', label: 'Flotte' },
  { value: 'chiffres', label: 'Chiffres' },
];

function useYouthsById(ids: readonly string[]) {
  const db = useDatabase();
  const key = ids.join(',');
  return useLiveQuery<Map<string, Youth>>(
    useCallback(
      () =>
        db.youths
          .findByIds(key ? key.split(',') : [])
          .$.pipe(
            map((found) => new Map([...found.values()].map((d) => [d.id, d.toJSON() as Youth]))),
          ),
      [db, key],
    ),
  );
}

export function MobiliteScreen() {
  const clock = useClock();
  const day = today(clock);
  const user = useAppStore((s) => s.user);
  const lastSync = useAppStore((s) => s.sync.lastSuccessAt);
  const online = useAppStore((s) => s.sync.online);
  const now = useNow();
  const [params, setParams] = useSearchParams();
  const view: View = VIEWS.find((v) => v.value === params.get('vue'))?.value ?? 'planning';
  const month = /^\d{4}-\d{2}$/.test(params.get('mois') ?? '')
    ? params.get('mois')!
    : day.slice(0, 7);
  const from = params.get('du') ?? day;
  const to = params.get('au') ?? addDays(day, 6);
  const vehicles = useVehicles();
  const loans = useLoans();
  const sites = useSites();
  const { spans } = useKnownSpans();
  const actions = useMobilityActions();
  const [editing, setEditing] = useState<string>();
  const [printed, setPrinted] = useState<string>();
  const keeper = user ? mayKeepFleet(user.role) : false;

  const fleet = useMemo(() => vehicles.data ?? [], [vehicles.data]);
  const loanList = useMemo(() => loans.data ?? [], [loans.data]);
  const vehiclesById = useMemo(() => new Map(fleet.map((v) => [v.id, v])), [fleet]);
  const siteName = (id: string) => sites.data?.find((s) => s.id === id)?.name;
  const youthIds = useMemo(
    () =>
      [...new Set(loanList.map((l) => l.youthId).filter((id): id is string => Boolean(id)))].sort(),
    [loanList],
  );
  const youths = useYouthsById(youthIds);
  const nameOf = (youthId: string | undefined) => {
    const youth = youthId ? youths.data?.get(youthId) : undefined;
    return youth ? fullName(youth) : 'jeune';
  };
  const late = lateLoans(loanList, clock);

  function set(changes: Record<string, string | undefined>) {
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (!value) next.delete(key);
        else next.set(key, value);
      }
      return next;
    });
  }

  const period = { startDate: from, endDate: to };
  const periodError = periodProblem(period);
  const free = periodError ? [] : availableVehicles(fleet, spans, period);
  const freshness = lastSync
    ? `dernière synchronisation ${formatSince(lastSync, fixedClock(now))}`
    : 'jamais synchronisé';
  const shownLoans = loanList
    .filter((loan) => {
      const status = loanStatus(loan, clock);
      return status !== 'rendu' && status !== 'annule';
    })
    .sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? ''));
  const printedLoan = loanList.find((l) => l.id === printed);

  return (
    <section className="mobilite" aria-labelledby="mobilite-title">
      <div className="section-header no-print">
        <h1 id="mobilite-title">Atelier Mob — véhicules et prêts</h1>
        {keeper && view === 'flotte' && (
          <button type="button" className="button-primary" onClick={() => setEditing('nouveau')}>
            Nouveau véhicule
          </button>
        )}
      </div>
      {late.length > 0 && (
        <div className="late-flag no-print" role="alert">
          <strong>
            {late.length} retour{late.length > 1 ? 's' : ''} en retard :
          </strong>{' '}
          {late
            .map(
              ({ loan, days }) =>
                `${vehiclesById.get(loan.vehicleId ?? '')?.label ?? 'véhicule'} (${nameOf(loan.youthId)}, ${days} jour${days > 1 ? 's' : ''})`,
            )
            .join(' · ')}
        </div>
      )}
      <div className="segmented no-print" role="group" aria-label="Vue">
        {VIEWS.map((v) => (
          <button
            key={v.value}
            type="button"
            aria-pressed={view === v.value}
            onClick={() => set({ vue: v.value === 'planning' ? undefined : v.value })}
          >
            {v.label}
          </button>
        ))}
      </div>
      {(vehicles.error ?? loans.error) && (
        <p role="alert">Impossible de lire les véhicules sur cet appareil.</p>
      )}

      {view === 'planning' && (
        <div className="no-print">
          <div className="date-nav">
            <button
              type="button"
              className="button-secondary"
              aria-label="Mois précédent"
              onClick={() => set({ mois: addDays(`${month}-01`, -1).slice(0, 7) })}
            >
              ‹
            </button>
            <strong className="month-title">{monthTitle(month)}</strong>
            <button
              type="button"
              className="button-secondary"
              aria-label="Mois suivant"
              onClick={() => set({ mois: addDays(`${month}-28`, 7).slice(0, 7) })}
            >
              ›
            </button>
          </div>
          <FleetCalendar
            month={month}
            vehicles={fleet}
            spans={spans}
            today={day}
            onSelect={(id) => set({ vue: 'flotte', vehicule: id })}
          />
          <p className="muted">
            D’après ce que sait cet appareil ({freshness}) : ses prêts, et le calendrier de chaque
            véhicule envoyé par le siège.
          </p>
        </div>
      )}

      {view === 'disponibles' && (
        <div className="availability no-print">
          <h2>Qui est disponible du … au … ?</h2>
          <div className="form-grid">
            <TextField
              label="Du"
              type="date"
              value={from}
              onChange={(e) => set({ du: e.target.value })}
            />
            <TextField
              label="Au (inclus)"
              type="date"
              value={to}
              onChange={(e) => set({ au: e.target.value })}
              error={periodError ? ERROR_CODES[periodError].fr : undefined}
            />
          </div>
          <p className={`freshness${online ? '' : ' is-offline'}`} role="status">
            {online ? 'En ligne' : 'Hors ligne'} — réponse d’après ce que sait cet appareil,{' '}
            {freshness}.
          </p>
          {!periodError && (
            <ul className="available-list" aria-label="Véhicules disponibles">
              {free.length === 0 && <li>Aucun véhicule n’est libre sur toute la période.</li>}
              {free.map((vehicle) => (
                <li key={vehicle.id} className="card">
                  <strong>{vehicle.label}</strong>
                  {vehicle.vehicleType
                    ? ` — ${VEHICLE_KIND_LABELS[vehicle.vehicleType]}`
                    : ''} · {siteName(vehicle.siteId) ?? 'site inconnu'} ·{' '}
                  {LICENCE_LABELS[requiredLicence(vehicle)]}
                  {vehicle.condition === 'a-reviser' ? ' · à réviser' : ''}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {view === 'prets' && (
        <div className="loan-list no-print">
          {shownLoans.length === 0 && (
            <p className="muted">Aucun prêt en cours ni à venir sur cet appareil.</p>
          )}
          {[
            ...late.map((l) => l.loan),
            ...shownLoans.filter((l) => !late.some((x) => x.loan.id === l.id)),
          ].map((loan) => (
            <LoanCard
              key={loan.id}
              loan={loan}
              vehicle={vehiclesById.get(loan.vehicleId ?? '')}
              borrower={nameOf(loan.youthId)}
              siteName={siteName(loan.siteId)}
              spans={spans}
              onUpdate={(patch) => actions.update(loan.id, patch)}
              onPrint={() => {
                setPrinted(loan.id);
                setTimeout(() => window.print(), 50);
              }}
            />
          ))}
        </div>
      )}

      {view === 'chiffres' && (
        <LoanFiguresView
          year={/^\d{4}$/.test(params.get('annee') ?? '') ? params.get('annee')! : day.slice(0, 4)}
          years={[0, 1, 2].map((back) => String(Number(day.slice(0, 4)) - back))}
          onYear={(annee) => set({ annee })}
          vehicles={fleet}
          loans={loanList}
        />
      )}

      {view === 'flotte' && (
        <div className="fleet no-print">
          {editing && keeper && (
            <VehicleForm
              key={editing}
              vehicle={vehiclesById.get(editing)}
              sites={sites.data ?? []}
              onSubmit={async (vehicle) => {
                await actions.saveVehicle(vehicle, vehiclesById.has(editing) ? editing : undefined);
                setEditing(undefined);
              }}
              onCancel={() => setEditing(undefined)}
            />
          )}
          <ul className="fleet-list" aria-label="Flotte">
            {fleet.map((vehicle) => {
              const history = loanList.filter((l) => l.vehicleId === vehicle.id);
              return (
                <li
                  key={vehicle.id}
                  className={`card${params.get('vehicule') === vehicle.id ? ' is-selected' : ''}`}
                >
                  <h2>{vehicle.label}</h2>
                  <p>
                    {vehicle.vehicleType ? VEHICLE_KIND_LABELS[vehicle.vehicleType] : ''} ·{' '}
                    {vehicle.identification ?? 'sans immatriculation'} · gardé à{' '}
                    {siteName(vehicle.siteId) ?? '—'} · {LICENCE_LABELS[requiredLicence(vehicle)]}
                  </p>
                  <p className="muted">
                    {vehicle.available === false ? 'Hors service' : 'En service'}
                    {vehicle.condition ? ` · ${CONDITION_LABELS[vehicle.condition]}` : ''}
                    {vehicle.conditionNote ? ` : ${vehicle.conditionNote}` : ''}
                  </p>
                  {(vehicle.unavailability ?? []).length > 0 && (
                    <p>
                      Indisponible :{' '}
                      {(vehicle.unavailability ?? [])
                        .map(
                          (u) =>
                            `du ${formatDayShort(u.startDate)} au ${formatDayShort(u.endDate)}${u.note ? ` (${u.note})` : ''}`,
                        )
                        .join(', ')}
                    </p>
                  )}
                  <details>
                    <summary>Historique des prêts ({history.length} sur cet appareil)</summary>
                    <ul>
                      {history.map((loan) => (
                        <li key={loan.id}>
                          {formatDayShort(loan.startDate ?? '')} –{' '}
                          {formatDayShort(loan.endDate ?? '')} · {nameOf(loan.youthId)}
                        </li>
                      ))}
                    </ul>
                  </details>
                  {keeper && (
                    <button
                      type="button"
                      className="button-secondary"
                      onClick={() => setEditing(vehicle.id)}
                    >
                      Modifier
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {printedLoan && (
        <LoanContract
          loan={printedLoan}
          vehicle={vehiclesById.get(printedLoan.vehicleId ?? '')}
          youth={printedLoan.youthId ? youths.data?.get(printedLoan.youthId) : undefined}
          siteName={siteName(printedLoan.siteId)}
          adviserName={undefined}
        />
      )}
    </section>
  );
}
