/**
 * The event form's values as typed, their defaults (now, the dossier's site, the usual duration
 * of the kind) and their conversion to an `events` document, with French validation messages.
 * A correction starts from the corrected event and names it in `supersedes`.
 */
import type { NewDocument } from '../../../db/writes';
import { DEFAULT_EVENT_MINUTES } from '../../../domain/rules/cej';
import type { EventKind, YouthEvent } from '../../../domain/schemas/event';
import { eventDateProblem } from '../../../domain/rules/happened';
import { parseDay, toDay, toLocalDateTime, type Clock } from '../../../domain/time';

export const EXTERIEUR = 'exterieur';

export interface EventFormValues {
  kind: EventKind;
  date: string;
  time: string;
  /** A site id, or EXTERIEUR. */
  place: string;
  duration: string;
  themes: string[];
  report: string;
  channel: string;
  followUpOn: string;
}

export type EventField = keyof EventFormValues;
export type EventErrors = Partial<Record<EventField, string>>;

/** A new event of `kind`, now, at the dossier's site, for the usual duration of its kind. */
export function newEventForm(kind: EventKind, siteId: string, clock: Clock): EventFormValues {
  const now = clock.now();
  const minutes = now.getMinutes() - (now.getMinutes() % 5);
  now.setMinutes(minutes, 0, 0);
  return {
    kind,
    date: toDay(now),
    time: toLocalDateTime(now).slice(11, 16),
    place: siteId || EXTERIEUR,
    duration: DEFAULT_EVENT_MINUTES[kind] ? String(DEFAULT_EVENT_MINUTES[kind]) : '',
    themes: [],
    report: '',
    channel: kind === 'relance' ? 'telephone' : '',
    followUpOn: '',
  };
}

/** The form of a correction: the corrected event's values, to be changed. */
export function correctionForm(event: YouthEvent): EventFormValues {
  return {
    kind: event.kind,
    date: event.at.slice(0, 10),
    time: event.at.slice(11, 16),
    place: event.placeSiteId ?? EXTERIEUR,
    duration: event.durationMinutes === undefined ? '' : String(event.durationMinutes),
    themes: [...(event.themes ?? [])],
    report: event.report ?? '',
    channel: event.channel ?? '',
    followUpOn: event.followUpOn ?? '',
  };
}

export function validateEventForm(values: EventFormValues, clock: Clock): EventErrors {
  const errors: EventErrors = {};
  if (!parseDay(values.date)) errors.date = "Indiquez la date de l'événement.";
  else if (eventDateProblem({ at: `${values.date}T00:00` }, clock))
    errors.date = "Un événement se note une fois qu'il a eu lieu : la date est dans le futur.";
  if (!/^\d{2}:\d{2}$/.test(values.time)) errors.time = "Indiquez l'heure (hh:mm).";
  if (values.duration.trim()) {
    const minutes = Number(values.duration);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 600)
      errors.duration = 'Indiquez une durée en minutes, entre 1 et 600.';
  } else if (values.kind !== 'relance') {
    errors.duration = 'Indiquez la durée en minutes.';
  }
  if (values.kind === 'relance' && !values.channel)
    errors.channel = 'Indiquez par quel moyen le jeune a été relancé.';
  if (values.followUpOn && !parseDay(values.followUpOn))
    errors.followUpOn = "La date de relance n'est pas valide.";
  if (values.report.length > 20000) errors.report = '20 000 caractères au maximum.';
  return errors;
}

export function eventFrom(
  values: EventFormValues,
  context: { youthId: string; authorId: string; supersedes?: string },
): NewDocument<'events'> {
  const event: NewDocument<'events'> = {
    youthId: context.youthId,
    kind: values.kind,
    at: `${values.date}T${values.time}`,
    authorId: context.authorId,
    themes: values.themes as NonNullable<YouthEvent['themes']>,
  };
  if (values.place !== EXTERIEUR) event.placeSiteId = values.place;
  if (values.duration.trim()) event.durationMinutes = Number(values.duration);
  if (values.report.trim()) event.report = values.report.trim();
  if (values.kind === 'relance' && values.channel)
    event.channel = values.channel as NonNullable<YouthEvent['channel']>;
  if (values.followUpOn) event.followUpOn = values.followUpOn;
  if (context.supersedes) event.supersedes = context.supersedes;
  return event;
}
