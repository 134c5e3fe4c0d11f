/**
 * Issue 17: a dossier anonymised by the retention rules (src/domain/retention.ts) still counts in
 * the statistics of the years it was followed — the same indicators and the same breakdowns as
 * before, the age band read from the year of birth it keeps.
 */
import { describe, expect, it } from 'vitest';
import type { CollectionName } from '../collections';
import type { PlainDocument } from '../merge';
import { anonymisedRecord, anonymisedYouth } from '../retention';
import { NOVEMBER, statisticsFixture } from '../../../tests/support/statistics-fixture';
import type { StatisticsData } from './data';
import { computeStatistics } from './report';

const METADATA = ['id', 'rev', 'updatedAt', 'updatedBy'] as const;

function keepMetadata(before: PlainDocument, after: PlainDocument): PlainDocument {
  const kept: PlainDocument = { ...after };
  for (const field of METADATA) kept[field] = before[field];
  return kept;
}

function anonymised(data: StatisticsData): StatisticsData {
  const attached = <T>(collection: CollectionName, docs: readonly T[]): T[] =>
    docs.map((doc) => {
      const plain = doc as unknown as PlainDocument;
      return keepMetadata(plain, anonymisedRecord(collection, plain)) as unknown as T;
    });
  return {
    youths: data.youths.map(
      (youth) =>
        keepMetadata(
          youth as unknown as PlainDocument,
          anonymisedYouth(youth as unknown as PlainDocument),
        ) as unknown as StatisticsData['youths'][number],
    ),
    events: attached('events', data.events),
    appointments: attached('appointments', data.appointments),
    pathway: attached('pathway', data.pathway),
    workshops: data.workshops,
    attendances: attached('attendances', data.attendances),
    mobility: attached('mobility', data.mobility),
  };
}

describe('statistics of anonymised dossiers', () => {
  it('count every anonymised dossier as before, in every indicator and breakdown', () => {
    const data = statisticsFixture();
    const before = computeStatistics(data, NOVEMBER);
    const after = computeStatistics(anonymised(data), NOVEMBER);
    expect(after.indicators).toEqual(before.indicators);
    expect(after.monthly).toEqual(before.monthly);
    expect(after.coverage).toEqual(before.coverage);
    expect(after.breakdowns).toEqual(before.breakdowns);
    for (const breakdown of before.breakdowns) {
      const same = after.breakdowns.find((b) => b.id === breakdown.id)!;
      expect(same.total, breakdown.id).toBe(breakdown.total);
      expect(
        same.rows.reduce((sum, row) => sum + (row as { count: number }).count, 0),
        breakdown.id,
      ).toBe(breakdown.total);
    }
    const firstNames = anonymised(data).youths.map((y) => (y as { firstName?: string }).firstName);
    expect(new Set(firstNames).size).toBe(1);
  });
});
