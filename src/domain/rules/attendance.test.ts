import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeDocuments, type PlainDocument } from '../merge';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../schemas/attendance';
import { fixedClock } from '../time';
import { attendanceToV1 } from '../vocabulary';
import { imiloAttendanceStatus } from '../imilo';
import {
  attendanceMoveProblem,
  attendanceStatus,
  closingProblem,
  correctionOf,
  isAllowedAttendanceMove,
  isAttended,
  lateChangeProblem,
  mergedStatus,
  releasesPlace,
  statusFields,
  type StatusFields,
} from './attendance';

// Thursday 26 November 2026, 10:00.
const clock = fixedClock('2026-11-26T10:00:00');

describe('statuses of an inscription, in i-milo’s words', () => {
  it('reads the status, a v0 record by its flags, and a présence whatever the status says', () => {
    expect(attendanceStatus({ status: 'excuse' })).toBe('excuse');
    expect(attendanceStatus({})).toBe('prescrit');
    expect(attendanceStatus({ present: false })).toBe('absent');
    expect(attendanceStatus({ cancelled: true })).toBe('excuse');
    expect(attendanceStatus({ status: 'absent', present: true })).toBe('realise');
    expect(isAttended({ status: 'realise', present: true })).toBe(true);
    expect(isAttended({ status: 'excuse', present: false })).toBe(false);
  });

  it('writes présence with the status, and names each status as i-milo does', () => {
    expect(statusFields('prescrit')).toEqual({ status: 'prescrit' });
    expect(statusFields('realise')).toEqual({ status: 'realise', present: true });
    expect(statusFields('refus-tiers')).toEqual({ status: 'refus-tiers', present: false });
    expect(ATTENDANCE_STATUSES.map((status) => imiloAttendanceStatus({ status }))).toEqual([
      'Prescrit',
      'Réalisé',
      'Absent',
      'Excusé',
      'Refus jeune',
      'Refus tiers',
    ]);
    expect(imiloAttendanceStatus({ cancelled: true })).toBe('Excusé');
  });

  it('gives the place back when excusé or refused, not when absent', () => {
    expect(releasesPlace({ status: 'excuse' })).toBe(true);
    expect(releasesPlace({ status: 'refus-jeune' })).toBe(true);
    expect(releasesPlace({ status: 'absent' })).toBe(false);
    expect(releasesPlace({ status: 'prescrit' })).toBe(false);
  });

  it('moves from prescrit anywhere, between the marks freely, never from a présence to a refusal', () => {
    for (const to of ATTENDANCE_STATUSES)
      expect(isAllowedAttendanceMove('prescrit', to)).toBe(true);
    for (const to of ATTENDANCE_STATUSES) expect(isAllowedAttendanceMove(undefined, to)).toBe(true);
    expect(isAllowedAttendanceMove('realise', 'absent')).toBe(true);
    expect(isAllowedAttendanceMove('absent', 'excuse')).toBe(true);
    expect(isAllowedAttendanceMove('excuse', 'prescrit')).toBe(true);
    expect(isAllowedAttendanceMove('refus-jeune', 'prescrit')).toBe(true);
    expect(isAllowedAttendanceMove('refus-tiers', 'realise')).toBe(true);
    expect(isAllowedAttendanceMove('realise', 'refus-jeune')).toBe(false);
    expect(isAllowedAttendanceMove('absent', 'refus-tiers')).toBe(false);
    expect(isAllowedAttendanceMove('refus-jeune', 'absent')).toBe(false);
  });

  it('notes réalisé and absent from the session’s day only; excusé any time', () => {
    const nextWeek = { start: '2026-12-03T14:00' };
    const thisAfternoon = { start: '2026-11-26T14:00' };
    expect(attendanceMoveProblem('prescrit', 'realise', nextWeek, clock)).toBe('NOT_HAPPENED_YET');
    expect(attendanceMoveProblem('prescrit', 'absent', nextWeek, clock)).toBe('NOT_HAPPENED_YET');
    expect(attendanceMoveProblem('prescrit', 'excuse', nextWeek, clock)).toBeUndefined();
    expect(attendanceMoveProblem('prescrit', 'realise', thisAfternoon, clock)).toBeUndefined();
    expect(attendanceMoveProblem('realise', 'refus-jeune', thisAfternoon, clock)).toBe(
      'INVALID_TRANSITION',
    );
  });
});

describe('closing a session, and correcting it afterwards', () => {
  const closed = { closedAt: '2026-11-24T16:05' };
  const realised = { status: 'realise' as const, present: true };

  it('closes a session once it started, never a cancelled one', () => {
    expect(closingProblem({ start: '2026-11-26T09:30' }, clock)).toBeUndefined();
    expect(closingProblem({ start: '2026-11-26T14:00' }, clock)).toBe('SESSION_NOT_STARTED');
    expect(closingProblem({ start: '2026-11-24T14:00', cancelled: true }, clock)).toBe(
      'SESSION_CANCELLED',
    );
  });

  it('lets anything through while the session is open', () => {
    expect(lateChangeProblem({}, realised, { status: 'absent', present: false })).toBeUndefined();
    expect(lateChangeProblem(undefined, undefined, realised)).toBeUndefined();
  });

  it('refuses a change of a closed session’s attendance, a new sign-up and a new signature', () => {
    expect(lateChangeProblem(closed, realised, { status: 'absent', present: false })).toBe(
      'SESSION_CLOSED',
    );
    expect(lateChangeProblem(closed, undefined, realised)).toBe('SESSION_CLOSED');
    expect(
      lateChangeProblem(closed, realised, {
        ...realised,
        signature: { at: '2026-11-26T09:00', strokes: [[1, 2, 3, 4]] },
      }),
    ).toBe('SESSION_CLOSED');
    expect(lateChangeProblem(closed, realised, { ...realised, _deleted: true })).toBe(
      'SESSION_CLOSED',
    );
    // Nothing locked changed: not a late change.
    expect(
      lateChangeProblem(closed, realised, { ...realised, registeredAt: '2026-11-20T10:00' }),
    ).toBeUndefined();
  });

  it('accepts a correction with its reason and the status written, and nothing else', () => {
    const made = { id: 'c1', at: '2026-11-26T09:40' };
    const corrected = correctionOf(realised, 'absent', '  Émargé par erreur  ', made);
    expect(corrected).toEqual({
      status: 'absent',
      present: false,
      corrections: [
        { id: 'c1', at: '2026-11-26T09:40', reason: 'Émargé par erreur', status: 'absent' },
      ],
    });
    expect(lateChangeProblem(closed, realised, corrected)).toBeUndefined();
    expect(lateChangeProblem(closed, realised, correctionOf(realised, 'absent', ' ', made))).toBe(
      'CORRECTION_REASON_REQUIRED',
    );
    // A correction that says one status and writes another.
    expect(lateChangeProblem(closed, realised, { ...corrected, status: 'excuse' })).toBe(
      'SESSION_CLOSED',
    );
    // Two corrections at once.
    const twice = correctionOf(corrected, 'absent', 'Encore', { id: 'c2', at: made.at });
    expect(lateChangeProblem(closed, realised, twice)).toBe('SESSION_CLOSED');
  });
});

describe('two devices’ émargements merged', () => {
  const status = fc.constantFrom<AttendanceStatus>(...ATTENDANCE_STATUSES);
  const base: PlainDocument = {
    id: 'w:y',
    rev: 'r0',
    workshopId: 'w',
    youthId: 'y',
    status: 'prescrit',
  };
  const side = (s: AttendanceStatus, rev: string, extra: PlainDocument = {}) => ({
    ...base,
    ...statusFields(s),
    rev,
    ...extra,
  });

  it('keeps réalisé when either device says so, then excusé, absent, the refusals', () => {
    expect(mergedStatus('absent', 'realise')).toBe('realise');
    expect(mergedStatus('absent', 'excuse')).toBe('excuse');
    expect(mergedStatus('prescrit', 'refus-tiers')).toBe('refus-tiers');
  });

  it('converges whichever write reaches the server first: A ⊕ B = B ⊕ A, and present follows the status', () => {
    fc.assert(
      fc.property(status, status, status, fc.boolean(), fc.boolean(), (b, x, y, walkA, walkB) => {
        const from = { ...base, ...statusFields(b) };
        const a = side(x, 'ra', walkA ? { walkIn: true } : {});
        const c = side(y, 'rb', walkB ? { walkIn: true } : {});
        const ab = mergeDocuments('attendances', from, a, c);
        const ba = mergeDocuments('attendances', from, c, a);
        expect(ab.conflicts).toEqual([]);
        expect(ba.conflicts).toEqual([]);
        const keep = (m: PlainDocument) => ({
          status: attendanceStatus(m as StatusFields),
          present: m.present,
          walkIn: m.walkIn,
        });
        expect(keep(ab.merged)).toEqual(keep(ba.merged));
        // Coherent: present exactly when réalisé (a status left prescrit has no présence).
        expect(ab.merged.present === true).toBe(
          attendanceStatus(ab.merged as StatusFields) === 'realise',
        );
        // A présence noted on either device stays.
        if ((x === 'realise' && b !== 'realise') || (y === 'realise' && b !== 'realise'))
          expect(attendanceStatus(ab.merged as StatusFields)).toBe('realise');
      }),
    );
  });

  it('keeps the corrections of both devices, and the server’s queue time', () => {
    const a = {
      ...side('absent', 'ra'),
      queuedAt: '2026-11-20T09:00:00.000Z',
      corrections: [{ id: 'c1', at: '2026-11-26T09:00', reason: 'Erreur', status: 'absent' }],
    };
    const b = {
      ...side('excuse', 'rb'),
      queuedAt: '2026-11-20T09:05:00.000Z',
      corrections: [{ id: 'c2', at: '2026-11-26T09:10', reason: 'Prévenu', status: 'excuse' }],
    };
    const { merged, conflicts } = mergeDocuments('attendances', base, a, b);
    expect(conflicts).toEqual([]);
    expect(merged).toMatchObject({ status: 'excuse', queuedAt: '2026-11-20T09:05:00.000Z' });
    expect((merged.corrections as { id: string }[]).map((c) => c.id)).toEqual(['c1', 'c2']);
    const reversed = mergeDocuments('attendances', base, b, a).merged;
    expect(reversed.corrections).toEqual(merged.corrections);
  });
});

describe('attendances v0 → v1', () => {
  it('turns the flags into a status and drops cancelled; a v1 record is returned unchanged', () => {
    const row = { id: 'w:y', workshopId: 'w', youthId: 'y' };
    expect(attendanceToV1({ ...row })).toEqual({ ...row, status: 'prescrit' });
    expect(attendanceToV1({ ...row, present: true })).toEqual({
      ...row,
      status: 'realise',
      present: true,
    });
    expect(attendanceToV1({ ...row, present: false })).toEqual({
      ...row,
      status: 'absent',
      present: false,
    });
    expect(attendanceToV1({ ...row, cancelled: true })).toEqual({
      ...row,
      status: 'excuse',
      present: false,
    });
    const v1 = { ...row, status: 'refus-jeune', present: false };
    expect(attendanceToV1(v1)).toBe(v1);
  });
});
