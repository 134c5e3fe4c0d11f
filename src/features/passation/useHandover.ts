/**
 * Sending a handover to the server (`POST /api/v1/handovers`, sync-server/src/http/
 * handover-routes.ts): a server operation, so it needs the network. The dossiers come back
 * rewritten through the usual sync.
 */
import { useCallback, useState } from 'react';
import { api } from '../../app/api';
import { RelaisError } from '../../domain/errors';
import type { HandoverDraft } from '../../domain/rules/handover';

export interface HandoverSummary {
  handoverId: string;
  dossiers: number;
  appointments: number;
}

export type HandoverState =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'done'; summary: HandoverSummary; toId: string }
  | { status: 'failed'; error: RelaisError };

export function useHandover() {
  const [state, setState] = useState<HandoverState>({ status: 'idle' });
  const send = useCallback(async (youthIds: string[], draft: HandoverDraft) => {
    setState({ status: 'sending' });
    try {
      const answer = await api.send<{ summary: HandoverSummary }>('POST', '/api/v1/handovers', {
        youthIds,
        ...draft,
      });
      setState({ status: 'done', summary: answer.summary, toId: draft.toId });
      return true;
    } catch (error) {
      setState({
        status: 'failed',
        error: error instanceof RelaisError ? error : new RelaisError('NETWORK'),
      });
      return false;
    }
  }, []);
  return { state, send };
}
