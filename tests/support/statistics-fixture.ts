/**
 * A small Mission Locale for the statistics (issue 17), hand-counted for November 2026: six
 * dossiers of two advisers at two sites, with what each definition must count and leave out.
 * The expected figures are in src/domain/indicators/definitions.test.ts.
 */
import type { StatisticsData } from '../../src/domain/indicators/data';
import { newId, newRev } from '../../src/domain/ids';
import type { PathwayRecord } from '../../src/domain/schemas/pathway';
import {
  buildAction,
  buildAppointment,
  buildAttendance,
  buildEvent,
  buildLoan,
  buildVehicle,
  buildWorkshop,
  buildYouth,
  SITE_PERSEIGNE,
  SITE_SEES,
} from './builders';

export const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
export const ADVISER_A = '0190b000-0000-7000-a000-00000000a001';
export const ADVISER_B = '0190b000-0000-7000-a000-00000000a002';

function situation(youthId: string, fields: Partial<PathwayRecord>): PathwayRecord {
  return {
    id: newId(),
    rev: newRev(),
    updatedAt: '2026-11-20T10:00:00.000Z',
    updatedBy: 'test-user',
    youthId,
    kind: 'situation',
    phase: 'en-cours',
    ...fields,
  };
}

export function statisticsFixture(): StatisticsData {
  const ines = buildYouth({
    referentId: ADVISER_A,
    gender: 'F',
    educationLevel: 'niveau-4',
    diplomaObtained: true,
    orientation: 'france-travail',
    status: 'accompagne',
    createdOn: '2026-11-03',
  });
  const noe = buildYouth({
    firstName: 'Noé',
    referentId: ADVISER_A,
    communeInsee: '61001',
    qpvCode: 'QN06106M',
    birthDate: '2009-01-15',
    gender: 'M',
    educationLevel: 'sans-diplome',
    orientation: 'etablissement-scolaire',
    status: 'accompagne',
    createdOn: '2025-06-01',
  });
  const lea = buildYouth({
    firstName: 'Léa',
    referentId: ADVISER_B,
    siteId: SITE_PERSEIGNE,
    communeInsee: '61013',
    birthDate: '2000-02-01',
    gender: 'F',
    status: 'accompagne',
    createdOn: '2024-03-01',
  });
  const tom = buildYouth({
    firstName: 'Tom',
    lastName: '',
    referentId: ADVISER_A,
    birthDate: '2007',
    status: 'contact-aller-vers',
    outreach: { place: 'Perseigne', need: 'emploi' },
    orientation: 'aller-vers',
    createdOn: '2026-11-12',
  });
  const merged = buildYouth({ firstName: 'Zoé', referentId: ADVISER_B, createdOn: '2026-11-07' });
  const zoe = { ...merged, mergedInto: ines.id };
  const sam = buildYouth({
    firstName: 'Sam',
    referentId: ADVISER_A,
    communeInsee: '61001',
    birthDate: '2003-06-01',
    gender: 'M',
    educationLevel: 'niveau-3',
    diplomaObtained: false,
    orientation: 'famille-bouche-a-oreille',
    status: 'accompagne',
    createdOn: '2026-10-01',
  });

  const inesEntretien = buildEvent({ youthId: ines.id, at: '2026-11-03T09:30' });
  const samFirst = buildEvent({ youthId: sam.id, at: '2026-11-05T10:00' });
  const events = [
    inesEntretien,
    buildEvent({ youthId: ines.id, kind: 'relance', at: '2026-11-10T11:00', channel: 'sms' }),
    buildEvent({
      youthId: ines.id,
      kind: 'visite',
      at: '2026-11-04T15:00',
      placeSiteId: SITE_SEES,
    }),
    buildEvent({ youthId: lea.id, kind: 'information-collective', at: '2026-11-25T14:00' }),
    buildEvent({ youthId: lea.id, at: '2026-10-15T14:00' }),
    buildEvent({ youthId: tom.id, kind: 'visite', at: '2026-11-12T16:00' }),
    samFirst,
    buildEvent({ youthId: sam.id, at: '2026-11-05T10:00', supersedes: samFirst.id }),
  ];
  const appointments = [
    buildAppointment({
      youthId: ines.id,
      start: '2026-11-03T09:30',
      status: 'present',
      eventId: inesEntretien.id,
    }),
    buildAppointment({ youthId: noe.id, start: '2026-11-20T10:00', status: 'absent' }),
    buildAppointment({ youthId: sam.id, start: '2026-11-28T09:00', status: 'planifie' }),
    buildAppointment({ youthId: sam.id, start: '2026-11-06T09:00', status: 'annule' }),
  ];
  const atelier = buildWorkshop({ start: '2026-11-18T14:00' });
  const cancelled = buildWorkshop({
    kind: 'information-collective',
    start: '2026-11-26T14:00',
    cancelled: true,
  });
  const october = buildWorkshop({ start: '2026-10-20T14:00' });
  const workshops = [buildAction(), atelier, cancelled, october];
  const attendances = [
    buildAttendance({ workshopId: atelier.id, youthId: noe.id, present: true }),
    buildAttendance({ workshopId: atelier.id, youthId: tom.id, present: false }),
    buildAttendance({ workshopId: atelier.id, youthId: sam.id, status: 'refus-jeune' }),
    buildAttendance({ workshopId: october.id, youthId: ines.id, present: true }),
  ];
  const pathway: PathwayRecord[] = [
    situation(lea.id, {
      situationType: 'emploi',
      situationSubtype: 'cdi',
      workingTime: 'temps-plein',
      startDate: '2026-11-10',
    }),
    situation(sam.id, {
      situationType: 'emploi',
      situationSubtype: 'cdd',
      workingTime: 'temps-partiel',
      startDate: '2026-11-01',
      endDate: '2027-01-31',
    }),
    situation(sam.id, {
      situationType: 'alternance',
      situationSubtype: 'apprentissage',
      startDate: '2026-11-15',
    }),
    situation(sam.id, { situationType: 'formation', phase: 'prevu', startDate: '2026-11-20' }),
    situation(sam.id, { situationType: 'immersion', startDate: '2026-11-16' }),
    situation(sam.id, {
      situationType: 'volontariat',
      situationSubtype: 'service-civique',
      startDate: '2026-11-20',
    }),
    situation(lea.id, { kind: 'dispositif', programme: 'CEJ', startDate: '2026-11-02' }),
    // Closed in October although planned to end in November: not a November exit.
    situation(lea.id, {
      kind: 'dispositif',
      programme: 'PACEA',
      startDate: '2025-11-03',
      endDate: '2026-11-20',
      endedOn: '2026-10-30',
      exitReason: 'formation',
    }),
    // Recorded before closings existed: its planned end in November stands for its exit.
    situation(sam.id, {
      kind: 'dispositif',
      programme: 'PACEA',
      startDate: '2025-12-01',
      endDate: '2026-11-30',
    }),
    // Closed in November for a durable job, months before its planned end.
    situation(noe.id, {
      kind: 'dispositif',
      programme: 'CEJ',
      startDate: '2026-03-02',
      endDate: '2027-03-01',
      endedOn: '2026-11-13',
      exitReason: 'emploi-durable',
    }),
  ];
  const vehicle = buildVehicle();
  const mobility = [
    vehicle,
    buildLoan({ vehicleId: vehicle.id, youthId: sam.id, startDate: '2026-11-09' }),
    buildLoan({ vehicleId: vehicle.id, youthId: noe.id, startDate: '2026-10-01' }),
    // Neither a cancelled booking nor one the server holds for the siège is a loan made.
    buildLoan({
      vehicleId: vehicle.id,
      youthId: tom.id,
      startDate: '2026-11-16',
      cancelledOn: '2026-11-10',
    }),
    buildLoan({
      vehicleId: vehicle.id,
      youthId: ines.id,
      startDate: '2026-11-12',
      hold: { since: '2026-11-05T10:00:00.000Z', withLoanIds: [] },
    }),
  ];
  return {
    youths: [ines, noe, lea, tom, zoe, sam],
    events,
    appointments,
    pathway,
    workshops,
    attendances,
    mobility,
  };
}
