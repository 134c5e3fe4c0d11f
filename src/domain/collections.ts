/**
 * The registry of synced collections: one place that lists them, their schema and version,
 * the fields that are personal data, and whether devices may write them. The PWA's database,
 * the replication client and the sync server all iterate over this list.
 */
import { accessSchema, type DossierAccess } from './schemas/access';
import { appointmentSchema, type Appointment } from './schemas/appointment';
import { attendanceSchema, type Attendance } from './schemas/attendance';
import { eventSchema, EVENT_SENSITIVE_FIELDS, type YouthEvent } from './schemas/event';
import { mobilitySchema, type MobilityRecord } from './schemas/mobility';
import { pathwaySchema, PATHWAY_SENSITIVE_FIELDS, type PathwayRecord } from './schemas/pathway';
import { reviewSchema, type Review } from './schemas/review';
import { siteSchema, type Site } from './schemas/site';
import { staffSchema, type StaffMember } from './schemas/staff';
import { workshopSchema, type Workshop } from './schemas/workshop';
import { youthSchema, YOUTH_SENSITIVE_FIELDS, type Youth } from './schemas/youth';

export interface CollectionDocuments {
  youths: Youth;
  events: YouthEvent;
  pathway: PathwayRecord;
  appointments: Appointment;
  workshops: Workshop;
  attendances: Attendance;
  mobility: MobilityRecord;
  sites: Site;
  staff: StaffMember;
  reviews: Review;
  accesses: DossierAccess;
}

export type CollectionName = keyof CollectionDocuments;

/** Who may write a collection from a device (the server writes `staff` and `reviews` itself). */
export type WritePolicy = 'devices' | 'siege' | 'server';

export interface CollectionDefinition {
  schema: { readonly version: number; readonly title: string } & Record<string, unknown>;
  /** Sensitive personal data: never indexed, and hidden from the roles that may not see it. */
  sensitiveFields: readonly string[];
  /**
   * The only fields a device stores in clear (src/db/encryption): what its queries, indexes and
   * sorts need — ids, the site, statuses, dates of appointments — none of it personal. Every
   * other field, present or added later, is sealed with the user's data key.
   */
  deviceClearFields: readonly string[];
  writePolicy: WritePolicy;
  /** The field naming the young person a document belongs to, which gives its scope. */
  youthField?: string;
  /**
   * A log the device writes for the server (the accesses to dossiers): pushed, never pulled
   * back, and not one of the user's modifications (not counted as waiting, not handed over).
   */
  deviceLog?: true;
}

export const COLLECTIONS = {
  youths: {
    schema: youthSchema,
    sensitiveFields: YOUTH_SENSITIVE_FIELDS,
    deviceClearFields: ['id', 'siteId', 'referentId', 'status', 'mergedInto'],
    writePolicy: 'devices',
  },
  events: {
    schema: eventSchema,
    sensitiveFields: EVENT_SENSITIVE_FIELDS,
    deviceClearFields: ['id', 'youthId'],
    writePolicy: 'devices',
    youthField: 'youthId',
  },
  pathway: {
    schema: pathwaySchema,
    sensitiveFields: PATHWAY_SENSITIVE_FIELDS,
    deviceClearFields: ['id', 'youthId', 'kind'],
    writePolicy: 'devices',
    youthField: 'youthId',
  },
  appointments: {
    schema: appointmentSchema,
    sensitiveFields: [],
    deviceClearFields: ['id', 'youthId', 'siteId', 'staffId', 'start', 'status'],
    writePolicy: 'devices',
    youthField: 'youthId',
  },
  workshops: {
    schema: workshopSchema,
    sensitiveFields: [],
    // The ateliers screens query the catalogue by kind and the sessions by start (nothing
    // personal; the v1 migration rewrites stored sessions with them in clear).
    deviceClearFields: ['id', 'kind', 'siteId', 'start'],
    writePolicy: 'devices',
  },
  attendances: {
    schema: attendanceSchema,
    sensitiveFields: [],
    deviceClearFields: ['id', 'youthId', 'workshopId'],
    writePolicy: 'devices',
    youthField: 'youthId',
  },
  mobility: {
    schema: mobilitySchema,
    sensitiveFields: [],
    deviceClearFields: ['id', 'kind', 'youthId', 'vehicleId'],
    writePolicy: 'devices',
    youthField: 'youthId',
  },
  sites: {
    schema: siteSchema,
    sensitiveFields: [],
    deviceClearFields: ['id'],
    writePolicy: 'siege',
  },
  staff: {
    schema: staffSchema,
    sensitiveFields: [],
    deviceClearFields: ['id'],
    writePolicy: 'server',
  },
  reviews: {
    schema: reviewSchema,
    sensitiveFields: [],
    deviceClearFields: ['id', 'kind', 'status'],
    writePolicy: 'server',
  },
  accesses: {
    schema: accessSchema,
    sensitiveFields: [],
    deviceClearFields: ['id', 'youthId'],
    writePolicy: 'devices',
    youthField: 'youthId',
    deviceLog: true,
  },
} as const satisfies Record<CollectionName, CollectionDefinition>;

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/** Whether a collection is a log the device writes (pushed only): see `deviceLog`. */
export function isDeviceLog(name: CollectionName): boolean {
  return 'deviceLog' in COLLECTIONS[name];
}

export function isCollectionName(name: string): name is CollectionName {
  return Object.prototype.hasOwnProperty.call(COLLECTIONS, name);
}

export function schemaVersionOf(name: CollectionName): number {
  return COLLECTIONS[name].schema.version;
}

/** A document as it travels on the wire: the schema's fields plus RxDB's deletion flag. */
export type WireDocument<C extends CollectionName = CollectionName> = CollectionDocuments[C] & {
  _deleted: boolean;
};
