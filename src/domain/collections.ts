/**
 * The registry of synced collections: one place that lists them, their schema and version,
 * the fields that are personal data, and whether devices may write them. The PWA's database,
 * the replication client and the sync server all iterate over this list.
 */
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
}

export type CollectionName = keyof CollectionDocuments;

/** Who may write a collection from a device (the server writes `staff` and `reviews` itself). */
export type WritePolicy = 'devices' | 'siege' | 'server';

export interface CollectionDefinition {
  schema: { readonly version: number; readonly title: string } & Record<string, unknown>;
  /** Personal data: never indexed, encrypted at rest on the device, audited when read. */
  sensitiveFields: readonly string[];
  writePolicy: WritePolicy;
  /** The field naming the young person a document belongs to, which gives its scope. */
  youthField?: string;
}

export const COLLECTIONS = {
  youths: { schema: youthSchema, sensitiveFields: YOUTH_SENSITIVE_FIELDS, writePolicy: 'devices' },
  events: {
    schema: eventSchema,
    sensitiveFields: EVENT_SENSITIVE_FIELDS,
    writePolicy: 'devices',
    youthField: 'youthId',
  },
  pathway: {
    schema: pathwaySchema,
    sensitiveFields: PATHWAY_SENSITIVE_FIELDS,
    writePolicy: 'devices',
    youthField: 'youthId',
  },
  appointments: {
    schema: appointmentSchema,
    sensitiveFields: [],
    writePolicy: 'devices',
    youthField: 'youthId',
  },
  workshops: { schema: workshopSchema, sensitiveFields: [], writePolicy: 'devices' },
  attendances: {
    schema: attendanceSchema,
    sensitiveFields: [],
    writePolicy: 'devices',
    youthField: 'youthId',
  },
  mobility: {
    schema: mobilitySchema,
    sensitiveFields: [],
    writePolicy: 'devices',
    youthField: 'youthId',
  },
  sites: { schema: siteSchema, sensitiveFields: [], writePolicy: 'siege' },
  staff: { schema: staffSchema, sensitiveFields: [], writePolicy: 'server' },
  reviews: { schema: reviewSchema, sensitiveFields: [], writePolicy: 'server' },
} as const satisfies Record<CollectionName, CollectionDefinition>;

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

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
