/**
 * The activity the permanence, the relances and an adviser's statistics read, live from the
 * device: grouped by young person, only those asked for, and up to date after a write, an edit
 * or a removal on the device (read by dossier since issue 17: see youthActivity.ts).
 */
import { firstValueFrom, filter } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { buildEvent, buildWorkshop, buildAttendance } from '../../../tests/support/builders';
import { seed, testDatabases } from '../../../tests/support/database';
import { youthActivity$, type YouthActivity } from './youthActivity';

const openDatabase = testDatabases();

const reports = (activity: YouthActivity, youthId: string) =>
  (activity.events.get(youthId) ?? []).map((e) => e.report).sort();

describe('youthActivity$', () => {
  it('groups the records of the young people asked for, and follows writes, edits and removals', async () => {
    const db = await openDatabase();
    const workshop = buildWorkshop();
    await seed(db, 'workshops', [workshop]);
    await seed(db, 'events', [
      buildEvent({ youthId: 'a', report: 'Premier entretien' }),
      buildEvent({ youthId: 'b', report: 'Bilan' }),
      buildEvent({ youthId: 'c', report: 'Pas dans la liste' }),
    ]);
    await seed(db, 'attendances', [buildAttendance({ workshopId: workshop.id, youthId: 'b' })]);

    const activity$ = youthActivity$(db, ['a', 'b']);
    const first = await firstValueFrom(activity$);
    expect(reports(first, 'a')).toEqual(['Premier entretien']);
    expect(reports(first, 'b')).toEqual(['Bilan']);
    expect(first.events.has('c')).toBe(false);
    expect(first.attendances.get('b')).toHaveLength(1);
    expect(first.workshops.get(workshop.id)?.id).toBe(workshop.id);

    const seen: YouthActivity[] = [];
    const subscription = activity$.subscribe((activity) => seen.push(activity));
    const next = (check: (activity: YouthActivity) => boolean) =>
      firstValueFrom(activity$.pipe(filter(check)));

    const added = buildEvent({ youthId: 'a', report: 'Suivi' });
    await db.events.insert(added);
    expect(reports(await next((x) => reports(x, 'a').length === 2), 'a')).toEqual([
      'Premier entretien',
      'Suivi',
    ]);

    await (await db.events.findOne(added.id).exec())!.incrementalPatch({ report: 'Suivi CEJ' });
    await next((x) => reports(x, 'a').includes('Suivi CEJ'));

    const bilan = (await db.events.find({ selector: { youthId: 'b' } }).exec())[0]!;
    await bilan.remove();
    await next((x) => !x.events.has('b'));
    subscription.unsubscribe();
    expect(seen.at(-1)!.events.has('b')).toBe(false);
    expect(seen.every((activity) => !activity.events.has('c'))).toBe(true);
  });
});
