/**
 * Issue 17, the statistics: direction's report computed by the server from its storage on
 * both backends, refused to an adviser (403) and for a bad period (400), up to date with what
 * is written between two reports; and an adviser's
 * figures computed on their device from what it synced equal the server's restricted to them.
 */
import { describe, expect, it } from 'vitest';
import type { CollectionName } from '../../src/domain/collections';
import { newRev } from '../../src/domain/ids';
import { restrictToAdviser, type StatisticsData } from '../../src/domain/indicators/data';
import { computeStatistics, type StatisticsReport } from '../../src/domain/indicators/report';
import type { PlainDocument } from '../../src/domain/merge';
import { scopeOf, youthScope } from '../../sync-server/src/replication/scope';
import type { DocumentWrite, Storage } from '../../sync-server/src/storage/storage';
import { ADVISER_SEES, DIRECTION, PASSWORD } from '../support/accounts';
import { buildEvent, SITE_PERSEIGNE } from '../support/builders';
import { BACKENDS } from '../support/storages';
import { ADVISER_A, NOVEMBER, statisticsFixture } from '../support/statistics-fixture';
import { syncWorld } from '../support/sync-world';

const COLLECTIONS = [
  'youths',
  'events',
  'appointments',
  'pathway',
  'workshops',
  'attendances',
  'mobility',
] as const satisfies readonly (keyof StatisticsData & CollectionName)[];

async function seed(storage: Storage, data: Partial<StatisticsData>, deleted = false) {
  const youths = new Map(
    (data.youths ?? []).map((y) => [y.id, youthScope(y as unknown as PlainDocument)]),
  );
  const writes: DocumentWrite[] = COLLECTIONS.flatMap((collection) =>
    ((data[collection] ?? []) as readonly object[]).map((doc) => {
      const plain = doc as PlainDocument;
      const youthId = collection === 'youths' ? String(plain.id) : (plain.youthId as string);
      return {
        collection,
        id: String(plain.id),
        rev: String(plain.rev),
        deleted,
        data: plain,
        youthId: youthId ?? null,
        scope: scopeOf(collection, plain, youthId ? youths.get(youthId) : undefined, 'test'),
        previousScope: null,
        previousData: null,
        writtenBy: 'test-user',
        deviceId: null,
      };
    }),
  );
  await storage.write((tx) => tx.putDocuments(writes));
}

async function get(url: string, login: string, query: string) {
  const session = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  const cookie = session.headers.getSetCookie()[0]!.split(';')[0]!;
  return fetch(`${url}/api/v1/statistics?${query}`, { headers: { cookie } });
}

/** The rows of every breakdown without their labels (names come from each side's directory). */
const counts = (report: StatisticsReport) =>
  report.breakdowns.map((b) => b.rows.map((row) => [row.key, row.count]));

const value = (report: StatisticsReport, id: string) =>
  report.indicators.find((i) => i.id === id)?.value;

describe.each(BACKENDS)('the statistics on %s', (backend) => {
  const world = syncWorld({ backend });

  it('gives direction the figures of every site, and refuses an adviser and a bad period', async () => {
    const fixture = statisticsFixture();
    await seed(world.server.storage, fixture);
    const period = `from=${NOVEMBER.from}&to=${NOVEMBER.to}`;

    const answer = await get(world.server.url, DIRECTION.login, period);
    expect(answer.status).toBe(200);
    const report = (await answer.json()) as StatisticsReport;
    const expected = computeStatistics(fixture, NOVEMBER);
    expect(report.indicators).toEqual(expected.indicators);
    expect(report.monthly).toEqual(expected.monthly);
    expect(counts(report)).toEqual(counts(expected));
    expect(value(report, 'jeunes-accompagnes')).toBe(4);
    expect(value(report, 'entretiens-proposes')).toBe(4);
    expect(report.breakdowns.find((b) => b.id === 'referent')!.rows.map((r) => r.label)).toEqual([
      'Camille Sées',
      'Lucas Sées',
    ]);

    // One site's dossiers: Léa alone is at Perseigne.
    const site = (await (
      await get(world.server.url, DIRECTION.login, `${period}&siteId=${SITE_PERSEIGNE}`)
    ).json()) as StatisticsReport;
    expect(value(site, 'jeunes-accompagnes')).toBe(1);
    expect(value(site, 'entrees-cej')).toBe(1);

    const refused = await get(world.server.url, ADVISER_SEES.login, period);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');

    const both = await get(
      world.server.url,
      DIRECTION.login,
      `${period}&siteId=${SITE_PERSEIGNE}&adviserId=${ADVISER_A}`,
    );
    expect(both.status).toBe(400);
    const bad = await get(world.server.url, DIRECTION.login, 'from=2026-11-31&to=2026-11-01');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.any(String) }),
    });
  });

  it('follows what is written between two reports: an entretien recorded, then removed', async () => {
    const fixture = statisticsFixture();
    await seed(world.server.storage, fixture);
    const report = async () =>
      (await (
        await get(world.server.url, DIRECTION.login, `from=${NOVEMBER.from}&to=${NOVEMBER.to}`)
      ).json()) as StatisticsReport;
    const before = value(await report(), 'entretiens-realises')!;

    const entretien = buildEvent({ youthId: fixture.youths[0]!.id });
    await seed(world.server.storage, { events: [entretien] });
    expect(value(await report(), 'entretiens-realises')).toBe(before + 1);

    await seed(world.server.storage, { events: [{ ...entretien, rev: newRev() }] }, true);
    expect(value(await report(), 'entretiens-realises')).toBe(before);
  });
});

describe('an adviser’s statistics', () => {
  const world = syncWorld({ backend: 'sqlite' });

  it('are computed on their device as the server computes them for that adviser', async () => {
    expect(ADVISER_SEES.id).toBe(ADVISER_A);
    await seed(world.server.storage, statisticsFixture());
    const fromServer = (await (
      await get(
        world.server.url,
        DIRECTION.login,
        `from=${NOVEMBER.from}&to=${NOVEMBER.to}&adviserId=${ADVISER_A}`,
      )
    ).json()) as StatisticsReport;

    const device = world.device(ADVISER_SEES.login);
    await device.sync();
    const held = Object.fromEntries(
      await Promise.all(COLLECTIONS.map(async (c) => [c, await device.find(c)] as const)),
    ) as unknown as StatisticsData;
    const onDevice = computeStatistics(restrictToAdviser(held, ADVISER_A), NOVEMBER);
    expect(value(onDevice, 'jeunes-accompagnes')).toBe(3);
    expect(onDevice.indicators).toEqual(fromServer.indicators);
    expect(onDevice.monthly).toEqual(fromServer.monthly);
    expect(onDevice.coverage).toEqual(fromServer.coverage);
    expect(counts(onDevice)).toEqual(counts(fromServer));
  });
});
