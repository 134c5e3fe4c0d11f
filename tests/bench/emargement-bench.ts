/**
 * The émargement of a 12-person session on one tablet, seen on a second device (design.md,
 * Targets: ≤ 300 ms p95 online; issue 15). The animateur taps présent / absent / excusé for
 * each participant in turn; another device of the site (a colleague's laptop, the siège)
 * follows the session live. Both are the real device code in Chromium against the real server.
 */
import type { AttendanceStatus } from '../../src/domain/schemas/attendance';
import { addDays, today, systemClock } from '../../src/domain/time';
import { ADVISER_SEES, ADVISER_SEES_2, PASSWORD } from '../support/accounts';
import { buildAttendance, buildWorkshop, buildYouth, SITE_SEES } from '../support/builders';
import { openBenchPage, withFixture } from './browser-bench';
import { seedScale } from './datasets';
import { percentile, type BenchRow } from './stats';

const PARTICIPANTS = 12;
/** Each participant marked in turn, four times over (présent, absent, excusé, présent). */
const ROUNDS: AttendanceStatus[] = ['realise', 'absent', 'excuse', 'realise'];
const TARGET_MS = 300;

type EmargementWindow = {
  relaisBench: {
    openDevice(l: string, p: string): Promise<void>;
    firstSync(collections: string[]): Promise<unknown>;
    mark(id: string, status: AttendanceStatus): Promise<number>;
    seenMark(id: string, status: AttendanceStatus): Promise<number>;
  };
};

export async function benchEmargement(): Promise<BenchRow> {
  return withFixture({}, async (fixture) => {
    const youths = Array.from({ length: PARTICIPANTS }, (_, i) =>
      buildYouth({ firstName: `Participant ${i + 1}`, siteId: SITE_SEES }),
    );
    // Yesterday's session: présent and absent are noted from the session's day on.
    const session = buildWorkshop({
      start: `${addDays(today(systemClock), -1)}T14:00`,
      capacity: PARTICIPANTS,
    });
    const attendances = youths.map((youth) =>
      buildAttendance({ workshopId: session.id, youthId: youth.id, status: 'prescrit' }),
    );
    await seedScale(fixture.server.storage, { youths, workshops: [session], attendances });
    const [tablet, other] = [await openBenchPage(fixture), await openBenchPage(fixture)];
    for (const [page, login] of [
      [tablet, ADVISER_SEES.login],
      [other, ADVISER_SEES_2.login],
    ] as const) {
      await page.evaluate(
        ([l, p]) => (window as never as EmargementWindow).relaisBench.openDevice(l!, p!),
        [login, PASSWORD],
      );
      await page.evaluate(() =>
        (window as never as EmargementWindow).relaisBench.firstSync([
          'youths',
          'workshops',
          'attendances',
        ]),
      );
    }
    const latencies: number[] = [];
    for (const status of ROUNDS) {
      for (const attendance of attendances) {
        const seenAt = other.evaluate(
          ([id, s]) =>
            (window as never as EmargementWindow).relaisBench.seenMark(id!, s as AttendanceStatus),
          [attendance.id, status],
        );
        const markedAt = await tablet.evaluate(
          ([id, s]) =>
            (window as never as EmargementWindow).relaisBench.mark(id!, s as AttendanceStatus),
          [attendance.id, status],
        );
        latencies.push((await seenAt) - markedAt);
      }
    }
    const p95 = percentile(latencies, 95);
    return {
      what: `émargement of a ${PARTICIPANTS}-person session on one tablet seen on another device (${latencies.length} taps, Chromium)`,
      measured: `p95 ${Math.round(p95)} ms (median ${Math.round(percentile(latencies, 50))} ms)`,
      target: `≤ ${TARGET_MS} ms p95`,
      ratio: `${(p95 / TARGET_MS).toFixed(2)}× target`,
      verdict: p95 <= TARGET_MS ? 'ok' : 'MISSED',
    };
  });
}
