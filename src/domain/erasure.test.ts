import { describe, expect, it } from 'vitest';
import {
  buildAppointment,
  buildAttendance,
  buildEvent,
  buildLoan,
  buildProposition,
  buildYouth,
} from '../../tests/support/builders';
import type { CollectionName } from './collections';
import { confirmsErasure, erasedRev, erasureTombstone, isErasureTombstone } from './erasure';
import type { PlainDocument } from './merge';
import { validateDocument } from './validation';

const STAMP = {
  rev: erasedRev('6f1c2a4e-8b1d-4c1e-9d0a-3b2f1e0c9a77'),
  at: '2026-12-06T10:00:00.000Z',
};
const youth = buildYouth({
  firstName: 'Canari',
  lastName: 'Témoin',
  phone: '06 11 22 33 44',
  notes: 'Note canari',
  rqth: true,
  birthDate: '2005-03-04',
  address: '1 rue du Canari',
});

const documents: [CollectionName, PlainDocument][] = [
  ['youths', youth],
  ['events', buildEvent({ youthId: youth.id, report: 'Compte-rendu canari' })],
  ['pathway', buildProposition({ youthId: youth.id, comment: 'Commentaire canari' })],
  ['appointments', buildAppointment({ youthId: youth.id, subject: 'Objet canari' })],
  ['attendances', buildAttendance({ workshopId: 'w1', youthId: youth.id })],
  ['mobility', buildLoan({ vehicleId: 'v1', youthId: youth.id, startDate: '2026-12-01' })],
  [
    'reviews',
    {
      id: 'r1',
      rev: 'x',
      updatedAt: STAMP.at,
      updatedBy: 'server',
      kind: 'conflict',
      status: 'open',
      field: 'phone',
      values: [{ value: '06 11 22 33 44', by: 'u1' }],
    },
  ],
  [
    'accesses',
    {
      id: 'a1',
      rev: 'x',
      updatedAt: STAMP.at,
      updatedBy: 'u1',
      youthId: youth.id,
      openedAt: STAMP.at,
    },
  ],
];

describe('erasure tombstones', () => {
  it.each(documents)(
    '%s: passes the schema, keeps ids only, and says it is an erasure',
    (collection, document) => {
      const tombstone = erasureTombstone(collection, document as PlainDocument, STAMP);
      expect(validateDocument(collection, tombstone)).toEqual({ valid: true });
      expect(tombstone.id).toBe(document.id);
      expect(isErasureTombstone(tombstone)).toBe(true);
      expect(JSON.stringify(tombstone)).not.toMatch(/canari|Témoin|06 11|2005-03-04/i);
      if ('youthId' in document) expect(tombstone.youthId).toBe(youth.id);
    },
  );

  it('fits a rev in 40 characters', () => {
    expect(STAMP.rev.length).toBeLessThanOrEqual(40);
  });
});

describe('confirmation of an erasure', () => {
  it('asks for the name as shown, accents, case and spaces aside', () => {
    expect(confirmsErasure(youth, 'Canari Témoin')).toBe(true);
    expect(confirmsErasure(youth, '  canari   TEMOIN ')).toBe(true);
    expect(confirmsErasure(youth, 'Canari')).toBe(false);
    expect(confirmsErasure(youth, 'Témoin Canari')).toBe(false);
    expect(confirmsErasure({ firstName: '', lastName: '' }, '')).toBe(false);
  });
});
