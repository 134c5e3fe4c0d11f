/**
 * What happened to the contact just saved, said as it is: waiting on the tablet without network,
 * being sent, sent to the siège, or refused (with the reason). Read live from the pending
 * tracker and the sync status, so the message follows the sync instead of guessing.
 */
import { useState } from 'react';
import { frenchMessage } from '../../domain/errors';
import { useAppStore } from '../../stores/store';
import { usePendingEntry } from '../../ui/usePending';

export function SavedContactStatus({ youthId, firstName }: { youthId: string; firstName: string }) {
  const entry = usePendingEntry('youths', youthId);
  const online = useAppStore((s) => s.sync.online);
  // The mark « non envoyé » is written just after the dossier: until it was seen, no news is
  // not yet good news.
  const [seenPending, setSeenPending] = useState(false);
  // Adjusted while rendering (React's pattern for state derived from a previous render).
  if (entry && !seenPending) setSeenPending(true);

  let text: string;
  if (entry?.refused) {
    text = `Contact enregistré sur la tablette : ${firstName}, mais refusé par le serveur : ${frenchMessage(entry.refused)}`;
  } else if (!entry && seenPending) {
    text = `Contact enregistré et envoyé au siège : ${firstName}.`;
  } else if (online) {
    text = `Contact enregistré sur la tablette : ${firstName}. Envoi au siège en cours…`;
  } else {
    text = `Contact enregistré sur la tablette : ${firstName}. Pas de réseau : il partira au siège dès que le réseau reviendra.`;
  }
  return <p className="confirmation">{text}</p>;
}
