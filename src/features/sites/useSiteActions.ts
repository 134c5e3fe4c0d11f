/**
 * Saving a site from the siège. Only direction and admin may write sites: the server refuses the
 * others' pushes (write policy `siege`), and the screens only offer editing to those roles.
 */
import { useMemo } from 'react';
import { useDatabase } from '../../app/DatabaseProvider';
import { insertDocument, replaceDocument } from '../../db/writes';
import type { Role } from '../../domain/schemas/staff';
import type { SiteFields } from './site-draft';

export function canEditSites(role: Role | undefined): boolean {
  return role === 'direction' || role === 'admin';
}

export function useSiteActions() {
  const db = useDatabase();
  return useMemo(
    () => ({
      create: (fields: SiteFields) => insertDocument(db, 'sites', fields),
      update: (id: string, fields: SiteFields) => replaceDocument(db, 'sites', id, fields),
    }),
    [db],
  );
}
