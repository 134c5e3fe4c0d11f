/**
 * What the caseload-search bench runs inside Chromium, bundled by Vite like the app: the
 * portefeuille's own search module, and the timing loop around it (kept here rather than in a
 * page.evaluate callback, which tsx would rewrite with helpers the page does not have).
 */
import {
  buildCaseloadIndex,
  DEFAULT_CRITERIA,
  searchCaseload,
  type CaseloadCriteria,
  type Programme,
} from '../../src/features/caseload/search';
import type { Youth } from '../../src/domain/schemas/youth';

export interface MeasureInput {
  youths: Youth[];
  lastContacts: [string, string][];
  programmes: [string, Programme][];
  today: string;
  userId: string;
  plan: Partial<CaseloadCriteria>[];
  warmUp: number;
}

/** Builds the index once, then times each search of the plan; returns the sorted durations. */
function measure(input: MeasureInput): { times: number[]; indexMs: number } {
  const indexStart = performance.now();
  const index = buildCaseloadIndex({
    youths: input.youths,
    lastContacts: new Map(input.lastContacts),
    programmes: new Map(input.programmes),
    today: input.today,
  });
  const indexMs = performance.now() - indexStart;
  const run = (criteria: Partial<CaseloadCriteria>) =>
    searchCaseload(index, { ...DEFAULT_CRITERIA, userId: input.userId, ...criteria });
  for (let i = 0; i < input.warmUp; i += 1) run(input.plan[i % input.plan.length]!);
  const times: number[] = [];
  for (const criteria of input.plan) {
    const start = performance.now();
    run(criteria);
    times.push(performance.now() - start);
  }
  return { times: times.sort((a, b) => a - b), indexMs };
}

Object.assign(globalThis, { caseloadBench: { measure } });
