/**
 * The siège's decisions, sent to the server (reviews are written by the server only). The
 * decision comes back to this device, and to every other, through the sync stream.
 */
import { useCallback, useState } from 'react';
import { api } from '../../app/api';
import { frenchMessage, RelaisError } from '../../domain/errors';

export interface ActionState {
  busy: boolean;
  error: string | null;
  /** Details of a refused value (the schema's issues), to show beside the field. */
  issues: { path: string; message: string }[];
}

const IDLE: ActionState = { busy: false, error: null, issues: [] };

function describe(error: unknown): ActionState {
  if (error instanceof RelaisError) {
    const issues = (error.details as { issues?: ActionState['issues'] } | undefined)?.issues ?? [];
    const message =
      error.code === 'VALIDATION_FAILED' && issues.length > 0
        ? 'Cette valeur ne respecte pas le format attendu pour ce champ.'
        : frenchMessage(error.code);
    return { busy: false, error: message, issues };
  }
  return { busy: false, error: 'Erreur inattendue.', issues: [] };
}

/** Runs one request at a time and keeps its outcome in French. */
export function useReviewAction<Args extends unknown[]>(
  send: (...args: Args) => Promise<unknown>,
): [ActionState, (...args: Args) => Promise<boolean>] {
  const [state, setState] = useState<ActionState>(IDLE);
  const run = useCallback(
    async (...args: Args) => {
      setState({ ...IDLE, busy: true });
      try {
        await send(...args);
        setState(IDLE);
        return true;
      } catch (error) {
        setState(describe(error));
        return false;
      }
    },
    [send],
  );
  return [state, run];
}

export type Resolution = { choice: number } | { value: unknown };

export function resolveConflict(reviewId: string, resolution: Resolution, comment: string) {
  return api.send('POST', `/api/v1/reviews/${encodeURIComponent(reviewId)}/resolve`, {
    ...resolution,
    ...(comment.trim() ? { comment: comment.trim() } : {}),
  });
}

export function dismissReview(reviewId: string, comment: string) {
  return api.send('POST', `/api/v1/reviews/${encodeURIComponent(reviewId)}/dismiss`, {
    ...(comment.trim() ? { comment: comment.trim() } : {}),
  });
}

export function mergeDossiers(
  reviewId: string,
  keepId: string,
  takeFromOther: string[],
  comment: string,
) {
  return api.send('POST', `/api/v1/reviews/${encodeURIComponent(reviewId)}/merge`, {
    keepId,
    takeFromOther,
    ...(comment.trim() ? { comment: comment.trim() } : {}),
  });
}
