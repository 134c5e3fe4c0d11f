/**
 * Bench: caseload search p95 over 5,000 dossiers, in headless Chromium (design.md: browser figures
 * come from Chromium). The demo generator makes 5,000 dossiers with a year of events; their last
 * contacts and dispositifs are computed as the screen does, then the page builds the index once
 * and runs what an adviser does: typing names letter by letter, alone and with filters and sorts.
 * Every search is timed on its own; the figure is the 95th percentile. Target: one frame, 16 ms.
 *
 * Run alone: `node --import tsx tests/bench/caseload-search.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { lastContactByYouth } from '../../src/domain/rules/contact';
import { dispositifOn } from '../../src/domain/rules/dispositif';
import type { YouthEvent } from '../../src/domain/schemas/event';
import type { PathwayRecord } from '../../src/domain/schemas/pathway';
import type { Youth } from '../../src/domain/schemas/youth';
import type { CaseloadCriteria, Programme } from '../../src/features/caseload/search';
import { generateDemo } from '../../sync-server/src/demo/generator';
import { CHROMIUM_ARGS } from '../e2e/support/browser';
import { CHROMIUM_PATH } from '../setup/ensure-chromium';
import type { MeasureInput } from './caseload-search-page';
import { percentile, type BenchRow } from './stats';

type Measure = (input: MeasureInput) => { times: number[]; indexMs: number };

export const CASELOAD_SIZE = 5000;
const TODAY = '2026-11-26';
const WARM_UP = 30;
export const CASELOAD_SEARCH_TARGET_MS = 16;

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: string;
}

async function bundleSearch(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: {
        entry: new URL('./caseload-search-page.ts', import.meta.url).pathname,
        formats: ['iife'],
        name: 'caseloadBenchBundle',
      },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const first = Array.isArray(output) ? output[0]! : output;
  const chunk = first.output.find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('no bundle for the caseload search');
  return chunk.code;
}

function dataset() {
  const demo = generateDemo({
    today: TODAY,
    youths: CASELOAD_SIZE,
    events: CASELOAD_SIZE * 12,
    collective: false,
  });
  const youths = demo.youths as unknown as Youth[];
  const lastContacts = lastContactByYouth(demo.events as unknown as YouthEvent[]);
  const byYouth = new Map<string, PathwayRecord[]>();
  for (const record of demo.pathway as unknown as PathwayRecord[]) {
    if (record.kind !== 'dispositif') continue;
    byYouth.set(record.youthId, [...(byYouth.get(record.youthId) ?? []), record]);
  }
  const programmes: [string, Programme][] = [];
  for (const [youthId, list] of byYouth) {
    const running = dispositifOn(list, TODAY)?.programme;
    if (running) programmes.push([youthId, running]);
  }
  return { youths, lastContacts: [...lastContacts], programmes };
}

/** What an adviser types and picks: names letter by letter, with and without filters. */
function queries(youths: readonly Youth[]): Partial<CaseloadCriteria>[] {
  const names = [...new Set(youths.map((y) => y.lastName))].slice(0, 40);
  const firstNames = [...new Set(youths.map((y) => y.firstName))].slice(0, 10);
  const filters: Partial<CaseloadCriteria>[] = [
    {},
    { programme: 'CEJ' },
    { qpv: 'qpv', status: 'actifs' },
    { withoutContactDays: 60, sort: 'last-contact' },
    { rural: 'rural', sort: 'age' },
    { epciId: 'cua', scope: 'mine' },
  ];
  const list: Partial<CaseloadCriteria>[] = [];
  names.forEach((name, i) => {
    for (let length = 1; length <= Math.min(6, name.length); length += 1) {
      list.push({ ...filters[i % filters.length], query: name.slice(0, length) });
    }
  });
  for (const first of firstNames) list.push({ query: `${names[0]} ${first.slice(0, 3)}` });
  for (const filter of filters) list.push({ ...filter, query: '' });
  return list;
}

export async function benchCaseloadSearch(): Promise<BenchResult> {
  const [bundle, data] = [await bundleSearch(), dataset()];
  const plan = queries(data.youths);
  const profile = mkdtempSync(join(tmpdir(), 'relais-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setContent('<!doctype html><title>caseload search bench</title>');
    await page.addScriptTag({ content: bundle });
    const input: MeasureInput = {
      ...data,
      today: TODAY,
      userId: String(data.youths[0]!.referentId),
      plan,
      warmUp: WARM_UP,
    };
    const { times, indexMs } = await page.evaluate(
      (args) =>
        (globalThis as unknown as { caseloadBench: { measure: Measure } }).caseloadBench.measure(
          args,
        ),
      input,
    );
    const p95 = percentile(times, 95);
    if (process.env.RELAIS_BENCH_VERBOSE) {
      const slowest = times.slice(-15).map((t) => t.toFixed(1));
      console.log(
        `index built in ${indexMs.toFixed(1)} ms; median ${times[times.length >> 1]!.toFixed(2)} ms; slowest ${slowest.join(' ')}`,
      );
    }
    return {
      name: `caseload search p95 over ${CASELOAD_SIZE} dossiers (${plan.length} searches, Chromium)`,
      value: Math.round(p95 * 100) / 100,
      unit: 'ms',
      target: `≤ ${CASELOAD_SEARCH_TARGET_MS} ms`,
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The same figure as a row of `npm run bench` (tests/bench/run.ts). */
export async function benchCaseloadSearchRow(): Promise<BenchRow> {
  const result = await benchCaseloadSearch();
  return {
    what: result.name,
    measured: `${result.value} ${result.unit}`,
    target: result.target,
    ratio: `${(result.value / CASELOAD_SEARCH_TARGET_MS).toFixed(2)}× target`,
    verdict: result.value <= CASELOAD_SEARCH_TARGET_MS ? 'ok' : 'MISSED',
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchCaseloadSearch();
  console.log(`${result.name}: ${result.value} ${result.unit} (target ${result.target})`);
}
