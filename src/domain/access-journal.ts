/**
 * The « Journal des accès » of a dossier as the server hands it to the siège (and prints it in
 * the export): who did what with this young person's file, when, from which device and address.
 * Shared by the server (sync-server/src/rights/journal.ts) and the dossier screen.
 */

export interface JournalEntry {
  at: string;
  action: string;
  /** The staff member, when the row names one. */
  user: { id: string; name: string; login: string } | null;
  deviceId: string | null;
  deviceLabel: string | null;
  address: string | null;
  collection: string | null;
  documentId: string | null;
  details?: unknown;
}

/** What each action of the audit log means, in the words of the field. */
export const JOURNAL_ACTION_LABELS: Record<string, string> = {
  'dossier-open': 'Dossier ouvert sur un appareil',
  pull: 'Dossier téléchargé sur un appareil (synchronisation)',
  stream: 'Modification reçue en direct sur un appareil',
  create: 'Création',
  update: 'Modification',
  'push-conflict': 'Modification concurrente (conflit)',
  'push-refused': 'Modification refusée par le serveur',
  'review-resolve': 'Décision du siège sur un conflit',
  'review-dismiss': 'Point classé par le siège',
  'dossier-merge': 'Fusion de dossiers',
  'device-surrender': 'Remis par un appareil retiré',
  'dossier-export': 'Export du dossier',
  'journal-read': 'Lecture du journal des accès',
  'dossier-erase': 'Effacement du dossier',
  'dossier-anonymise': 'Anonymisation (durée de conservation atteinte)',
};

export function journalActionLabel(action: string): string {
  return JOURNAL_ACTION_LABELS[action] ?? action;
}
