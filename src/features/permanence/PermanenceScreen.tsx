/**
 * "Ma permanence aujourd'hui": for the chosen site and day, the rendez-vous with a summary of
 * each dossier, the actions of the day, walk-ins added on the spot, and a printable day sheet.
 * Everything is read from the device: prepared by a sync at the siège, it works offline.
 */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'wouter';
import { walkInStart } from '../../domain/rules/appointments';
import { formatOpenings, openingsOn } from '../../domain/rules/schedule';
import type { Site } from '../../domain/schemas/site';
import { formatDayFull, formatSince, parseDay, today, type Clock } from '../../domain/time';
import { useAppStore } from '../../stores/store';
import type { SessionUser } from '../../sync/api';
import { SelectField, TextField } from '../../ui/Field';
import { useAppointmentActions } from '../agenda/useAppointmentActions';
import { youthName } from '../agenda/useAppointments';
import { advisersOf, useSites, useStaff } from '../shared/useDirectory';
import { PermanenceCard } from './PermanenceCard';
import { PrintDaySheet } from './PrintDaySheet';
import { usePermanenceDay } from './usePermanenceDay';
import { WalkInForm } from './WalkInForm';
import '../agenda/agenda.css';
import './permanence.css';
import './print.css';
import { useClock } from '../../app/clock-context';
import { counted } from '../../domain/plural';
import { DOWNLOADING_TEXT, useDownloading } from '../../ui/useFirstDownload';

/** The site to open by default: one of the user's permanences that opens that day, if any. */
export function defaultSite(sites: readonly Site[], user: SessionUser | null, day: string) {
  const mine = sites.filter((s) => user?.siteIds.includes(s.id) && s.active !== false);
  const pool = mine.length > 0 ? mine : sites;
  const openToday = pool.filter((s) => openingsOn(s, day).intervals.length > 0);
  return (
    openToday.find((s) => s.kind !== 'siege') ??
    openToday[0] ??
    pool.find((s) => s.kind !== 'siege') ??
    pool[0]
  );
}

function FreshnessLine({ clock }: { clock: Clock }) {
  const sync = useAppStore((s) => s.sync);
  return (
    <p className={`freshness no-print${sync.online ? '' : ' is-offline'}`} role="status">
      {sync.online
        ? 'En ligne : les changements partent au fil de l’eau.'
        : 'Hors ligne : vous travaillez sur les données de cet appareil ; tout partira au retour du réseau.'}{' '}
      {sync.lastSuccessAt
        ? `Dernière synchronisation ${formatSince(sync.lastSuccessAt, clock)}.`
        : ''}
      {sync.pending > 0 && ` ${counted(sync.pending, 'modification')} en attente d’envoi.`}
    </p>
  );
}

export function PermanenceScreen() {
  const clock = useClock();
  const user = useAppStore((s) => s.user);
  const [params, setParams] = useSearchParams();
  const day = parseDay(params.get('date') ?? '') ? params.get('date')! : today(clock);
  const sites = useSites();
  const staff = useStaff();
  const siteList = useMemo(() => sites.data ?? [], [sites.data]);
  const staffList = useMemo(() => staff.data ?? [], [staff.data]);
  const site =
    siteList.find((s) => s.id === params.get('site')) ?? defaultSite(siteList, user, day);
  const permanence = usePermanenceDay(site?.id, day, clock);
  const actions = useAppointmentActions();
  const [walkInOpen, setWalkInOpen] = useState(false);
  // The day and each dossier's summary read every kind of activity.
  const downloading = useDownloading('appointments', 'youths', 'events', 'pathway');
  const [justAdded, setJustAdded] = useState<string | null>(null);

  const isToday = day === today(clock);
  const data = permanence.data;
  const nameOf = (id: string) => youthName(data?.youths ?? new Map(), id);
  const openings = site ? openingsOn(site, day) : undefined;
  const title = isToday ? "Ma permanence aujourd'hui" : `Permanence du ${formatDayFull(day)}`;

  function set(key: string, value: string) {
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  }

  async function addWalkIn(walkIn: { youthId: string; subject: string; durationMinutes: number }) {
    if (!site) return;
    const staffId =
      user?.role === 'conseiller' ? user.id : (advisersOf(staffList, site.id)[0]?.id ?? user!.id);
    const booked = await actions.book({
      youthId: walkIn.youthId,
      siteId: site.id,
      staffId,
      start: walkInStart(clock),
      durationMinutes: walkIn.durationMinutes,
      status: 'planifie',
      walkIn: true,
      ...(walkIn.subject ? { subject: walkIn.subject } : {}),
    });
    setJustAdded(booked.id);
    setWalkInOpen(false);
  }

  return (
    <section className="permanence-screen" aria-labelledby="permanence-title">
      <div className="section-header no-print">
        <h1 id="permanence-title">{title}</h1>
        <div className="form-actions">
          <button
            type="button"
            className="button-primary"
            disabled={!isToday || !site}
            onClick={() => setWalkInOpen(true)}
            title={isToday ? undefined : "Les visites sans rendez-vous s'ajoutent le jour même."}
          >
            Accueillir sans rendez-vous
          </button>
          <button type="button" className="button-secondary" onClick={() => window.print()}>
            Imprimer la feuille du jour
          </button>
        </div>
      </div>
      <div className="permanence-toolbar no-print">
        <SelectField
          label="Permanence"
          value={site?.id ?? ''}
          options={siteList.map((s) => ({ value: s.id, label: s.name }))}
          onChange={(e) => set('site', e.target.value)}
        />
        <TextField
          label="Jour"
          type="date"
          value={day}
          onChange={(e) => parseDay(e.target.value) && set('date', e.target.value)}
        />
      </div>
      {site && openings && (
        <p
          className={`opening-line no-print${openings.intervals.length === 0 ? ' is-closed' : ''}`}
        >
          {openings.intervals.length > 0
            ? `${site.name} : ouvert ${formatOpenings(openings.intervals)}`
            : `${site.name} : fermé ce jour`}
          {openings.exceptions
            .map((e) => e.note)
            .filter(Boolean)
            .map((note) => ` (${note})`)}
          {site.address && <span className="muted"> · {site.address}</span>}
        </p>
      )}
      <FreshnessLine clock={clock} />
      {walkInOpen && <WalkInForm onSubmit={addWalkIn} onCancel={() => setWalkInOpen(false)} />}
      {permanence.error && (
        <p role="alert">Impossible de lire la journée : {permanence.error.message}</p>
      )}
      {!site && !sites.isLoading && (
        <p>Aucun site sur cet appareil pour l&apos;instant : ils arrivent à la synchronisation.</p>
      )}
      {data && (
        <>
          <p className="day-count no-print" aria-live="polite">
            {data.appointments.length === 0
              ? downloading
                ? `Aucun rendez-vous reçu pour l’instant (${DOWNLOADING_TEXT}).`
                : 'Aucun rendez-vous ce jour-là.'
              : `${data.appointments.length} rendez-vous${downloading ? ` (${DOWNLOADING_TEXT} : résumés des dossiers incomplets)` : ''}`}
          </p>
          <div className="permanence-list no-print">
            {data.appointments.map((appointment) => (
              <PermanenceCard
                key={appointment.id}
                appointment={appointment}
                youth={data.youths.get(appointment.youthId)}
                summary={data.summaries.get(appointment.youthId)}
                sites={siteList}
                staff={staffList}
                actions={actions}
                clock={clock}
                nameOf={nameOf}
                openAs={appointment.id === justAdded ? 'outcome' : undefined}
              />
            ))}
          </div>
          {site && (
            <PrintDaySheet site={site} day={day} data={data} staff={staffList} clock={clock} />
          )}
        </>
      )}
    </section>
  );
}
