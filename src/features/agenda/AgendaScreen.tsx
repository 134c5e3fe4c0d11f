/**
 * The agenda: rendez-vous by day or by week, for a site and/or an adviser, with the chosen
 * rendez-vous opened beside. What is shown lives in the address (view, date, site, adviser,
 * rendez-vous), so the back button and a shared link give the same screen.
 */
import { useMemo } from 'react';
import { useSearchParams } from 'wouter';
import {
  addDays,
  formatWeekRange,
  isoWeekOf,
  parseDay,
  startOfWeek,
  today,
} from '../../domain/time';
import { useAppStore } from '../../stores/store';
import { SelectField, TextField } from '../../ui/Field';
import { emptyDraft } from './appointment-draft';
import { AppointmentForm } from './AppointmentForm';
import { AppointmentPanel } from './AppointmentPanel';
import { DayView } from './DayView';
import { useAgendaAppointments, youthName } from './useAppointments';
import { useAppointmentActions } from './useAppointmentActions';
import { advisersOf, useSites, useStaff } from '../shared/useDirectory';
import { WeekView } from './WeekView';
import './agenda.css';
import { useClock } from '../../app/clock-context';
import { DOWNLOADING_TEXT, useDownloading } from '../../ui/useFirstDownload';

const ALL = 'tous';

export function AgendaScreen() {
  const clock = useClock();
  const user = useAppStore((s) => s.user);
  const [params, setParams] = useSearchParams();
  const view = params.get('vue') === 'jour' ? 'jour' : 'semaine';
  const date = parseDay(params.get('date') ?? '') ? params.get('date')! : today(clock);
  const siteId = params.get('site') ?? '';
  const staffParam = params.get('conseiller') ?? (user?.role === 'conseiller' ? user.id : ALL);
  const staffId = staffParam === ALL ? '' : staffParam;
  const selectedId = params.get('rdv') ?? undefined;
  const creating = params.get('nouveau') === '1';

  const from = view === 'jour' ? date : startOfWeek(date);
  const agenda = useAgendaAppointments({
    from,
    days: view === 'jour' ? 1 : 7,
    siteId: siteId || undefined,
    staffId: staffId || undefined,
  });
  const sites = useSites();
  const staff = useStaff();
  const actions = useAppointmentActions();
  const downloading = useDownloading('appointments', 'youths');

  const siteList = useMemo(() => sites.data ?? [], [sites.data]);
  const staffList = useMemo(() => staff.data ?? [], [staff.data]);
  const sitesById = useMemo(() => new Map(siteList.map((s) => [s.id, s])), [siteList]);
  const staffById = useMemo(() => new Map(staffList.map((s) => [s.id, s])), [staffList]);
  const youths = agenda.data?.youths ?? new Map();
  const appointments = agenda.data?.appointments ?? [];
  const selected = appointments.find((a) => a.id === selectedId);
  const nameOf = (youthId: string) => youthName(youths, youthId);

  function set(changes: Record<string, string | undefined>) {
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, value);
      }
      return next;
    });
  }

  const step = view === 'jour' ? 1 : 7;
  const heading = `Semaine ${isoWeekOf(from)}, ${formatWeekRange(from)}`;
  const adviserOptions = advisersOf(staffList, siteId || undefined).map((s) => ({
    value: s.id,
    label: s.name,
  }));

  return (
    <section className="agenda" aria-labelledby="agenda-title">
      <div className="section-header">
        <h1 id="agenda-title">Agenda</h1>
        <button
          type="button"
          className="button-primary"
          onClick={() => set({ nouveau: '1', rdv: undefined })}
        >
          Nouveau rendez-vous
        </button>
      </div>
      <div className="agenda-toolbar" role="group" aria-label="Affichage de l'agenda">
        <div className="segmented" role="group" aria-label="Vue">
          <button type="button" aria-pressed={view === 'jour'} onClick={() => set({ vue: 'jour' })}>
            Jour
          </button>
          <button
            type="button"
            aria-pressed={view === 'semaine'}
            onClick={() => set({ vue: undefined })}
          >
            Semaine
          </button>
        </div>
        <div className="date-nav">
          <button
            type="button"
            className="button-secondary"
            onClick={() => set({ date: addDays(date, -step) })}
            aria-label={view === 'jour' ? 'Jour précédent' : 'Semaine précédente'}
          >
            ‹
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => set({ date: undefined })}
          >
            Aujourd&apos;hui
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => set({ date: addDays(date, step) })}
            aria-label={view === 'jour' ? 'Jour suivant' : 'Semaine suivante'}
          >
            ›
          </button>
        </div>
        <TextField
          label="Date"
          type="date"
          value={date}
          onChange={(e) => parseDay(e.target.value) && set({ date: e.target.value })}
        />
        <SelectField
          label="Site"
          value={siteId}
          placeholder="Tous les sites"
          options={siteList.map((s) => ({ value: s.id, label: s.name }))}
          onChange={(e) => set({ site: e.target.value })}
        />
        <SelectField
          label="Conseiller·ère"
          value={staffParam}
          options={[{ value: ALL, label: 'Tous' }, ...adviserOptions]}
          onChange={(e) => set({ conseiller: e.target.value })}
        />
      </div>
      <p className="agenda-heading" aria-live="polite">
        {view === 'semaine' && <strong>{heading} · </strong>}
        <span className="muted">
          {agenda.isLoading
            ? 'chargement…'
            : `${appointments.length} rendez-vous${downloading ? ` (${DOWNLOADING_TEXT})` : ''}`}
        </span>
      </p>
      {agenda.error && (
        <p role="alert">Impossible de lire l&apos;agenda : {agenda.error.message}</p>
      )}
      <div className={`agenda-body${selected || creating ? ' has-panel' : ''}`}>
        <div className="agenda-main">
          {view === 'jour' ? (
            <DayView
              day={date}
              appointments={appointments}
              youths={youths}
              sites={sitesById}
              staff={staffById}
              site={sitesById.get(siteId)}
              selectedId={selectedId}
              clock={clock}
              onSelect={(id) => set({ rdv: id, nouveau: undefined })}
            />
          ) : (
            <WeekView
              weekStart={from}
              appointments={appointments}
              youths={youths}
              sites={sitesById}
              staff={staffById}
              site={sitesById.get(siteId)}
              selectedId={selectedId}
              clock={clock}
              onSelect={(id) => set({ rdv: id, nouveau: undefined })}
              onOpenDay={(day) => set({ vue: 'jour', date: day })}
            />
          )}
        </div>
        {creating && (
          <aside className="agenda-panel" aria-label="Nouveau rendez-vous">
            <AppointmentForm
              title="Nouveau rendez-vous"
              initial={emptyDraft({
                siteId: siteId || user?.siteIds[0] || '',
                staffId: staffId || (user?.role === 'conseiller' ? user.id : ''),
                day: date,
              })}
              sites={siteList}
              staff={staffList}
              check={actions.check}
              nameOf={nameOf}
              onCancel={() => set({ nouveau: undefined })}
              onSubmit={async (slot) => {
                const booked = await actions.book({ ...slot, status: 'planifie' });
                set({ nouveau: undefined, rdv: booked.id, date: slot.start.slice(0, 10) });
              }}
            />
          </aside>
        )}
        {selected && !creating && (
          <aside className="agenda-panel" aria-label="Rendez-vous choisi">
            <AppointmentPanel
              key={selected.id}
              appointment={selected}
              youthName={nameOf(selected.youthId)}
              sites={siteList}
              staff={staffList}
              actions={actions}
              nameOf={nameOf}
              onClose={() => set({ rdv: undefined })}
            />
          </aside>
        )}
      </div>
    </section>
  );
}
