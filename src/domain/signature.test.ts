import { describe, expect, it } from 'vitest';
import { validateDocument } from './validation';
import { buildAttendance } from '../../tests/support/builders';
import { SIGNATURE_MAX_STROKES, SIGNATURE_MAX_STROKE_VALUES } from './schemas/attendance';
import { addPoint, hasDrawing, signaturePath, type Stroke } from './signature';

describe('a signature drawn with a finger', () => {
  it('keeps integer points inside the box, drops the ones too close, and draws them back', () => {
    let strokes: Stroke[] = [];
    strokes = addPoint(strokes, 10.4, 20.6, true);
    strokes = addPoint(strokes, 11, 21, false); // too close: dropped
    strokes = addPoint(strokes, 40, 250, false); // below the box: kept on its edge
    strokes = addPoint(strokes, -5, 30, true);
    expect(strokes).toEqual([
      [10, 21, 40, 200],
      [0, 30],
    ]);
    expect(signaturePath({ strokes })).toBe('M10 21L40 200M0 30L1 30');
    expect(hasDrawing(strokes)).toBe(false);
  });

  it('stays within the schema’s bounds however long the finger moves', () => {
    let strokes: Stroke[] = [];
    for (let s = 0; s < SIGNATURE_MAX_STROKES + 5; s++) {
      strokes = addPoint(strokes, 0, 0, true);
      for (let i = 1; i < 600; i++) strokes = addPoint(strokes, i % 600, (i * 7) % 200, false);
    }
    expect(strokes).toHaveLength(SIGNATURE_MAX_STROKES);
    expect(Math.max(...strokes.map((s) => s.length))).toBeLessThanOrEqual(
      SIGNATURE_MAX_STROKE_VALUES,
    );
    const attendance = buildAttendance({
      workshopId: 'w',
      youthId: 'y',
      signature: { at: '2026-11-26T09:45', strokes },
    });
    expect(validateDocument('attendances', attendance)).toEqual({ valid: true });
    expect(JSON.stringify(attendance.signature).length).toBeLessThan(40_000);
  });
});
