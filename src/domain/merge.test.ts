import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeDocuments, type PlainDocument } from './merge';

const base: PlainDocument = {
  id: 'a',
  rev: 'r0',
  firstName: 'Inès',
  phone: '06 39 98 00 00',
  status: 'premier-accueil',
};

describe('three-way merge', () => {
  it('merges fields changed on one side only, silently', () => {
    const ours = { ...base, rev: 'r1', phone: '06 39 98 11 11' };
    const theirs = { ...base, rev: 'r2', status: 'accompagne' };
    const { merged, conflicts } = mergeDocuments('youths', base, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(merged).toMatchObject({ phone: '06 39 98 11 11', status: 'accompagne' });
  });

  it('keeps the stored value and reports both when a field changed differently on both sides', () => {
    const ours = { ...base, rev: 'r1', phone: '06 39 98 11 11' };
    const theirs = { ...base, rev: 'r2', phone: '06 39 98 22 22' };
    const { merged, conflicts } = mergeDocuments('youths', base, ours, theirs);
    expect(merged.phone).toBe('06 39 98 22 22');
    expect(conflicts).toEqual([
      { field: 'phone', base: '06 39 98 00 00', ours: '06 39 98 11 11', theirs: '06 39 98 22 22' },
    ]);
  });

  it('treats a removed field as a change', () => {
    const ours: PlainDocument = { ...base, rev: 'r1' };
    delete ours.phone;
    const { merged, conflicts } = mergeDocuments('youths', base, ours, { ...base, rev: 'r2' });
    expect(conflicts).toEqual([]);
    expect('phone' in merged).toBe(false);
  });

  it('marks an attendance present if either device says present', () => {
    const row = { id: 'w:y', rev: 'r0', workshopId: 'w', youthId: 'y' };
    const { merged, conflicts } = mergeDocuments(
      'attendances',
      row,
      { ...row, present: false },
      { ...row, present: true },
    );
    expect(conflicts).toEqual([]);
    expect(merged.present).toBe(true);
  });

  it('keeps a deletion over an edit', () => {
    const { merged } = mergeDocuments(
      'youths',
      base,
      { ...base, _deleted: true },
      { ...base, status: 'sorti' },
    );
    expect(merged).toMatchObject({ _deleted: true, status: 'sorti' });
  });

  it('reports a deletion that meets an edit made meanwhile, and keeps the edit in the document', () => {
    const { merged, conflicts } = mergeDocuments(
      'youths',
      base,
      { ...base, rev: 'r1', _deleted: true },
      { ...base, rev: 'r2', phone: '06 39 98 33 33' },
    );
    expect(merged).toMatchObject({ _deleted: true, phone: '06 39 98 33 33' });
    expect(conflicts).toEqual([{ field: '_deleted', base: false, ours: true, theirs: false }]);
  });

  it('lets a restore made at the siège win over a stale deleted state', () => {
    const deleted = { ...base, _deleted: true };
    const { merged, conflicts } = mergeDocuments(
      'youths',
      deleted,
      { ...deleted, rev: 'r1' },
      { ...base, rev: 'r2', _deleted: false },
    );
    expect(merged._deleted).toBe(false);
    expect(conflicts).toEqual([]);
  });

  it('keeps an attendance sign-up made on two devices as one, with the time the server holds', () => {
    const made = { id: 'w:y', workshopId: 'w', youthId: 'y' };
    const stored = { ...made, rev: 'b', registeredAt: '2026-03-02T10:00' };
    const { merged, conflicts } = mergeDocuments(
      'attendances',
      undefined,
      { ...made, rev: 'a', registeredAt: '0001-01-01T00:00', present: true },
      stored,
    );
    expect(conflicts).toEqual([]);
    // A device clock never decides which sign-up came first, not even an earlier one.
    expect(merged).toMatchObject({ registeredAt: '2026-03-02T10:00', present: true });
  });

  it('never merges an event: the stored one stays whole and differences are reported', () => {
    const event = { id: 'e', youthId: 'y', kind: 'entretien-individuel', report: 'A' };
    const { merged, conflicts } = mergeDocuments(
      'events',
      event,
      { ...event, report: 'B' },
      { ...event, kind: 'relance' },
    );
    expect(merged).toMatchObject({ report: 'A', kind: 'relance' });
    expect(conflicts.map((c) => c.field)).toEqual(['kind', 'report']);
  });

  it('moves a proposition to the further result when both devices stayed on one path', () => {
    const proposition = { id: 'p', youthId: 'y', kind: 'proposition', result: 'en-attente' };
    const { merged, conflicts } = mergeDocuments(
      'pathway',
      proposition,
      { ...proposition, result: 'realisee' },
      { ...proposition, result: 'acceptee' },
    );
    expect(conflicts).toEqual([]);
    expect(merged.result).toBe('realisee');
  });

  it('opens a conflict when two devices moved a proposition to different branches', () => {
    const proposition = { id: 'p', youthId: 'y', kind: 'proposition', result: 'en-attente' };
    const { merged, conflicts } = mergeDocuments(
      'pathway',
      proposition,
      { ...proposition, result: 'acceptee' },
      { ...proposition, result: 'refusee-jeune' },
    );
    expect(merged.result).toBe('refusee-jeune');
    expect(conflicts).toEqual([
      { field: 'result', base: 'en-attente', ours: 'acceptee', theirs: 'refusee-jeune' },
    ]);
  });

  it('turns a vehicle booked twice for one slot into one conflict holding both bookings', () => {
    const slot = {
      id: 'v:2026-03-02',
      kind: 'loan',
      siteId: 's',
      vehicleId: 'v',
      startDate: '2026-03-02',
    };
    const { merged, conflicts } = mergeDocuments(
      'mobility',
      undefined,
      { ...slot, rev: 'a', youthId: 'inès', endDate: '2026-03-16' },
      { ...slot, rev: 'b', youthId: 'kevin', endDate: '2026-03-09' },
    );
    expect(merged).toMatchObject({ youthId: 'kevin', endDate: '2026-03-09' });
    expect(conflicts).toEqual([
      {
        field: 'reservation',
        base: undefined,
        ours: { youthId: 'inès', endDate: '2026-03-16' },
        theirs: { youthId: 'kevin', endDate: '2026-03-09' },
      },
    ]);
  });

  it('agrees whichever side is "ours" on every field not in conflict', () => {
    const value = fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined });
    const doc = fc.record({ x: value, y: value, z: value, _deleted: fc.boolean() });
    fc.assert(
      fc.property(doc, doc, doc, (b, o, t) => {
        const one = mergeDocuments('youths', b, o, t);
        const two = mergeDocuments('youths', b, t, o);
        const conflicted = new Set(one.conflicts.map((c) => c.field));
        expect(new Set(two.conflicts.map((c) => c.field))).toEqual(conflicted);
        expect(one.merged._deleted).toBe(two.merged._deleted);
        for (const field of ['x', 'y', 'z']) {
          if (!conflicted.has(field)) expect(one.merged[field]).toEqual(two.merged[field]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
