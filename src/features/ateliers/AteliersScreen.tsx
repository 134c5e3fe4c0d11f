/**
 * Ateliers et actions collectives (issue 15, items 1 and 2): the week of sessions site by site,
 * « mes sessions », and the catalogue of actions; planning a session or a series, cancelling
 * one. Read from and written to the device, so it works with the network cut. What is shown
 * lives in the address (vue, date, site, session, form).
 */
import { useMemo } from 'react';
import { useSearchParams } from 'wouter';
import { useClock } from '../../app/clock-context';
import {
  addDays,
  formatWeekRange,
  isoWeekOf,
  parseDay,
  startOfWeek,
  today,
} from '../../domain/time';
import { mayKeepCatalogue } from '../../domain/rules/workshops';
import { useAppStore } from '../../stores/store';
import { SelectField, TextField } from '../../ui/Field';
import { useSites, useStaff } from '../shared/useDirectory';
import { actionDraftFrom, emptyActionDraft } from './action-draft';
import { ActionForm } from './ActionForm';
import { Catalogue } from './Catalogue';
import { MySessions } from './MySessions';
import { PresenceView } from './PresenceView';
import { emptySessionDraft } from './session-draft';
import { SessionForm } from './SessionForm';
import { SessionPanel } from './SessionPanel';
import { SessionWeek } from './SessionWeek';
import { useActions, useSessions, useWorkshopActions } from './useWorkshops';
import '../agenda/agenda.css';
import './ateliers.css';

/** « Mes sessions » looks this many days ahead. */
const MY_SESSIONS_DAYS = 56;

type View = 'semaine' | 'mes-sessions' | 'catalogue' | 'presence';
const VIEWS: { value: View; label: string }[] = [
  { value: 'semaine', label: 'Semaine' },
  { value: 'mes-sessions', label: 'Mes sessions' },
  { value: 'catalogue', label: 'Catalogue' },
  { value: 'presence', label: 'Présence' },
];

export function AteliersScreen() {
  const clock = useClock();
  const user = useAppStore((s) => s.user);
  const [params, setParams] = useSearchParams();
  const view: View = VIEWS.find((v) => v.value === params.get('vue'))?.value ?? 'semaine';
  const date = parseDay(params.get('date') ?? '') ? params.get('date')! : today(clock);
  const siteId = params.get('site') ?? '';
  const selectedId = params.get('session') ?? undefined;
  const form = params.get('form') ?? '';

  const weekStart = startOfWeek(date);
  const mine = view === 'mes-sessions';
  const sessions = useSessions(mine ? today(clock) : weekStart, mine ? MY_SESSIONS_DAYS : 7);
  const actions = useActions();
  const sites = useSites();
  const staff = useStaff();
  const writes = useWorkshopActions();

  const siteList = useMemo(() => sites.data ?? [], [sites.data]);
  const sitesById = useMemo(() => new Map(siteList.map((s) => [s.id, s])), [siteList]);
  const staffById = useMemo(() => new Map((staff.data ?? []).map((s) => [s.id, s])), [staff.data]);
  const actionList = actions.data ?? [];
  const sessionList = sessions.data ?? [];
  const selected = sessionList.find((s) => s.id === selectedId);
  const canKeepCatalogue = user ? mayKeepCatalogue(user.role) : false;
  const editedAction = actionList.find((a) => a.id === form.replace(/^action:/, ''));

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

  const shownSessions = siteId ? sessionList.filter((s) => s.siteId === siteId) : sessionList;
  const panelOpen = Boolean(form || selected);

  return (
    <section className="ateliers" aria-labelledby="ateliers-title">
      <div className="section-header">
        <h1 id="ateliers-title">Ateliers et actions collectives</h1>
        <div className="header-actions">
          {view === 'catalogue' && canKeepCatalogue && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => set({ form: 'action', session: undefined })}
            >
              Nouvelle action
            </button>
          )}
          <button
            type="button"
            className="button-primary"
            onClick={() => set({ form: 'session', session: undefined })}
          >
            Planifier une session
          </button>
        </div>
      </div>
      <div className="agenda-toolbar" role="group" aria-label="Affichage des ateliers">
        <div className="segmented" role="group" aria-label="Vue">
          {VIEWS.map((v) => (
            <button
              key={v.value}
              type="button"
              aria-pressed={view === v.value}
              onClick={() => set({ vue: v.value === 'semaine' ? undefined : v.value })}
            >
              {v.label}
            </button>
          ))}
        </div>
        {view === 'semaine' && (
          <>
            <div className="date-nav">
              <button
                type="button"
                className="button-secondary"
                aria-label="Semaine précédente"
                onClick={() => set({ date: addDays(date, -7) })}
              >
                ‹
              </button>
              <button
                type="button"
                className="button-secondary"
                onClick={() => set({ date: undefined })}
              >
                Cette semaine
              </button>
              <button
                type="button"
                className="button-secondary"
                aria-label="Semaine suivante"
                onClick={() => set({ date: addDays(date, 7) })}
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
          </>
        )}
      </div>
      {view === 'semaine' && (
        <p className="agenda-heading" aria-live="polite">
          <strong>
            Semaine {isoWeekOf(weekStart)}, {formatWeekRange(weekStart)}
          </strong>{' '}
          <span className="muted">
            · {sessions.isLoading ? 'chargement…' : `${shownSessions.length} session(s)`}
          </span>
        </p>
      )}
      {(sessions.error ?? actions.error) && (
        <p role="alert">Impossible de lire les ateliers sur cet appareil.</p>
      )}
      <div className={`agenda-body${panelOpen ? ' has-panel' : ''}`}>
        <div className="agenda-main">
          {view === 'semaine' && (
            <SessionWeek
              weekStart={weekStart}
              sessions={shownSessions}
              sites={siteList}
              siteId={siteId || undefined}
              selectedId={selectedId}
              clock={clock}
              onSelect={(id) => set({ session: id, form: undefined })}
            />
          )}
          {view === 'mes-sessions' && user && (
            <MySessions
              sessions={sessionList}
              staffId={user.id}
              sites={sitesById}
              selectedId={selectedId}
              clock={clock}
              onSelect={(id) => set({ session: id, form: undefined })}
            />
          )}
          {view === 'presence' && (
            <PresenceView clock={clock} actions={actionList} sites={sitesById} />
          )}
          {view === 'catalogue' && (
            <Catalogue
              actions={actionList}
              canEdit={canKeepCatalogue}
              onEdit={(id) => set({ form: `action:${id}`, session: undefined })}
            />
          )}
        </div>
        {panelOpen && (
          <aside
            className="agenda-panel"
            aria-label={form === 'session' ? 'Planifier une session' : 'Détail'}
          >
            {form === 'session' && (
              <SessionForm
                initial={emptySessionDraft({
                  siteId: siteId || user?.siteIds[0] || '',
                  facilitatorId: user?.role === 'conseiller' ? user.id : '',
                })}
                actions={actionList}
                sites={siteList}
                staff={staff.data ?? []}
                clock={clock}
                onSubmit={async (planned) => {
                  await writes.planSessions(planned);
                  set({ form: undefined, date: planned[0]?.start?.slice(0, 10) });
                }}
                onCancel={() => set({ form: undefined })}
              />
            )}
            {form.startsWith('action') && canKeepCatalogue && (
              <ActionForm
                key={form}
                title={editedAction ? 'Modifier l’action' : 'Nouvelle action'}
                initial={editedAction ? actionDraftFrom(editedAction) : emptyActionDraft()}
                onSubmit={async (action) => {
                  await writes.saveAction(action, editedAction?.id);
                  set({ form: undefined });
                }}
                onCancel={() => set({ form: undefined })}
              />
            )}
            {!form && selected && (
              <SessionPanel
                key={selected.id}
                session={selected}
                action={actionList.find((a) => a.id === selected.actionId)}
                sites={sitesById}
                staff={staffById}
                clock={clock}
                onCancelSession={(reason) => writes.cancelSession(selected.id, reason)}
                onClose={() => set({ session: undefined })}
              />
            )}
          </aside>
        )}
      </div>
    </section>
  );
}
