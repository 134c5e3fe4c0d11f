/**
 * Builders for test documents: valid by default, any field overridable. Ids are fresh UUID v7.
 */
import type { WireDocument } from '../../src/domain/collections';
import { newId, newRev } from '../../src/domain/ids';
import type { Appointment } from '../../src/domain/schemas/appointment';
import { attendanceId, type Attendance } from '../../src/domain/schemas/attendance';
import { loanSlotId, type MobilityRecord } from '../../src/domain/schemas/mobility';
import type { Workshop } from '../../src/domain/schemas/workshop';
import type { YouthEvent } from '../../src/domain/schemas/event';
import type { PathwayRecord } from '../../src/domain/schemas/pathway';
import type { Site } from '../../src/domain/schemas/site';
import type { StaffMember } from '../../src/domain/schemas/staff';
import type { Youth } from '../../src/domain/schemas/youth';

export const SITE_SEES = '0190a000-0000-7000-a000-000000000002';
export const SITE_SIEGE = '0190a000-0000-7000-a000-000000000001';
export const SITE_PERSEIGNE = '0190a000-0000-7000-a000-000000000008';

/** A document as it travels in a push row (`_deleted` set). */
export function wire(doc: object, deleted = false): WireDocument {
  return { ...doc, _deleted: deleted } as unknown as WireDocument;
}

function stamp(by = 'test-user') {
  return { id: newId(), rev: newRev(), updatedAt: '2026-11-20T10:00:00.000Z', updatedBy: by };
}

export function buildYouth(overrides: Partial<Youth> = {}): Youth {
  return {
    ...stamp(),
    lastName: 'Lefèvre',
    firstName: 'Inès',
    birthDate: '2006-04-12',
    siteId: SITE_SEES,
    referentId: '',
    status: 'premier-accueil',
    communeInsee: '61464',
    consent: { freeAdherence: true, rgpdInformedOn: '2026-11-20', recontactAgreed: true },
    ...overrides,
  };
}

export function buildEvent(overrides: Partial<YouthEvent> & { youthId: string }): YouthEvent {
  return {
    ...stamp(),
    kind: 'entretien-individuel',
    at: '2026-11-20T14:30',
    durationMinutes: 45,
    authorId: 'test-user',
    themes: ['emploi'],
    ...overrides,
  };
}

export function buildProposition(
  overrides: Partial<PathwayRecord> & { youthId: string },
): PathwayRecord {
  return {
    ...stamp(),
    kind: 'proposition',
    theme: 'emploi',
    propositionType: 'offre-emploi',
    partner: 'Boulangerie Le Fournil',
    startDate: '2026-11-20',
    result: 'en-attente',
    ...overrides,
  };
}

export function buildAppointment(
  overrides: Partial<Appointment> & { youthId: string },
): Appointment {
  return {
    ...stamp(),
    siteId: SITE_SEES,
    staffId: 'test-user',
    start: '2026-11-27T09:30',
    durationMinutes: 45,
    status: 'planifie',
    ...overrides,
  };
}

/** The permanence of Sées as the demo has it: Tuesday all day, Thursday morning. */
export function buildSite(overrides: Partial<Site> = {}): Site {
  return {
    ...stamp(),
    id: SITE_SEES,
    name: 'Permanence de Sées',
    kind: 'permanence-rurale',
    address: 'Mairie, place du Général de Gaulle, 61500 Sées',
    communeInsee: '61464',
    schedule: [
      { weekday: 2, start: '09:00', end: '12:30' },
      { weekday: 2, start: '13:30', end: '17:00' },
      { weekday: 4, start: '09:00', end: '12:30' },
    ],
    exceptions: [],
    active: true,
    ...overrides,
  };
}

export function buildStaffMember(overrides: Partial<StaffMember> = {}): StaffMember {
  return {
    ...stamp('server'),
    name: 'Camille Martin',
    role: 'conseiller',
    siteIds: [SITE_SEES, SITE_SIEGE],
    active: true,
    ...overrides,
  };
}

export function buildWorkshop(overrides: Partial<Workshop> = {}): Workshop {
  return {
    ...stamp(),
    kind: 'atelier',
    // A session is planned from the catalogue: the server refuses a new one without its action.
    actionId: '0190c000-0000-7000-b000-000000000001',
    title: 'Atelier CV et lettre de motivation',
    siteId: SITE_SEES,
    start: '2026-11-26T14:00',
    durationMinutes: 120,
    capacity: 12,
    ...overrides,
  };
}

/** A catalogue entry of the collective actions (issue 15). */
export function buildAction(overrides: Partial<Workshop> = {}): Workshop {
  return {
    ...stamp(),
    kind: 'action',
    actionKind: 'atelier',
    title: 'Atelier CV et lettre de motivation',
    theme: 'emploi',
    defaultDurationMinutes: 120,
    defaultCapacity: 12,
    ...overrides,
  };
}

export function buildAttendance(
  overrides: Partial<Attendance> & { workshopId: string; youthId: string },
): Attendance {
  return {
    ...stamp(),
    id: attendanceId(overrides.workshopId, overrides.youthId),
    registeredAt: '2026-11-20T10:00',
    ...overrides,
  };
}

export function buildVehicle(overrides: Partial<MobilityRecord> = {}): MobilityRecord {
  return {
    ...stamp(),
    kind: 'vehicle',
    siteId: SITE_SIEGE,
    label: 'Scooter 50 cm³ n°1',
    vehicleType: 'scooter',
    identification: 'GH-214-KL',
    available: true,
    ...overrides,
  };
}

/**
 * A complete booking (v1): purpose, conditions accepted, the permis AM shown (a scooter's).
 * Its id is the v0 slot `vehicleId:startDate` unless given (any id is valid since v1).
 */
export function buildLoan(
  overrides: Partial<MobilityRecord> & { vehicleId: string; youthId: string; startDate: string },
): MobilityRecord {
  return {
    ...stamp(),
    id: loanSlotId(overrides.vehicleId, overrides.startDate),
    kind: 'loan',
    siteId: SITE_SIEGE,
    endDate: '2026-12-15',
    purpose: 'emploi',
    licenceHeld: 'am',
    guardianAgreement: true,
    conditionsAcceptedOn: '2026-11-20',
    depositAmount: 150,
    depositState: 'a-recevoir',
    ...overrides,
  };
}
