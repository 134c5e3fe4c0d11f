/**
 * The planning form's values as typed (strings), their French validation and the sessions they
 * make: one, or a weekly series on the weekday of the first date (src/domain/rules/workshops.ts
 * gives the dates). The shared rule of a session (sessionProblem) has the last word, so the form
 * refuses exactly what the server refuses, in the same words.
 */
import { ERROR_CODES } from '../../domain/errors';
import { newId } from '../../domain/ids';
import {
  DEFAULT_SESSION_CAPACITY,
  DEFAULT_SESSION_MINUTES,
  MAX_SERIES_SESSIONS,
  minutesBetween,
  seriesStarts,
  sessionProblem,
  shiftedDeadline,
} from '../../domain/rules/workshops';
import type { Workshop } from '../../domain/schemas/workshop';
import {
  addMinutesToDateTime,
  minutesOfDay,
  nowLocal,
  parseDay,
  timeOf,
  weekdayOf,
  type Clock,
} from '../../domain/time';
import type { NewDocument } from '../../db/writes';

export interface SessionDraft {
  actionId: string;
  siteId: string;
  place: string;
  /** `YYYY-MM-DD`: the session's day, or the first of a series. */
  day: string;
  startTime: string;
  endTime: string;
  capacity: string;
  /** `YYYY-MM-DD`, optional. */
  signUpDeadline: string;
  facilitatorId: string;
  coFacilitatorId: string;
  /** Repeat every week on the same weekday. */
  series: boolean;
  /** Number of sessions of the series. */
  count: string;
}

export type SessionDraftErrors = Partial<Record<keyof SessionDraft, string>>;

type Action = Pick<
  Workshop,
  'id' | 'title' | 'theme' | 'actionKind' | 'defaultDurationMinutes' | 'defaultCapacity'
>;

export function emptySessionDraft(overrides: Partial<SessionDraft> = {}): SessionDraft {
  return {
    actionId: '',
    siteId: '',
    place: '',
    day: '',
    startTime: '14:00',
    endTime: '16:00',
    capacity: String(DEFAULT_SESSION_CAPACITY),
    signUpDeadline: '',
    facilitatorId: '',
    coFacilitatorId: '',
    series: false,
    count: '6',
    ...overrides,
  };
}

/** The draft once an action is chosen: its default duration and capacity fill the form. */
export function withAction(draft: SessionDraft, action: Action | undefined): SessionDraft {
  if (!action) return { ...draft, actionId: '' };
  const minutes = action.defaultDurationMinutes ?? DEFAULT_SESSION_MINUTES;
  const start = minutesOfDay(draft.startTime);
  return {
    ...draft,
    actionId: action.id,
    capacity: String(action.defaultCapacity ?? DEFAULT_SESSION_CAPACITY),
    endTime:
      start === undefined
        ? draft.endTime
        : timeOf(addMinutesToDateTime(`2000-01-01T${draft.startTime}`, minutes)),
  };
}

const FIELD_OF_PROBLEM = {
  SESSION_END_BEFORE_START: 'endTime',
  SESSION_CAPACITY_INVALID: 'capacity',
  SESSION_DEADLINE_AFTER_START: 'signUpDeadline',
  SESSION_INCOMPLETE: 'siteId',
} as const satisfies Record<string, keyof SessionDraft>;

export function validateSessionDraft(draft: SessionDraft, clock: Clock): SessionDraftErrors {
  const errors: SessionDraftErrors = {};
  if (!draft.actionId) errors.actionId = 'Choisissez l’action du catalogue.';
  if (!draft.siteId) errors.siteId = 'Choisissez le site qui organise la session.';
  if (!draft.facilitatorId) errors.facilitatorId = 'Choisissez l’animateur·rice.';
  if (!draft.day) errors.day = 'Indiquez la date.';
  else if (!parseDay(draft.day)) errors.day = 'Cette date n’existe pas.';
  if (minutesOfDay(draft.startTime) === undefined)
    errors.startTime = 'Indiquez l’heure de début, par exemple 14:00.';
  if (minutesOfDay(draft.endTime) === undefined)
    errors.endTime = 'Indiquez l’heure de fin, par exemple 16:00.';
  if (draft.signUpDeadline && !parseDay(draft.signUpDeadline))
    errors.signUpDeadline = 'Cette date n’existe pas.';
  if (draft.place.length > 200) errors.place = 'Le lieu tient en 200 caractères.';
  const count = Number(draft.count);
  if (draft.series && (!Number.isInteger(count) || count < 2 || count > MAX_SERIES_SESSIONS))
    errors.count = `Une série compte de 2 à ${MAX_SERIES_SESSIONS} séances.`;
  if (errors.day || errors.startTime || errors.endTime || errors.signUpDeadline) return errors;

  // Every problem is said at once: the shared rule checks what the fields above let through.
  const start = `${draft.day}T${draft.startTime}`;
  if (!draft.series && start <= nowLocal(clock))
    errors.day = 'Cette date est passée : une session se planifie à l’avance.';
  // A missing action or site is said above; the rule judges the times, places and deadline.
  const problem = sessionProblem(
    {
      ...fieldsOf(draft),
      siteId: draft.siteId || 'unset',
      start,
      actionId: draft.actionId || 'unset',
    },
    { requireAction: true },
  );
  if (problem) {
    const field = FIELD_OF_PROBLEM[problem as keyof typeof FIELD_OF_PROBLEM] ?? 'day';
    errors[field] ??= ERROR_CODES[problem].fr;
  }
  return errors;
}

function fieldsOf(draft: SessionDraft) {
  return {
    siteId: draft.siteId,
    durationMinutes: minutesBetween(draft.startTime, draft.endTime),
    capacity: Number(draft.capacity),
    ...(draft.signUpDeadline ? { signUpDeadline: draft.signUpDeadline } : {}),
  };
}

/** The sessions a valid draft plans: one, or the series (sharing a `seriesId`). */
export function sessionsOf(
  draft: SessionDraft,
  action: Action,
  clock: Clock,
): NewDocument<'workshops'>[] {
  const first = `${draft.day}T${draft.startTime}`;
  const starts = draft.series
    ? seriesStarts(
        {
          from: draft.day,
          weekday: weekdayOf(draft.day),
          time: draft.startTime,
          count: Number(draft.count),
        },
        clock,
      )
    : [first];
  const seriesId = draft.series ? newId() : undefined;
  const fields = fieldsOf(draft);
  return starts.map((start) => ({
    kind: action.actionKind ?? 'atelier',
    actionId: action.id,
    title: action.title,
    ...(action.theme ? { theme: action.theme } : {}),
    ...fields,
    ...(draft.signUpDeadline
      ? { signUpDeadline: shiftedDeadline(first, draft.signUpDeadline, start) }
      : {}),
    start,
    ...(draft.place.trim() ? { place: draft.place.trim() } : {}),
    facilitatorId: draft.facilitatorId,
    ...(draft.coFacilitatorId ? { coFacilitatorIds: [draft.coFacilitatorId] } : {}),
    ...(seriesId ? { seriesId } : {}),
  }));
}
