/**
 * Migration strategies of the device's collections, by collection and target version. When a
 * schema's `version` goes up, add the function that turns a document of the previous version
 * into the new one here; RxDB runs them when the database opens (migration-schema plugin).
 */
import type { MigrationStrategies } from 'rxdb/plugins/core';
import type { CollectionName } from '../domain/collections';
import {
  attendanceToV1,
  eventToV1,
  pathwayToV1,
  pathwayToV2,
  youthToV4,
} from '../domain/vocabulary';

export const MIGRATIONS: Record<CollectionName, MigrationStrategies> = {
  youths: {
    1: (doc: { createdOn?: string; updatedAt: string }) => ({
      ...doc,
      createdOn: doc.createdOn ?? doc.updatedAt.slice(0, 10),
    }),
    // v2 only adds optional, server-written fields (the handovers): a dossier stays as it is.
    2: (doc: Record<string, unknown>) => doc,
    // v3 only adds the optional i-milo dossier number.
    3: (doc: Record<string, unknown>) => doc,
    // v4: orientation and diploma obtained; an aller-vers dossier's orientation is « aller vers ».
    4: (doc: Record<string, unknown>) => youthToV4(doc),
  },
  // v1: i-milo's vocabulary (src/domain/vocabulary.ts, the same mapping as the server's).
  events: { 1: (doc: Record<string, unknown>) => eventToV1(doc) },
  pathway: {
    1: (doc: Record<string, unknown>) => pathwayToV1(doc),
    // v2: a dispositif's actual end and exit reason, absent until it is closed.
    2: (doc: Record<string, unknown>) => pathwayToV2(doc),
  },
  appointments: {
    // v1 only adds optional fields and indexes on fields every rendez-vous already has.
    1: (doc: Record<string, unknown>) => doc,
  },
  workshops: {
    // v1 adds the catalogue (kind `action`) and optional planning fields; a v0 session is
    // already a valid v1 session.
    1: (doc: Record<string, unknown>) => doc,
    // v2 only adds the émargement's optional fields (signature required, closing).
    2: (doc: Record<string, unknown>) => doc,
  },
  // v1: the status in i-milo's words (src/domain/vocabulary.ts, the same mapping as the server's).
  attendances: { 1: (doc: Record<string, unknown>) => attendanceToV1(doc) },
  mobility: {
    // v1 (issue 16) only adds fields and the `calendar` kind; v0 vehicle types are kept.
    1: (doc: Record<string, unknown>) => doc,
  },
  sites: {},
  staff: {
    // v1 adds the `atelier-mob` role to the enum: a v0 staff member is a valid v1 one.
    1: (doc: Record<string, unknown>) => doc,
  },
  reviews: {},
  accesses: {},
};
