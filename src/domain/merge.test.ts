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

  it('agrees whichever side is "ours" on every field not in conflict', () => {
    const value = fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined });
    const doc = fc.record({ x: value, y: value, z: value });
    fc.assert(
      fc.property(doc, doc, doc, (b, o, t) => {
        const one = mergeDocuments('youths', b, o, t);
        const two = mergeDocuments('youths', b, t, o);
        const conflicted = new Set(one.conflicts.map((c) => c.field));
        expect(new Set(two.conflicts.map((c) => c.field))).toEqual(conflicted);
        for (const field of ['x', 'y', 'z']) {
          if (!conflicted.has(field)) expect(one.merged[field]).toEqual(two.merged[field]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
