import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../sync-server/src/demo/generator';
import {
  buildAttendance,
  buildEvent,
  buildLoan,
  buildVehicle,
  buildYouth,
} from '../../tests/support/builders';
import { COLLECTION_NAMES } from './collections';
import { newId } from './ids';
import { validateDocument } from './validation';

describe('document schemas', () => {
  it('accept every document the demo generator makes', () => {
    const demo = generateDemo({ today: '2026-11-26', youths: 300, events: 3000 });
    for (const collection of COLLECTION_NAMES) {
      for (const document of demo[collection] ?? []) {
        const result = validateDocument(collection, document);
        if (!result.valid)
          throw new Error(`${collection} ${String(document.id)}: ${JSON.stringify(result.issues)}`);
      }
    }
    expect(demo.youths).toHaveLength(300);
    // Generating a year of activity takes seconds on two busy cores.
  }, 20_000);

  it('reject a wrong type with the path and the reason', () => {
    const result = validateDocument('youths', { ...buildYouth(), dependentChildren: 'two' });
    expect(result).toEqual({
      valid: false,
      issues: [{ path: '/dependentChildren', message: 'must be integer' }],
    });
  });

  it('reject a missing required field, an unknown field and a value outside the list', () => {
    const { firstName: _dropped, ...withoutFirstName } = buildYouth();
    expect(validateDocument('youths', withoutFirstName)).toMatchObject({
      issues: [{ path: '/firstName', message: 'required field is missing' }],
    });
    expect(validateDocument('youths', { ...buildYouth(), favouriteColour: 'bleu' })).toMatchObject({
      issues: [{ path: '/favouriteColour', message: 'unknown field' }],
    });
    const badKind = validateDocument('events', { ...buildEvent({ youthId: 'y1' }), kind: 'apéro' });
    expect(badKind.valid).toBe(false);
    if (!badKind.valid) {
      expect(badKind.issues[0]!.path).toBe('/kind');
      expect(badKind.issues[0]!.message).toContain('entretien-individuel');
    }
  });

  it('reject malformed dates and an over-long text', () => {
    const result = validateDocument('youths', {
      ...buildYouth(),
      birthDate: '12/04/2006',
      notes: 'x'.repeat(20001),
    });
    expect(result.valid).toBe(false);
    if (!result.valid)
      expect(result.issues.map((i) => i.path).sort()).toEqual(['/birthDate', '/notes']);
  });

  it('reject a NUL character anywhere, with its path', () => {
    expect(
      validateDocument('youths', { ...buildYouth(), notes: 'copié\u0000collé' }),
    ).toMatchObject({ valid: false, issues: [{ path: '/notes' }] });
  });

  it('reject a lone surrogate, which storage would silently turn into U+FFFD', () => {
    const youth = buildYouth();
    expect(validateDocument('youths', { ...youth, id: 'x\ud800' })).toMatchObject({
      valid: false,
      issues: [{ path: '/id' }],
    });
    expect(validateDocument('youths', { ...youth, notes: 'fin\udc00' })).toMatchObject({
      valid: false,
      issues: [{ path: '/notes' }],
    });
    expect(validateDocument('youths', { ...youth, notes: 'émoji 😀 gardé' })).toEqual({
      valid: true,
    });
  });

  it('reject an attendance or a vehicle calendar whose id is not its deterministic key', () => {
    const attendance = buildAttendance({ workshopId: 'w1', youthId: 'y1' });
    expect(validateDocument('attendances', attendance)).toEqual({ valid: true });
    expect(validateDocument('attendances', { ...attendance, id: 'w1:y2' })).toMatchObject({
      valid: false,
      issues: [{ path: '/id', message: 'must be w1:y1' }],
    });
    const calendar = { ...buildVehicle(), kind: 'calendar', vehicleId: 'v1', periods: [] };
    expect(validateDocument('mobility', { ...calendar, id: 'calendar:v1' })).toEqual({
      valid: true,
    });
    expect(validateDocument('mobility', calendar)).toMatchObject({
      valid: false,
      issues: [{ path: '/id', message: 'must be calendar:v1' }],
    });
  });

  it('accept a loan under any id since mobility v1 (v0 slot ids included)', () => {
    const loan = buildLoan({ vehicleId: 'v1', youthId: 'y1', startDate: '2026-12-01' });
    expect(validateDocument('mobility', loan)).toEqual({ valid: true });
    expect(validateDocument('mobility', { ...loan, id: newId() })).toEqual({ valid: true });
  });
});
