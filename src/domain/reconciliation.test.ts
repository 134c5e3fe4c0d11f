import { describe, expect, it } from 'vitest';
import {
  applyConflictValue,
  conflictFieldValue,
  CREATION_FIELD,
  differingFields,
  mergeDossierFields,
} from './reconciliation';

const loan = {
  id: 'v:2026-03-02',
  kind: 'loan',
  vehicleId: 'v',
  siteId: 's',
  startDate: '2026-03-02',
  youthId: 'kevin',
  endDate: '2026-03-09',
  returnedOn: '2026-03-09',
};

describe('settling a conflict', () => {
  it('puts the chosen value of a field back, or removes the field', () => {
    const youth = { id: 'y', phone: '06 39 98 11 11', status: 'accompagne' };
    expect(applyConflictValue('youths', youth, 'phone', '06 39 98 22 22')).toMatchObject({
      phone: '06 39 98 22 22',
      status: 'accompagne',
    });
    expect('phone' in applyConflictValue('youths', youth, 'phone', undefined)).toBe(false);
  });

  it('puts a whole booking back for a double booking, dropping the fields it does not have', () => {
    const next = applyConflictValue('mobility', loan, 'reservation', {
      youthId: 'ines',
      endDate: '2026-03-16',
    });
    expect(next).toMatchObject({ youthId: 'ines', endDate: '2026-03-16', vehicleId: 'v' });
    expect('returnedOn' in next).toBe(false);
    expect(conflictFieldValue('mobility', loan, 'reservation')).toEqual({
      youthId: 'kevin',
      endDate: '2026-03-09',
      returnedOn: '2026-03-09',
    });
  });

  it('restores a deleted dossier when the siège keeps the edit', () => {
    const deleted = { id: 'y', firstName: 'Inès', _deleted: true };
    expect(applyConflictValue('youths', deleted, '_deleted', false)._deleted).toBe(false);
    expect(conflictFieldValue('youths', deleted, '_deleted')).toBe(true);
  });
});

describe('merging two dossiers of one young person', () => {
  const kept = {
    id: 'a',
    rev: 'r1',
    firstName: 'Inès',
    lastName: 'Lefèvre',
    phone: '06 39 98 11 11',
    email: '',
    siteId: 'sees',
  };
  const other = {
    id: 'b',
    rev: 'r2',
    firstName: 'Ines',
    lastName: 'Lefèvre',
    phone: '06 39 98 22 22',
    email: 'ines.lefevre@example.fr',
    address: '3 rue du Pont',
    siteId: 'perseigne',
  };

  it('lists the fields whose values differ, ignoring blanks and write metadata', () => {
    expect(differingFields(kept, other)).toEqual(['firstName', 'phone', 'siteId']);
  });

  it('keeps the kept values, fills the blanks from the other and takes the picked fields', () => {
    const merged = mergeDossierFields(kept, other, ['phone']);
    expect(merged).toMatchObject({
      id: 'a',
      rev: 'r1',
      firstName: 'Inès',
      phone: '06 39 98 22 22',
      email: 'ines.lefevre@example.fr',
      address: '3 rue du Pont',
      siteId: 'sees',
    });
  });

  it('never takes the identity or the redirect of the other dossier', () => {
    const merged = mergeDossierFields(kept, { ...other, mergedInto: 'z' }, ['id', 'mergedInto']);
    expect(merged.id).toBe('a');
    expect('mergedInto' in merged).toBe(false);
  });
});

describe('a document kept whole for the siège', () => {
  const entretien = { id: 'e', youthId: 'y', kind: 'entretien-individuel', report: 'CAP cuisine' };

  it('is created by keeping it, and read back as the document', () => {
    const created = applyConflictValue(
      'events',
      { id: 'e', _deleted: true },
      CREATION_FIELD,
      entretien,
    );
    expect(created).toEqual({ ...entretien, _deleted: false });
    expect(conflictFieldValue('events', created, CREATION_FIELD)).toEqual(entretien);
  });

  it('stays absent when the kept value is not a document', () => {
    const absent = { id: 'e', _deleted: true };
    expect(applyConflictValue('events', absent, CREATION_FIELD, undefined)).toEqual(absent);
    expect(conflictFieldValue('events', absent, CREATION_FIELD)).toBeUndefined();
  });
});

describe('consent after two dossiers are merged (issue 14, item 3)', () => {
  const base = { id: 'a', rev: 'r', updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'u' };

  it('keeps the most recent choice, even when the kept dossier is the older one', () => {
    const older = {
      ...base,
      consent: { freeAdherence: true, rgpdInformedOn: '2025-03-02', recontactAgreed: true },
    };
    const newer = {
      ...base,
      id: 'b',
      consent: { freeAdherence: true, rgpdInformedOn: '2026-10-12', recontactAgreed: false },
    };
    expect(mergeDossierFields(older, newer, []).consent).toEqual(newer.consent);
    // The siège cannot widen it by picking the other value either.
    expect(mergeDossierFields(newer, older, ['consent']).consent).toEqual(newer.consent);
  });

  it('keeps the more restrictive choice when it cannot tell which is the more recent', () => {
    const yes = {
      ...base,
      consent: { freeAdherence: true, rgpdInformedOn: '2026-10-12', recontactAgreed: true },
    };
    const no = {
      ...base,
      id: 'b',
      consent: { freeAdherence: true, rgpdInformedOn: '2026-10-12', recontactAgreed: false },
    };
    expect(mergeDossierFields(yes, no, []).consent).toMatchObject({ recontactAgreed: false });
    const undated = { ...base, consent: { freeAdherence: true, recontactAgreed: true } };
    expect(mergeDossierFields(undated, no, []).consent).toMatchObject({ recontactAgreed: false });
    const unknown = { ...base, id: 'b', consent: { freeAdherence: false } };
    expect(mergeDossierFields(undated, unknown, []).consent).toMatchObject({
      freeAdherence: false,
      recontactAgreed: false,
    });
  });
});
