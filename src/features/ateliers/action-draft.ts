/**
 * The catalogue form's values as typed, their French validation and the catalogue entry they
 * make. The shared rule (actionProblem) has the last word, as on the server.
 */
import { ERROR_CODES } from '../../domain/errors';
import {
  actionProblem,
  DEFAULT_SESSION_CAPACITY,
  DEFAULT_SESSION_MINUTES,
  isActionKind,
  isActionTheme,
  MAX_CAPACITY,
} from '../../domain/rules/workshops';
import type { Workshop } from '../../domain/schemas/workshop';
import type { NewDocument } from '../../db/writes';

export interface ActionDraft {
  title: string;
  theme: string;
  actionKind: string;
  partner: string;
  defaultDurationMinutes: string;
  defaultCapacity: string;
}

export type ActionDraftErrors = Partial<Record<keyof ActionDraft, string>>;

export function emptyActionDraft(): ActionDraft {
  return {
    title: '',
    theme: '',
    actionKind: 'atelier',
    partner: '',
    defaultDurationMinutes: String(DEFAULT_SESSION_MINUTES),
    defaultCapacity: String(DEFAULT_SESSION_CAPACITY),
  };
}

export function actionDraftFrom(action: Workshop): ActionDraft {
  return {
    title: action.title,
    theme: action.theme ?? '',
    actionKind: action.actionKind ?? 'atelier',
    partner: action.partner ?? '',
    defaultDurationMinutes: String(action.defaultDurationMinutes ?? DEFAULT_SESSION_MINUTES),
    defaultCapacity: String(action.defaultCapacity ?? DEFAULT_SESSION_CAPACITY),
  };
}

export function validateActionDraft(draft: ActionDraft): ActionDraftErrors {
  const errors: ActionDraftErrors = {};
  if (!draft.title.trim()) errors.title = 'Indiquez le titre de l’action.';
  else if (draft.title.length > 200) errors.title = 'Le titre tient en 200 caractères.';
  if (!isActionTheme(draft.theme)) errors.theme = 'Choisissez le thème.';
  if (!isActionKind(draft.actionKind)) errors.actionKind = 'Choisissez le type d’action.';
  if (draft.partner.length > 200) errors.partner = 'Le partenaire tient en 200 caractères.';
  const minutes = Number(draft.defaultDurationMinutes);
  if (!Number.isInteger(minutes) || minutes < 15 || minutes > 8 * 60)
    errors.defaultDurationMinutes = 'La durée va de 15 minutes à 8 heures.';
  const capacity = Number(draft.defaultCapacity);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY)
    errors.defaultCapacity = ERROR_CODES.SESSION_CAPACITY_INVALID.fr;
  if (Object.keys(errors).length > 0) return errors;
  const problem = actionProblem(actionOf(draft));
  return problem ? { title: ERROR_CODES[problem].fr } : {};
}

/** The catalogue entry of a valid draft. */
export function actionOf(draft: ActionDraft): NewDocument<'workshops'> {
  return {
    kind: 'action',
    title: draft.title.trim(),
    theme: draft.theme,
    actionKind: draft.actionKind as NonNullable<Workshop['actionKind']>,
    ...(draft.partner.trim() ? { partner: draft.partner.trim() } : {}),
    defaultDurationMinutes: Number(draft.defaultDurationMinutes),
    defaultCapacity: Number(draft.defaultCapacity),
  };
}
