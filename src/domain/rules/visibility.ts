/**
 * Who may see the sensitive fields of a dossier: the RQTH, ASE and justice flags, the free notes,
 * the compte-rendu of events and the comments of the parcours. Advisers need them to accompany,
 * the direction to supervise; reception (`accueil`) handles appointments and first reception and
 * does not: the server strips these fields from what an accueil device receives and keeps their
 * stored values when such a device writes the record (sync-server/src/replication/redaction.ts);
 * the screens hide them as well.
 * Contact details stay visible to accueil, who calls young people about their appointments.
 */
import type { CollectionName } from '../collections';
import type { Role } from '../schemas/staff';
import { youthSchema } from '../schemas/youth';

export const SENSITIVE_FIELD_ROLES: readonly Role[] = ['conseiller', 'direction', 'admin'];

/** The fields withheld from the roles that may not see them, by collection. */
export const ROLE_RESTRICTED_FIELDS: Partial<Record<CollectionName, readonly string[]>> = {
  youths: ['rqth', 'ase', 'justice', 'notes'],
  events: ['report'],
  pathway: ['comment'],
};

export function canSeeSensitive(role: Role): boolean {
  return SENSITIVE_FIELD_ROLES.includes(role);
}

/**
 * What the Atelier Mob (a partner association, issue 16) sees of the dossier of a young person
 * who borrows a vehicle: who they are and how to reach them — never the rest of the dossier
 * (situation, freins, RQTH, ASE, justice, notes…). The contact details are personal data (sealed
 * on the device, never indexed) that this role needs: a vehicle not back is a phone call. The
 * site and référent say which Mission Locale adviser to call. Which dossiers it receives at all
 * is the server's scope (sync-server/src/replication/scope.ts).
 */
export const BORROWER_FIELDS: readonly string[] = [
  'id',
  'rev',
  'updatedAt',
  'updatedBy',
  'lastName',
  'birthName',
  'firstName',
  'birthDate',
  'phone',
  'email',
  'address',
  'communeInsee',
  'siteId',
  'referentId',
  'status',
  'mergedInto',
];

const BORROWER_HIDDEN = Object.keys(youthSchema.properties).filter(
  (field) => !BORROWER_FIELDS.includes(field),
);

/** The fields of a collection this role may not see (empty when it sees everything). */
export function hiddenFieldsFor(role: Role, collection: CollectionName): readonly string[] {
  if (role === 'atelier-mob') return collection === 'youths' ? BORROWER_HIDDEN : [];
  return canSeeSensitive(role) ? [] : (ROLE_RESTRICTED_FIELDS[collection] ?? []);
}

/**
 * Who answers a young person's rights over their file (the access journal, a copy, erasure):
 * the siège (direction, admin), as the server checks (sync-server/src/http/dossier-rights-routes.ts).
 */
export function canExerciseRights(role: Role): boolean {
  return role === 'direction' || role === 'admin';
}
